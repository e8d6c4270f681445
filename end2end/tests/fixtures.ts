import { test as base, expect, Page } from '@playwright/test';

/**
 * Waits until the page is interactive: `/page.js` has run and the page's islands (if any) are
 * rendered by their bundle (it marks `<html data-ready>`).
 */
export async function interactive(page: Page) {
  await expect(page.locator('html')).toHaveAttribute('data-ready', '');
}

/**
 * Every test fails if the page logs an error: a blocked script (Content-Security-Policy), a
 * failed wasm load or a hydration mismatch all show up there first.
 */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() !== 'error') return;
        // Chromium logs the 404 status of a page we opened on purpose; a missing script, style
        // or wasm (anything with a file extension) still counts.
        const url = msg.location().url ?? '';
        const isPage = url === page.url() || !/\.(js|css|wasm|svg|png|ico|json)$/i.test(new URL(url || 'http://x/').pathname);
        if (/status of 404/.test(msg.text()) && isPage) return;
        errors.push(`${msg.text()} (${url})`);
      });
      page.on('pageerror', (err) => errors.push(String(err)));
      await use(errors);
      expect(errors, 'errors in the browser console').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

import { test as base, expect, Page } from '@playwright/test';

/** Waits until the wasm has hydrated the page (the app marks `<html data-hydrated>`). */
export async function hydrated(page: Page) {
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
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

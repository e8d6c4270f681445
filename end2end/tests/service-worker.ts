import { expect, Page } from '@playwright/test';

// Waiting for the service worker, for the tests that let it control the page.

export async function controlledByServiceWorker(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
}

/** Waits until the worker has kept `path` (the page asks it to after each navigation). */
export async function kept(page: Page, path: string) {
  await expect
    .poll(
      () =>
        page.evaluate(async (p) => {
          // In whichever version's cache: the worker names its caches after its build.
          return !!(await caches.match(new URL(p, location.origin).href, { ignoreVary: true }));
        }, path),
      { timeout: 15_000 },
    )
    .toBe(true);
}

/**
 * Waits until the worker has kept the offline kit (the bundle that runs every resident's page
 * without a network, fetched at idle after a first visit) and the page that carries it offline.
 */
export async function kitKept(page: Page) {
  const kit = page.locator('meta[name="motcua-kit"]');
  for (const attribute of ['data-js', 'data-wasm']) {
    const file = await kit.getAttribute(attribute);
    expect(file, `the kit's ${attribute}`).toBeTruthy();
    await kept(page, file!);
  }
  await kept(page, '/offline');
}

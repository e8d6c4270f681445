import { test as base, expect, Page } from '@playwright/test';
import { hydrated } from './fixtures';

// Offline reading: after a first visit, the catalogue can be searched and a procedure read with
// the network cut. The service worker is allowed (as for residents); the network is cut with
// `context.setOffline`, once the worker controls the page.

const test = base;

async function controlledByServiceWorker(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
}

/** Waits until the worker has kept `path` (the page asks it to after each navigation). */
async function kept(page: Page, path: string) {
  await expect
    .poll(
      () =>
        page.evaluate(async (p) => {
          const cache = await caches.open('motcua-pages-v1');
          return !!(await cache.match(new URL(p, location.origin).href, { ignoreVary: true }));
        }, path),
      { timeout: 15_000 },
    )
    .toBe(true);
}

test('after a first visit, search and the procedure page work without a network', async ({ page, context }) => {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(String(err)));

  // First visit, online: search without diacritics and open the procedure.
  await page.goto('/procedures');
  await hydrated(page);
  await controlledByServiceWorker(page);
  await page.getByLabel('Bạn cần làm thủ tục gì?').fill('dang ky khai sinh');
  await expect(page.locator('.result').first()).toHaveAttribute('data-code', '1.001193');
  await page.locator('.result').first().getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Đăng ký khai sinh');
  await kept(page, '/procedures/1.001193');
  await kept(page, '/procedures');

  // The network is cut: a request the worker does not serve fails.
  await context.setOffline(true);
  const reachable = await page.evaluate(() => fetch('/healthz').then(() => true, () => false));
  expect(reachable).toBe(false);

  // Reloading the procedure page works from the kept copy.
  await page.reload();
  await hydrated(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Đăng ký khai sinh');
  await expect(page.locator('[data-fact="fee"] dd')).toHaveText('Miễn phí');

  // Searching again finds the same page, with the kept search index.
  await page.goto('/procedures');
  await hydrated(page);
  await page.getByLabel('Bạn cần làm thủ tục gì?').fill('khai sinh');
  await expect(page.locator('.result').first()).toHaveAttribute('data-code', '1.001193');
  // Other procedures are searchable offline too.
  await page.getByLabel('Bạn cần làm thủ tục gì?').fill('tam tru');
  await expect(page.locator('.result').first()).toHaveAttribute('data-code', '1.004194');
  await page.getByLabel('Bạn cần làm thủ tục gì?').fill('dang ky khai sinh');
  await page.locator('.result').first().getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Đăng ký khai sinh');

  // A procedure never opened says clearly that it needs the network.
  await page.getByRole('link', { name: 'Thủ tục', exact: true }).first().click();
  await page.getByLabel('Bạn cần làm thủ tục gì?').fill('tam tru');
  await page.locator('.result').first().getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Chưa lưu để xem khi không có mạng');

  // Back online, it opens.
  await context.setOffline(false);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Đăng ký tạm trú');
  expect(errors).toEqual([]);
});

test('a page never opened, loaded while offline, gets a bilingual notice', async ({ page, context }) => {
  await page.goto('/');
  await hydrated(page);
  await controlledByServiceWorker(page);
  await kept(page, '/');
  // A kept address with markup in it is listed as text, never as markup.
  const odd = '/procedures?event=%3Cb%3Ebold%3C%2Fb%3E';
  await page.goto(odd);
  await hydrated(page);
  await kept(page, odd);
  await context.setOffline(true);
  const response = await page.goto('/procedures/1.000656');
  expect(response?.status()).toBe(503);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Không có kết nối mạng');
  await expect(page.getByRole('heading', { name: 'You are offline' })).toBeVisible();
  await expect(page.getByRole('link', { name: '/', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: '/procedures?event=<b>bold</b>' })).toBeVisible();
  await expect(page.locator('b')).toHaveCount(0);
});

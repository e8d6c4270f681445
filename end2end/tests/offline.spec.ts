import { test as base, expect, Page } from '@playwright/test';
import { interactive } from './fixtures';
import { completeBirthDossier, openBirthDossier, prepareSending } from './dossier-helpers';
import { png } from './images';
import { controlledByServiceWorker, kept, kitKept } from './service-worker';

// Offline reading: after a first visit, the catalogue can be searched and a procedure read with
// the network cut. The service worker is allowed (as for residents); the network is cut with
// `context.setOffline`, once the worker controls the page.

const test = base;

test('after a first visit, search and the procedure page work without a network', async ({ page, context }) => {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(String(err)));

  // First visit, online: search without diacritics and open the procedure.
  await page.goto('/procedures');
  await interactive(page);
  await controlledByServiceWorker(page);
  await page.getByLabel('Bạn cần làm thủ tục gì?').fill('dang ky khai sinh');
  await expect(page.locator('.result').first()).toHaveAttribute('data-code', '1.001193');
  await page.locator('.result').first().getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Đăng ký khai sinh');
  await kept(page, '/procedures/1.001193');
  await kept(page, '/procedures');
  await kitKept(page);

  // The network is cut: a request the worker does not serve fails.
  await context.setOffline(true);
  const reachable = await page.evaluate(() => fetch('/healthz').then(() => true, () => false));
  expect(reachable).toBe(false);

  // Reloading the procedure page works from the kept copy.
  await page.reload();
  await interactive(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Đăng ký khai sinh');
  await expect(page.locator('[data-fact="fee"] dd')).toHaveText('Miễn phí');

  // Searching again finds the same page, with the kept search index.
  await page.goto('/procedures');
  await interactive(page);
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
  await interactive(page);
  await controlledByServiceWorker(page);
  await kept(page, '/');
  // A kept address with markup in it is listed as text, never as markup.
  const odd = '/procedures?event=%3Cb%3Ebold%3C%2Fb%3E';
  await page.goto(odd);
  await interactive(page);
  await kept(page, odd);
  await context.setOffline(true);
  // The worker's own requests may take a moment to see the cut (a page fetched meanwhile would be
  // kept), so each try opens an address never opened before. (A procedure's pages never opened
  // are rendered by the offline kit instead: see the first test.)
  let attempt = 0;
  await expect
    .poll(async () => (await page.goto(`/help?try=${attempt++}`))?.status(), { timeout: 15_000 })
    .toBe(503);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Không có kết nối mạng');
  await expect(page.getByRole('heading', { name: 'You are offline' })).toBeVisible();
  await expect(page.getByRole('link', { name: '/', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: '/procedures?event=<b>bold</b>' })).toBeVisible();
  await expect(page.locator('b')).toHaveCount(0);
});

test('after a first visit, the eligibility check runs to the checklist without a network', async ({ page, context }) => {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(String(err)));

  await page.goto('/procedures/1.001193');
  await interactive(page);
  await controlledByServiceWorker(page);
  await kept(page, '/procedures/1.001193');
  await kept(page, '/api/catalogue/procedure?code=1.001193');
  await kept(page, '/api/catalogue/definition?code=1.001193');
  await kitKept(page);

  await context.setOffline(true);
  const reachable = await page.evaluate(() => fetch('/healthz').then(() => true, () => false));
  expect(reachable).toBe(false);

  // Every step runs in the browser, with the rules compiled into the app.
  await page.getByRole('link', { name: /Bắt đầu/ }).click();
  const next = () => page.getByRole('button', { name: 'Tiếp tục' }).click();
  await page.getByLabel('Cho con tôi (dưới 18 tuổi)').check();
  await next();
  await page.getByLabel('Chưa bao giờ').check();
  await next();
  await page.getByLabel('Không', { exact: true }).check();
  await next();
  await page.getByLabel('Không', { exact: true }).check();
  await next();
  const born = new Date(Date.now() + 7 * 3600_000 - 20 * 86_400_000);
  await page.getByLabel('Ngày', { exact: true }).fill(String(born.getUTCDate()));
  await page.getByLabel('Tháng').fill(String(born.getUTCMonth() + 1));
  await page.getByLabel('Năm').fill(String(born.getUTCFullYear()));
  await next();
  await page.getByLabel('Có', { exact: true }).check();
  await next();
  await page.getByLabel('Không, nhưng có người làm chứng việc sinh').check();
  await next();
  await page.getByLabel('Không có').check();
  await next();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kiểm tra câu trả lời của bạn');
  await page.getByRole('link', { name: 'Xem kết quả' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bạn nộp hồ sơ được');
  await expect(page.locator('[data-document="witness_statement"]')).toBeVisible();
  await expect(page.locator('section', { has: page.getByRole('heading', { name: 'Lệ phí' }) })).toContainText('Miễn lệ phí');
  // Ticks are kept on the device, offline too.
  await page.locator('[data-document="witness_statement"]').getByLabel('Tôi đã có').check();
  await expect(page.locator('.checklist__ready')).toHaveText('Đã có 1 trên 4 giấy tờ');
  expect(errors).toEqual([]);
});

test('a page kept for offline use shows the display modes chosen since it was kept', async ({ page, context }) => {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /hydrat/i.test(msg.text())) errors.push(msg.text());
  });
  await page.goto('/procedures/1.001193/check');
  await interactive(page);
  await controlledByServiceWorker(page);
  await kept(page, '/procedures/1.001193/check');
  await expect(page.locator('html')).toHaveAttribute('data-text', '100');

  // Later on this device: twice the text and reading aloud; then the network goes.
  await page.goto('/settings');
  await interactive(page);
  await page.locator('main').getByLabel('Rất lớn (200 %)').check();
  await page.locator('main').getByLabel('Đọc to').check();
  await context.setOffline(true);

  // The kept copy was rendered with normal text: the device's choice still applies.
  await page.goto('/procedures/1.001193/check');
  await interactive(page);
  await expect(page.locator('html')).toHaveAttribute('data-text', '200');
  await expect(page.locator('html')).toHaveAttribute('data-speak', '');
  await expect(page.getByRole('button', { name: 'Nghe' }).first()).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hồ sơ này làm cho ai?');
  expect(errors).toEqual([]);
});

test('the worker keeps exactly the pages the resident opened, each with its query', async ({ page }) => {
  // Every address the tab showed, in order (full loads and form submissions alike).
  const visited = new Set<string>();
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame() && frame.url().startsWith('http')) visited.add(frame.url());
  });
  await page.goto('/procedures/1.000894');
  await interactive(page);
  await controlledByServiceWorker(page);
  // Through the check by its links and buttons, as a resident goes.
  await page.getByRole('link', { name: /Bắt đầu/ }).click();
  await page.getByLabel('Cho chính tôi').check();
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await expect(page).toHaveURL(/\/check\?.*who=self/);
  await interactive(page);
  // Then a full load of another page with a query.
  await page.goto('/procedures?q=ket+hon');
  await interactive(page);
  const pages = () =>
    page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) {
        if (!name.startsWith('motcua-pages-')) continue;
        for (const request of await (await caches.open(name)).keys()) {
          if (!new URL(request.url).pathname.startsWith('/api/')) urls.push(request.url);
        }
      }
      return urls.sort();
    });
  await expect.poll(pages, { timeout: 15_000 }).toEqual([...visited].sort());
  // Every kept page has the address it was opened at: a query never loses its "?".
  for (const url of await pages()) expect(new URL(url).pathname).not.toMatch(/check[a-z]/);
});

test('a dossier waiting on the device goes when the network is back, whichever part of the page hears it first', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  // The device keeps the offline kit, so the review page's island and the outbox run in one bundle.
  await page.goto('/procedures/1.001193');
  await interactive(page);
  await controlledByServiceWorker(page);
  await kitKept(page);
  const dossier = await openBirthDossier(page);
  await completeBirthDossier(page, dossier, png(1200, 1600));
  await prepareSending(page, dossier);
  await page.addInitScript(() => {
    // Only when the test asks: the bundle's requests to /healthz (not `/page.js`'s) wait 3 s.
    const original = window.fetch;
    window.fetch = async function (input: RequestInfo | URL, init?: RequestInit) {
      const url = input instanceof Request ? input.url : String(input);
      if ((window as any).slowBundleProbe && url.endsWith('/healthz') && !String(new Error().stack).includes('/page.js')) {
        console.info('bundle probe slowed');
        await new Promise((resolve) => setTimeout(resolve, 3_000));
      }
      return original.call(this, input, init);
    };
  });
  await context.setOffline(true);
  await page.reload();
  await interactive(page);
  await expect(page.locator('.network')).toHaveAttribute('data-online', 'false');
  await page.getByRole('button', { name: 'Gửi hồ sơ' }).click();
  await expect(page.getByTestId('sending-state')).toHaveAttribute('data-state', 'waiting');

  // The network is back. The page's script hears it first; the bundle's own question to the
  // portal is answered a moment later (as happens on a busy phone).
  let slowed = 0;
  page.on('console', (message) => {
    if (message.text() === 'bundle probe slowed') slowed += 1;
  });
  await page.evaluate(() => ((window as any).slowBundleProbe = true));
  await context.setOffline(false);
  await expect(page).toHaveURL(new RegExp(dossier + '/receipt$'), { timeout: 30_000 });
  expect(slowed).toBeGreaterThan(0);
});

import { test, expect, Page } from '@playwright/test';
import { interactive } from './fixtures';
import { kitKept } from './service-worker';
import { OwnServer } from './own-server';
import { birthResultPath, fillApplicant, fillDate, saved, startDossier } from './dossier-helpers';
import { png } from './images';

// The journey of the issue, with the server really stopped after the first visit: open the
// portal, start a birth-registration dossier, fill half of it, attach a photo, reload — everything
// is there; close the page and open a new one — the draft is listed and resumes; a new build is
// deployed — the resident is told, switches when they choose, and the draft survives.
// (Requests to a stopped server fail in the console on purpose: script errors are what count.)

async function controlled(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
}

/** The worker has precached the app shell and the offline kit, and kept the procedure's record,
 * definition and form. */
async function shellReady(page: Page) {
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          const names = await caches.keys();
          const shell = names.find((n) => n.startsWith('motcua-shell-'));
          if (!shell) return false;
          const cache = await caches.open(shell);
          const dossier = await cache.match('/dossiers/draft/section', { ignoreVary: true });
          const kept = await Promise.all(
            ['procedure', 'definition', 'form'].map((what) => caches.match(`/api/catalogue/${what}?code=1.001193`, { ignoreVary: true })),
          );
          return !!dossier && kept.every(Boolean);
        }),
      { timeout: 20_000 },
    )
    .toBe(true);
}

async function shellCaches(page: Page): Promise<string[]> {
  return page
    .evaluate(async () => (await caches.keys()).filter((n) => n.startsWith('motcua-shell-')))
    .catch(() => []); // the page was reloading: ask again
}

test('a dossier drafted with the server stopped survives reloads, a new page and a new build', async ({ page, context }, info) => {
  test.setTimeout(90_000);
  const errors: string[] = [];
  context.on('weberror', (error) => errors.push(String(error.error())));
  const server = new OwnServer(info);
  await server.start();
  try {
    // First visit, online: the check's result for a birth registration.
    await page.goto(server.url + birthResultPath());
    await interactive(page);
    await controlled(page);
    await shellReady(page);
    await kitKept(page);
    const [firstVersion] = await shellCaches(page);

    // The server is gone.
    await server.stop();
    expect(await page.evaluate(() => fetch('/healthz').then(() => true, () => false))).toBe(false);

    // Start the dossier and fill half of it.
    const dossier = await startDossier(page);
    await page.getByRole('link', { name: 'Thông tin người nộp hồ sơ' }).click();
    await fillApplicant(page);
    await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thông tin của trẻ');
    await page.getByLabel('Họ, chữ đệm và tên dự kiến của trẻ').fill('Nguyễn Minh Khang');
    await page.locator('[data-field="child_sex"]').getByLabel('Nam', { exact: true }).check();
    await fillDate(page, 'child_birth', '14', '11', '2026');
    await saved(page);

    // A photo of the hospital's birth certificate.
    await page.goto(server.url + dossier + '/documents');
    await interactive(page);
    const certificate = page.locator('[data-document="birth_certificate"]');
    await certificate.locator('input[type=file][multiple]').setInputFiles({
      name: 'IMG_0042.png',
      mimeType: 'image/png',
      buffer: png(3000, 4000),
    });
    await expect(certificate.locator('.attachment')).toContainText('1500×2000');

    // Reload: everything is there.
    await page.reload();
    await interactive(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Giấy tờ và ảnh chụp');
    await expect(certificate.locator('.attachment')).toContainText('IMG_0042.jpg');
    await expect(certificate.locator('.attachment img')).toHaveJSProperty('naturalHeight', 2000);
    await page.goto(server.url + dossier + '/child');
    await interactive(page);
    await expect(page.getByLabel('Họ, chữ đệm và tên dự kiến của trẻ')).toHaveValue('Nguyễn Minh Khang');
    await expect(page.locator('[data-field="child_sex"]').getByLabel('Nam', { exact: true })).toBeChecked();
    await expect(page.locator('.network')).toContainText('Không có mạng');

    // Close the page; a new one lists the draft, which resumes.
    await page.close();
    const next = await context.newPage();
    await next.goto(server.url + '/dossiers');
    await interactive(next);
    const row = next.locator('.dossier-row');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Đăng ký khai sinh');
    await expect(row).toContainText('Đã xong 1/5 phần');
    await row.getByRole('link', { name: 'Làm tiếp' }).click();
    await expect(next.locator('[data-section="applicant"]')).toContainText('Đã xong');
    await expect(next.locator('[data-section="child"]')).toContainText('Đang làm');
    await expect(next.locator('[data-section="documents"]')).toContainText('1 tệp đính kèm');

    // A new build is deployed and the server is back.
    server.deployNewBuild();
    await server.start();
    await next.reload();
    await interactive(next);
    const notice = next.locator('.update-notice');
    await expect(notice).toContainText('Đã có phiên bản mới của Một Cửa', { timeout: 20_000 });
    // The old version keeps serving until the resident chooses.
    expect(await shellCaches(next)).toContain(firstVersion);
    // The click lets the new version take over, and the page reloads into it.
    const reloaded = next.waitForEvent('load');
    await notice.getByRole('button', { name: 'Dùng phiên bản mới' }).click();
    await reloaded;
    expect(new URL(next.url()).pathname).toBe(dossier);
    await interactive(next);
    await expect
      .poll(() => shellCaches(next), { timeout: 15_000 })
      .toEqual([expect.stringMatching(/^motcua-shell-/)]);
    const [newVersion] = await shellCaches(next);
    expect(newVersion).not.toBe(firstVersion);
    await expect(next.locator('.update-notice')).toBeHidden();
    // The draft survived the update, photo and all.
    await expect(next.locator('[data-section="applicant"]')).toContainText('Đã xong');
    await next.goto(server.url + dossier + '/documents');
    await interactive(next);
    await expect(next.locator('[data-document="birth_certificate"] .attachment')).toContainText('IMG_0042.jpg');

    // And the new version works offline too.
    await server.stop();
    await next.reload();
    await interactive(next);
    await expect(next.locator('[data-document="birth_certificate"] .attachment img')).toHaveJSProperty('naturalWidth', 1500);
    expect(errors).toEqual([]);
  } finally {
    await server.stop();
  }
});

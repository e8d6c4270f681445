import { test, expect, interactive } from './fixtures';
import { chromium, Page } from '@playwright/test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromiumLaunch } from '../playwright.config';
import { birthResultPath, openBirthDossier, fillApplicant, saved, startDossier } from './dossier-helpers';
import { png } from './images';

// The device keeps what it says, and its storage answers truthfully: a database left at a newer
// version by a newer app (and an older, cached app running now) still opens every draft; a
// record written in a newer form says so, and what to do, rather than blaming private mode; a
// full device says it is full, how much the portal uses, and what to delete; a browser that keeps
// nothing for the site says storage is turned off. "Private mode" is said of none of them.

test.use({ serviceWorkers: 'block' });

test('drafts stay reachable after a newer version of the app upgraded the database', async ({ page }) => {
  const dossier = await openBirthDossier(page);
  await page.goto(dossier + '/applicant');
  await interactive(page);
  await fillApplicant(page, 'Lê Thị Mai');
  await saved(page);
  // A newer app upgraded the database (a new store) on this device; this app is older.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('motcua', 40);
        request.onupgradeneeded = () => request.result.createObjectStore('from_the_future');
        request.onsuccess = () => {
          request.result.close();
          resolve();
        };
        request.onerror = () => reject(request.error);
      }),
  );
  await page.goto('/dossiers');
  await interactive(page);
  await expect(page.getByTestId('store-problem')).toHaveCount(0);
  await expect(page.locator('.dossier-row')).toHaveCount(1);
  await page.goto(dossier + '/applicant');
  await interactive(page);
  await expect(page.getByLabel('Họ, chữ đệm và tên')).toHaveValue('Lê Thị Mai');
  // Still written to, too.
  await page.getByLabel('Nơi cư trú').fill('3 Lý Thái Tổ');
  await saved(page);
  await page.reload();
  await interactive(page);
  await expect(page.getByLabel('Nơi cư trú')).toHaveValue('3 Lý Thái Tổ');
});

test('a dossier written in a newer form says a newer version is needed, not private mode', async ({ page }) => {
  const dossier = await openBirthDossier(page);
  const id = dossier.split('/').pop()!;
  await page.evaluate(
    (key) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('motcua');
        request.onsuccess = () => {
          const db = request.result;
          const tx = db.transaction('drafts', 'readwrite');
          const store = tx.objectStore('drafts');
          const read = store.get(key);
          read.onsuccess = () => store.put({ ...read.result, format: 99 }, key);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    id,
  );
  await page.goto(dossier);
  await interactive(page);
  const problem = page.getByTestId('store-problem');
  await expect(problem).toHaveAttribute('data-problem', 'newer');
  await expect(problem).toContainText('phiên bản Một Cửa mới hơn');
  await expect(problem).not.toContainText('ẩn danh');
  await expect(problem.getByRole('link', { name: 'Tải lại trang' })).toBeVisible();
});

/**
 * A full phone: Chromium then aborts each write that would grow the data, with
 * `QuotaExceededError` on the transaction alone (no request fails; checked against Chromium's own
 * quota through `Storage.overrideQuotaForOrigin`, which cannot be set per test once an origin's
 * storage is in use). Here every read-write transaction is aborted where it would commit, and the
 * browser's estimate says what a full phone says.
 */
async function fillTheDevice(page: Page, full: boolean) {
  await page.evaluate((full) => {
    const w = window as any;
    w.__commit ??= IDBTransaction.prototype.commit;
    IDBTransaction.prototype.commit = function (this: IDBTransaction) {
      if (this.mode === 'readwrite' && w.__full) return this.abort();
      return w.__commit.call(this);
    };
    w.__full = full;
    navigator.storage.estimate = async () => ({ usage: 599 * 1024 * 1024, quota: 600 * 1024 * 1024 });
  }, full);
}

test('a full device says so, with how much the portal uses and what to delete, and nothing is lost', async ({ page }) => {
  const dossier = await openBirthDossier(page);
  await page.goto(dossier + '/documents');
  await interactive(page);
  await fillTheDevice(page, true);
  const certificate = page.locator('[data-document="birth_certificate"]');
  const choose = () =>
    certificate.locator('input[type=file][multiple]').setInputFiles({
      name: 'giay-chung-sinh.png',
      mimeType: 'image/png',
      buffer: png(1200, 1600),
    });
  await choose();
  await expect(certificate.locator('.error-message')).toContainText('Thiết bị đã hết chỗ lưu “giay-chung-sinh');
  await expect(certificate.locator('.attachment')).toHaveCount(0);
  // Room again: the same photo is kept.
  await fillTheDevice(page, false);
  await choose();
  await expect(certificate.locator('.attachment')).toHaveCount(1);
  // A typed change: the save status says the device is full, how much the portal uses, and what
  // to delete; the change waits in the page and is written once there is room.
  await page.goto(dossier + '/applicant');
  await interactive(page);
  await fillApplicant(page, 'Lê Thị Mai');
  await saved(page);
  await fillTheDevice(page, true);
  await page.getByLabel('Nơi cư trú').fill('3 Lý Thái Tổ');
  const status = page.getByTestId('save-status').first();
  await expect(status).toContainText('Thiết bị đã hết chỗ lưu: hãy xóa bớt ảnh hoặc hồ sơ cũ');
  await expect(status).toContainText('Một Cửa đang dùng 599,0 MB; trình duyệt cho phép khoảng 600,0 MB.');
  await fillTheDevice(page, false);
  await page.getByLabel('Nơi cư trú').fill('3 Lý Thái Tổ, Hoàn Kiếm');
  await saved(page);
  await page.reload();
  await interactive(page);
  await expect(page.getByLabel('Họ, chữ đệm và tên')).toHaveValue('Lê Thị Mai');
  await expect(page.getByLabel('Nơi cư trú')).toHaveValue('3 Lý Thái Tổ, Hoàn Kiếm');
});

test('"Start the dossier" on a full device says it is full and what to delete, not private mode; with room it starts', async ({ page }) => {
  await page.goto(birthResultPath());
  await interactive(page);
  await fillTheDevice(page, true);
  await page.getByRole('button', { name: 'Bắt đầu soạn hồ sơ' }).click();
  const problem = page.getByTestId('store-problem');
  await expect(problem).toHaveAttribute('data-problem', 'full');
  await expect(problem).toContainText('Thiết bị đã hết chỗ cho Một Cửa');
  await expect(problem).toContainText('Một Cửa đang dùng 599,0 MB; trình duyệt cho phép khoảng 600,0 MB.');
  await expect(page.getByTestId('start-fallback')).toContainText('mang danh sách giấy tờ này đến bộ phận một cửa');
  await expect(page.locator('.start-dossier')).not.toContainText('ẩn danh');
  await expect(page).toHaveURL(/\/check\/result/);
  // Room again: the same button starts the dossier, and only one was kept.
  await fillTheDevice(page, false);
  await startDossier(page);
  await page.goto('/dossiers');
  await interactive(page);
  await expect(page.locator('.dossier-row')).toHaveCount(1);
});

/**
 * A browser where the resident turned off site data ("Block sites from saving data", or cookies
 * blocked): Chromium still offers `indexedDB` but refuses every open ("UnknownError: The user
 * denied permission to access the database.") and throws on `localStorage`. The real setting,
 * in a profile of its own.
 */
test('with site data turned off in the browser, pages still work and say storage is off, not private mode', async ({ baseURL }, testInfo) => {
  const profile = testInfo.outputPath('profile');
  fs.mkdirSync(path.join(profile, 'Default'), { recursive: true });
  fs.writeFileSync(
    path.join(profile, 'Default', 'Preferences'),
    JSON.stringify({ profile: { default_content_setting_values: { cookies: 2 } } }),
  );
  const context = await chromium.launchPersistentContext(profile, {
    ...chromiumLaunch,
    baseURL,
    viewport: { width: 360, height: 740 },
    serviceWorkers: 'block',
  });
  const errors: string[] = [];
  try {
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(birthResultPath());
    await interactive(page);
    await page.getByRole('button', { name: 'Bắt đầu soạn hồ sơ' }).click();
    const problem = page.getByTestId('store-problem');
    await expect(problem).toHaveAttribute('data-problem', 'unavailable');
    await expect(problem).toContainText('bộ nhớ cho trang này đã bị tắt');
    await expect(page.getByTestId('start-fallback')).toBeVisible();
    await expect(page.locator('.start-dossier')).not.toContainText('ẩn danh');
    // The list of dossiers says the same, and the page's links still work.
    await page.goto('/dossiers');
    await interactive(page);
    await expect(page.getByTestId('store-problem')).toHaveAttribute('data-problem', 'unavailable');
    await page.locator('a.site-header__brand').click();
    await expect(page).toHaveURL(/\/$/);
    await interactive(page);
  } finally {
    await context.close();
  }
  expect(errors, 'errors in the page').toEqual([]);
});

import { test, expect, interactive } from './fixtures';
import { openBirthDossier, fillApplicant, saved } from './dossier-helpers';

// The device keeps what it says, and its storage answers truthfully: a database left at a newer
// version by a newer app (and an older, cached app running now) still opens every draft; a
// record written in a newer form says so, and what to do, rather than blaming private mode.

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

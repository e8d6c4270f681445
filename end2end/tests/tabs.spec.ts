import { test, expect, interactive } from './fixtures';
import { test as plain, Browser, BrowserContext, Page } from '@playwright/test';
import { OwnServer, onOwnServer } from './own-server';
import { completeBirthDossier, fillApplicant, openBirthDossier, prepareSending, saved } from './dossier-helpers';
import { png } from './images';

// One draft is at most one dossier, whatever tabs, windows and devices do: every write of a
// draft goes against the record as stored (revisions), the idempotency key is fixed once with
// the draft, and the other tabs hear of each write at once. (Service workers are kept out: these
// tests are about the device's store and the server.)

test.use({ serviceWorkers: 'block' });

/**
 * Presses "Gửi hồ sơ" if the page still shows it: a tab that heard the dossier was sent in
 * another one shows that instead, and has nothing to press.
 */
async function pressSend(page: Page) {
  await page
    .getByRole('button', { name: 'Gửi hồ sơ' })
    .click({ timeout: 3_000 })
    .catch(() => {});
}

/**
 * A complete birth dossier on `server`, on the review page of `page`, ready to send; with a photo
 * unless `photo` is false.
 */
async function readyDossier(page: Page, server: OwnServer, photo = true): Promise<string> {
  const dossier = await openBirthDossier(page, server.url);
  await completeBirthDossier(page, server.url + dossier, photo ? png(800, 600) : undefined);
  await prepareSending(page, server.url + dossier);
  return dossier;
}

async function openReview(page: Page, url: string) {
  await page.goto(url + '/review');
  await interactive(page);
  await expect(page.getByRole('button', { name: 'Gửi hồ sơ' })).toBeVisible();
}

async function receiptCode(page: Page, dossier: string): Promise<string> {
  await expect(page).toHaveURL(new RegExp(dossier + '/receipt$'), { timeout: 45_000 });
  const code = page.getByTestId('tracking-code');
  await expect(code).toBeVisible();
  return (await code.textContent())!.trim();
}

plain.describe('on a server of its own', () => {
  plain.use({ serviceWorkers: 'block' });

  plain('a dossier sent in one tab is shown sent in the other, which cannot send it again', async ({ page, context }, info) => {
    await onOwnServer(info, 150_000, async (server) => {
      const dossier = await readyDossier(page, server);
      const other = await context.newPage();
      await openReview(other, server.url + dossier);
      await page.getByRole('button', { name: 'Gửi hồ sơ' }).click();
      const code = await receiptCode(page, dossier);
      // The other tab learns at once: it shows the receipt, with the same code.
      expect(await receiptCode(other, dossier)).toBe(code);
      expect(await server.dossiers()).toBe(1);
      // The list keeps that receipt.
      await page.goto(server.url + '/dossiers');
      await interactive(page);
      await expect(page.locator('.dossier-row')).toHaveCount(1);
      await expect(page.locator('.dossier-row .tag')).toHaveText(/Đã gửi/);
    });
  });

  plain('two tabs pressing "Gửi hồ sơ" at once store one dossier, and both show its receipt', async ({ page, context }, info) => {
    await onOwnServer(info, 150_000, async (server) => {
      const dossier = await readyDossier(page, server);
      const other = await context.newPage();
      await openReview(other, server.url + dossier);
      await Promise.all([pressSend(page), pressSend(other)]);
      const [first, second] = await Promise.all([receiptCode(page, dossier), receiptCode(other, dossier)]);
      expect(second).toBe(first);
      expect(await server.dossiers()).toBe(1);
    });
  });

  plain('two windows with a copy of the same device storage, sending at once, store one dossier', async ({ browser, page, context }, info) => {
    await onOwnServer(info, 150_000, async (server) => {
      // (Without a photo: a copy of the browser's storage carries records, not files.)
      const dossier = await readyDossier(page, server, false);
      // A second browser profile with the same stored data (IndexedDB included): what a copied
      // profile, a restored backup or a synced device holds.
      const copy: BrowserContext = await (browser as Browser).newContext({
        storageState: await context.storageState({ indexedDB: true }),
        serviceWorkers: 'block',
      });
      try {
        const other = await copy.newPage();
        await openReview(other, server.url + dossier);
        await Promise.all([pressSend(page), pressSend(other)]);
        const [first, second] = await Promise.all([receiptCode(page, dossier), receiptCode(other, dossier)]);
        expect(second).toBe(first);
        expect(await server.dossiers()).toBe(1);
      } finally {
        await copy.close();
      }
    });
  });
});

test('two tabs typing in the same draft keep every word of both', async ({ page, context }) => {
  const dossier = await openBirthDossier(page);
  const other = await context.newPage();
  await page.goto(dossier + '/applicant');
  await interactive(page);
  await other.goto(dossier + '/applicant');
  await interactive(other);
  // One tab fills in the applicant; the other, still showing the empty part, the address only.
  await fillApplicant(page, 'Nguyễn Văn An');
  await saved(page);
  await other.getByLabel('Nơi cư trú').fill('45 Hàng Đào, phường Hoàn Kiếm');
  await saved(other);
  // The first tab shows the other's address (heard at once), and keeps its own name.
  await expect(page.getByLabel('Nơi cư trú')).toHaveValue('45 Hàng Đào, phường Hoàn Kiếm');
  await expect(other.getByLabel('Họ, chữ đệm và tên')).toHaveValue('Nguyễn Văn An');
  // What the device keeps: both.
  await other.close();
  await page.reload();
  await interactive(page);
  await expect(page.getByLabel('Họ, chữ đệm và tên')).toHaveValue('Nguyễn Văn An');
  await expect(page.getByLabel('Số định danh cá nhân')).toHaveValue('001085012345');
  await expect(page.getByLabel('Nơi cư trú')).toHaveValue('45 Hàng Đào, phường Hoàn Kiếm');
});

test('a stale tab hidden or closed never writes its older copy over a newer one', async ({ page, context }) => {
  const dossier = await openBirthDossier(page);
  const stale = await context.newPage();
  await stale.goto(dossier + '/applicant');
  await interactive(stale);
  // The stale tab, still holding the empty part, types and is closed: its writes must not undo
  // the other tab's.
  await page.goto(dossier + '/applicant');
  await interactive(page);
  await page.getByLabel('Họ, chữ đệm và tên').fill('Trần Thị Bình');
  await saved(page);
  await stale.getByLabel('Số điện thoại').fill('0987 654 321');
  await saved(stale);
  await stale.close({ runBeforeUnload: true });
  await page.reload();
  await interactive(page);
  await expect(page.getByLabel('Họ, chữ đệm và tên')).toHaveValue('Trần Thị Bình');
  await expect(page.getByLabel('Số điện thoại')).toHaveValue('0987 654 321');
});

test('a dossier deleted in one tab is shown deleted in the others, and not brought back', async ({ page, context }) => {
  const dossier = await openBirthDossier(page);
  const editing = await context.newPage();
  await editing.goto(dossier + '/applicant');
  await interactive(editing);
  await page.goto('/dossiers');
  await interactive(page);
  await page.getByRole('button', { name: 'Xóa' }).click();
  await page.getByRole('button', { name: 'Có, xóa' }).click();
  await expect(page.locator('.dossier-row')).toHaveCount(0);
  // The editing tab says so; typing there brings nothing back.
  await expect(editing.getByRole('heading', { level: 1 })).toHaveText('Không tìm thấy hồ sơ này trên thiết bị');
  await page.reload();
  await interactive(page);
  await expect(page.locator('.dossier-row')).toHaveCount(0);
});

test('a tab that never hears the news still cannot write an older copy, or bring a deleted dossier back', async ({ page, context }) => {
  const dossier = await openBirthDossier(page);
  // A tab that misses every message (as when a browser drops them, or an old tab sleeps):
  // only the store's rule stands between its copy and the newer record.
  const deaf = await context.newPage();
  await deaf.addInitScript(() => {
    // @ts-expect-error: taken away on purpose
    delete window.BroadcastChannel;
  });
  await deaf.goto(dossier + '/applicant');
  await interactive(deaf);
  await page.goto(dossier + '/applicant');
  await interactive(page);
  await page.getByLabel('Họ, chữ đệm và tên').fill('Trần Thị Bình');
  await saved(page);
  // The deaf tab still shows the empty part, types elsewhere, and writes.
  await expect(deaf.getByLabel('Họ, chữ đệm và tên')).toHaveValue('');
  await deaf.getByLabel('Số điện thoại').fill('0987 654 321');
  await saved(deaf);
  await page.reload();
  await interactive(page);
  await expect(page.getByLabel('Họ, chữ đệm và tên')).toHaveValue('Trần Thị Bình');
  await expect(page.getByLabel('Số điện thoại')).toHaveValue('0987 654 321');
  // Deleted in this tab; the deaf tab types again: nothing is brought back.
  await page.goto('/dossiers');
  await interactive(page);
  await page.getByRole('button', { name: 'Xóa' }).click();
  await page.getByRole('button', { name: 'Có, xóa' }).click();
  await expect(page.locator('.dossier-row')).toHaveCount(0);
  await deaf.getByLabel('Nơi cư trú').fill('45 Hàng Đào');
  await expect(deaf.getByRole('heading', { level: 1 })).toHaveText('Không tìm thấy hồ sơ này trên thiết bị');
  await page.reload();
  await interactive(page);
  await expect(page.locator('.dossier-row')).toHaveCount(0);
});

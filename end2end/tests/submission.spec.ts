import { test, expect, interactive } from './fixtures';
import { test as plain, Page } from '@playwright/test';
import { OwnServer, onOwnServer } from './own-server';
import { completeBirthDossier, openBirthDossier, prepareSending } from './dossier-helpers';
import { png } from './images';

// Submitting exactly once, on any network: the review page refuses an incomplete dossier with
// every reason; a dossier sent with no network waits on the device and goes by itself when the
// network is back, photos first, then the receipt; double clicks, reloads during the upload and
// answers lost on the way never store a second dossier; /track shows where it stands.
// (The network is cut for the page only: the service worker is kept out of these tests.)

test.use({ serviceWorkers: 'block' });

test('the review page lists everything missing, each linking to where it is fixed', async ({ page }) => {
  const dossier = await openBirthDossier(page);
  await page.getByTestId('review-link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kiểm tra và gửi hồ sơ');
  await page.getByRole('button', { name: 'Gửi hồ sơ' }).click();
  const summary = page.locator('#error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Hồ sơ chưa gửi được');
  await expect(summary).toContainText('Điền đúng và đủ phần “Thông tin người nộp hồ sơ”');
  await expect(summary).toContainText('Chọn xã, phường sẽ giải quyết hồ sơ');
  await expect(summary).toContainText('Đánh dấu vào lời cam đoan');
  await expect(summary.getByRole('link', { name: /Giấy chứng sinh/ }).first()).toHaveAttribute('href', dossier + '/documents');
  // A problem on this page moves the focus to its control.
  await summary.getByRole('link', { name: 'Đánh dấu vào lời cam đoan' }).click();
  await expect(page.getByLabel(/Tôi cam đoan/)).toBeFocused();
  // Nothing was queued.
  await expect(page.getByTestId('sending-state')).toHaveCount(0);
  await page.goto('/dossiers');
  await interactive(page);
  await expect(page.locator('.dossier-row .tag')).toHaveText('Đang soạn');
});

test('a dossier sent offline waits, goes by itself when the network is back, and can be tracked', async ({ page, context }) => {
  test.setTimeout(120_000);
  const dossier = await openBirthDossier(page);
  await completeBirthDossier(page, dossier, png(1200, 1600));
  await prepareSending(page, dossier);

  await context.setOffline(true);
  await expect(page.locator('.network')).toHaveAttribute('data-online', 'false');
  await page.getByRole('button', { name: 'Gửi hồ sơ' }).click();
  const state = page.getByTestId('sending-state');
  await expect(state).toHaveAttribute('data-state', 'waiting');
  await expect(state).toContainText('Đang chờ có mạng');
  await expect(page.getByTestId('waiting-count')).toContainText('1');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gửi hồ sơ');

  // The network comes back: sent by itself, then the receipt.
  await context.setOffline(false);
  await expect(page).toHaveURL(new RegExp(dossier + '/receipt$'), { timeout: 30_000 });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hồ sơ đã được tiếp nhận');
  const code = (await page.getByTestId('tracking-code').textContent())!.trim();
  expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]$/);
  await expect(page.getByTestId('due-date')).toContainText('Hẹn trả kết quả:');
  await expect(page.locator('.receipt-qr svg path')).toHaveAttribute('d', /^M/);
  await expect(page.getByText('Trung tâm phục vụ hành chính công Phường Hoàn Kiếm')).toBeVisible();
  await expect(page.getByTestId('waiting-count')).toBeHidden();

  // The rating: one question, then thanks.
  await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await expect(page.getByText('Chọn một mức từ 1 đến 5')).toBeVisible();
  await page.getByLabel('4 – Dễ').check();
  await page.getByLabel(/góp ý/).fill('Nhanh, dễ hiểu');
  await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await expect(page.getByText(/Cảm ơn bạn/)).toBeVisible();

  // My dossiers: sent, with the office's status.
  await page.goto('/dossiers');
  await interactive(page);
  await expect(page.locator('.dossier-row .tag')).toHaveText(/Đã gửi/);
  await expect(page.getByTestId('office-status')).toContainText('Đã tiếp nhận');

  // Tracking: a typo is caught on the device, a wrong phone finds nothing, the right pair does.
  await page.goto('/track');
  await interactive(page);
  const typo = code.slice(0, -1) + (code.endsWith('Z') ? 'Y' : 'Z');
  await page.getByLabel('Mã hồ sơ').fill(typo);
  await page.getByLabel('4 số cuối số điện thoại').fill('5678');
  await page.getByRole('button', { name: 'Tra cứu' }).click();
  await expect(page.locator('#track-code-error')).toContainText('bị gõ nhầm');
  await page.getByLabel('Mã hồ sơ').fill(code.toLowerCase().replaceAll('-', ' '));
  await page.getByLabel('4 số cuối số điện thoại').fill('1234');
  await page.getByRole('button', { name: 'Tra cứu' }).click();
  await expect(page.getByTestId('track-error')).toContainText('Không tìm thấy hồ sơ');
  await page.getByLabel('4 số cuối số điện thoại').fill('5678');
  await page.getByRole('button', { name: 'Tra cứu' }).click();
  await expect(page.getByTestId('track-status')).toHaveAttribute('data-status', 'received');
  await expect(page.getByTestId('track-status')).toContainText('Đã tiếp nhận');
  await expect(page.getByTestId('timeline').locator('li')).toHaveText([
    /Đã tiếp nhận/,
    /Đang giải quyết/,
    /Đã có kết quả/,
    /Đã trả kết quả/,
  ]);
});

async function ownDossier(page: Page, server: OwnServer): Promise<string> {
  const dossier = await openBirthDossier(page, server.url);
  await completeBirthDossier(page, server.url + dossier, png(800, 600));
  await prepareSending(page, server.url + dossier);
  return dossier;
}

plain.describe('on a server of its own', () => {
  plain.use({ serviceWorkers: 'block' });

  plain('double-clicking Send stores one dossier', async ({ page }, info) => {
    await onOwnServer(info, 120_000, async (server) => {
      const dossier = await ownDossier(page, server);
      await page.getByRole('button', { name: 'Gửi hồ sơ' }).dblclick();
      await expect(page).toHaveURL(new RegExp(dossier + '/receipt$'), { timeout: 30_000 });
      await expect(page.getByTestId('tracking-code')).toBeVisible();
      expect(await server.dossiers()).toBe(1);
    });
  });

  plain('a dossier sent while the portal does not answer goes by itself once it is back, with the network never gone', async ({ page }, info) => {
    await onOwnServer(info, 120_000, async (server) => {
      const dossier = await ownDossier(page, server);
      // The portal is down (the phone's network is fine, so the browser fires no `online` later).
      await server.stop();
      // The first try gets no answer.
      const unanswered = page.waitForEvent('requestfailed');
      await page.getByRole('button', { name: 'Gửi hồ sơ' }).click();
      await unanswered;
      await expect(page.getByTestId('sending-state')).toHaveAttribute('data-state', /retrying|waiting/);
      await server.start();
      await expect(page).toHaveURL(new RegExp(dossier + '/receipt$'), { timeout: 60_000 });
      expect(await server.dossiers()).toBe(1);
    });
  });

  plain('reloading during the upload, and an answer lost on the way, store one dossier', async ({ page }, info) => {
    await onOwnServer(info, 120_000, async (server) => {
      const dossier = await ownDossier(page, server);
      // The first upload is slow: the page is reloaded while it is under way.
      let uploads = 0;
      await page.route('**/api/dossiers/attachment', async (route) => {
        uploads += 1;
        if (uploads === 1) await new Promise((resolve) => setTimeout(resolve, 3_000));
        await route.continue().catch(() => {});
      });
      // The first submission reaches the server and is stored, but its answer never comes back.
      let submissions = 0;
      await page.route('**/api/dossiers/submit', async (route) => {
        submissions += 1;
        if (submissions === 1) {
          await route.fetch();
          await route.abort('connectionreset');
        } else {
          await route.continue();
        }
      });
      const uploading = page.waitForRequest('**/api/dossiers/attachment');
      await page.getByRole('button', { name: 'Gửi hồ sơ' }).click();
      await uploading;
      await page.reload();
      await interactive(page);
      await expect(page).toHaveURL(new RegExp(dossier + '/receipt$'), { timeout: 60_000 });
      await expect(page.getByTestId('tracking-code')).toBeVisible();
      expect(submissions).toBe(2);
      expect(uploads).toBeGreaterThanOrEqual(2);
      expect(await server.dossiers()).toBe(1);
    });
  });
});

import { test, expect, interactive } from './fixtures';
import { Page } from '@playwright/test';
import { fillApplicant, fillDate, openBirthDossier, saved } from './dossier-helpers';
import { png } from './images';

// Dossiers drafted on the device (IndexedDB): autosave, the form's checks, photos, saved people,
// deleting, the shared-computer mode and the upgrade of records written by the first schema.
// These run online against the suite's server; offline.spec.ts and dossier-offline.spec.ts cut
// the network or stop the server.

async function openPart(page: Page, name: string) {
  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await interactive(page);
}

test('a dossier is saved on the device as it is typed and survives a reload', async ({ page }) => {
  const dossier = await openBirthDossier(page);
  await expect(page.locator('[data-section="applicant"]')).toContainText('Chưa bắt đầu');
  await openPart(page, 'Thông tin người nộp hồ sơ');
  await page.getByLabel('Họ, chữ đệm và tên').fill('Nguyễn Văn An');
  await saved(page);
  await page.reload();
  await interactive(page);
  await expect(page.getByLabel('Họ, chữ đệm và tên')).toHaveValue('Nguyễn Văn An');

  // The task list says the part is started, and completed once saved with nothing wrong.
  await page.goto(dossier);
  await expect(page.locator('[data-section="applicant"]')).toContainText('Đang làm');
  await openPart(page, 'Thông tin người nộp hồ sơ');
  await fillApplicant(page);
  await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click();
  // On to the next part: the child.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thông tin của trẻ');
  await page.getByRole('link', { name: 'Về danh sách các phần của hồ sơ' }).click();
  await expect(page.locator('[data-section="applicant"]')).toContainText('Đã xong');
  await expect(page.locator('.task-list__summary')).toHaveText('Đã xong 1/5 phần');
});

test('a change is kept when the resident leaves by a link at once, before the autosave', async ({ page }) => {
  const dossier = await openBirthDossier(page);
  // Each page of the portal is a new document: the change must be on the device before it goes.
  for (const [link, name] of [
    ['header nav a[href="/dossiers"]', 'Nguyễn Văn An'],
    ['header a[href="/help"]', 'Nguyễn Văn Bình'],
    ['main a.back-link', 'Nguyễn Văn Cường'],
  ]) {
    await page.goto(dossier + '/applicant');
    await interactive(page);
    const field = page.locator('[data-field="applicant_name"] input');
    await field.fill(name);
    await page.locator(link).first().click();
    await expect(page).not.toHaveURL(/\/applicant$/);
    await page.goto(dossier + '/applicant');
    await interactive(page);
    await expect(page.locator('[data-field="applicant_name"] input')).toHaveValue(name);
  }
});

test('wrong answers get a summary at the top and a message by each field', async ({ page }) => {
  await openBirthDossier(page);
  await openPart(page, 'Thông tin người nộp hồ sơ');
  await fillApplicant(page);
  // A woman's ID number for a man; a phone number one digit short; a date that does not exist.
  await page.getByLabel('Số định danh cá nhân').fill('001185012345');
  await page.getByLabel('Số điện thoại').fill('091234567');
  await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click();
  const summary = page.locator('#error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Có lỗi cần sửa');
  await expect(summary.getByRole('link')).toHaveCount(2);
  await expect(summary).toContainText('Số định danh này là của một người nữ, nhưng giới tính đã chọn là nam');
  await expect(page.locator('[data-field="applicant_phone"] .error-message')).toContainText('10 chữ số');
  await expect(page.getByLabel('Số điện thoại')).toHaveAttribute('aria-describedby', /f-applicant_phone-error/);
  // The summary's link moves to the field.
  await summary.getByRole('link', { name: /Số điện thoại/ }).click();
  await expect(page.getByLabel('Số điện thoại')).toBeFocused();
  // Still on the same part; a message follows the corrections and goes once the value is right.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thông tin người nộp hồ sơ');
  await page.getByLabel('Số điện thoại').fill('+84 912 345');
  await expect(page.locator('[data-field="applicant_phone"] .error-message')).toContainText('10 chữ số');
  await page.getByLabel('Số điện thoại').fill('+84 912 345 678');
  await expect(page.locator('[data-field="applicant_phone"] .error-message')).toHaveCount(0);
  await expect(summary.getByRole('link')).toHaveCount(1);
  // A birth date in the future.
  await fillDate(page, 'applicant_birth', '2', '3', '2090');
  await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click();
  await expect(summary).toContainText('Ngày này chưa đến');
  // Nothing wrong: on to the next part.
  await fillDate(page, 'applicant_birth', '2', '3', '1985');
  await page.getByLabel('Số định danh cá nhân').fill('001085012345');
  await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thông tin của trẻ');
});

test('the father\'s part asks his details only when he is known', async ({ page }) => {
  const dossier = await openBirthDossier(page);
  await page.goto(dossier + '/father');
  await interactive(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thông tin người cha');
  await expect(page.locator('[data-field="father_name"]')).toBeHidden();
  await page.locator('[data-field="father_known"]').getByLabel('Có', { exact: true }).check();
  await expect(page.locator('[data-field="father_name"]')).toBeVisible();
  await page.locator('[data-field="father_known"]').getByLabel('Không', { exact: true }).check();
  await expect(page.locator('[data-field="father_name"]')).toBeHidden();
  await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Giấy tờ và ảnh chụp');
});

test('a photo is made smaller on the device, kept with the draft and can be removed', async ({ page }) => {
  const dossier = await openBirthDossier(page);
  await page.goto(dossier + '/documents');
  await interactive(page);
  const certificate = page.locator('[data-document="birth_certificate"]');
  await expect(certificate).toContainText('Giấy chứng sinh');
  // A 4000×3000 photo, as a phone takes it.
  const photo = png(4000, 3000);
  await certificate.locator('input[type=file][multiple]').setInputFiles({
    name: 'giay-chung-sinh.png',
    mimeType: 'image/png',
    buffer: photo,
  });
  const attachment = certificate.locator('.attachment');
  await expect(attachment).toHaveCount(1);
  await expect(attachment).toContainText('giay-chung-sinh.jpg');
  await expect(attachment).toContainText('2000×1500');
  await expect(attachment.locator('img')).toHaveJSProperty('naturalWidth', 2000);
  await expect(certificate.getByLabel('Tôi đã có')).toBeChecked();
  // What is kept is a JPEG smaller than what was chosen.
  const kept = await page.evaluate(async () => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const request = indexedDB.open('motcua');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const record: any = await new Promise((resolve) => {
      const request = db.transaction('files').objectStore('files').getAll();
      request.onsuccess = () => resolve(request.result[0]);
    });
    db.close();
    return { type: record.blob.type, size: record.blob.size };
  });
  expect(kept.type).toBe('image/jpeg');
  expect(kept.size).toBeLessThan(photo.length);

  // Still there after a reload; then removed.
  await page.reload();
  await interactive(page);
  await expect(attachment).toHaveCount(1);
  await expect(attachment.locator('img')).toHaveJSProperty('naturalWidth', 2000);
  await attachment.getByRole('button', { name: /Bỏ/ }).click();
  await expect(attachment).toHaveCount(0);
  await saved(page);
  await page.reload();
  await interactive(page);
  await expect(page.locator('[data-document="birth_certificate"] .attachment')).toHaveCount(0);
});

test('the page says "Đang lưu…" until a change is written, and what it says is written stays after a reload', async ({ page }) => {
  const dossier = await openBirthDossier(page);
  await page.goto(dossier + '/documents');
  await interactive(page);
  const certificate = page.locator('[data-document="birth_certificate"]');
  await certificate.locator('input[type=file][multiple]').setInputFiles({
    name: 'giay-chung-sinh.png',
    mimeType: 'image/png',
    buffer: png(400, 300),
  });
  const attachment = certificate.locator('.attachment');
  await expect(attachment).toHaveCount(1);
  await saved(page);
  // Another connection holds the drafts' store, as a slow phone or a busy tab would: the page's
  // write waits until it is let go.
  await page.evaluate(async () => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const request = indexedDB.open('motcua');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const w = window as any;
    w.__hold = true;
    const store = db.transaction('drafts', 'readwrite').objectStore('drafts');
    const again = () => {
      if (w.__hold) store.count().onsuccess = again;
      else db.close();
    };
    again();
  });
  await attachment.getByRole('button', { name: /Bỏ/ }).click();
  await expect(attachment).toHaveCount(0);
  const status = page.getByTestId('save-status').first();
  // Not written yet: the page must not say it is.
  await expect(status).toHaveText('Đang lưu…');
  await page.evaluate(() => ((window as any).__hold = false));
  await saved(page);
  await page.reload();
  await interactive(page);
  await expect(page.locator('[data-document="birth_certificate"] .attachment')).toHaveCount(0);
});

test('a file of the wrong type is refused with a message and nothing is stored', async ({ page }) => {
  const dossier = await openBirthDossier(page);
  await page.goto(dossier + '/documents');
  await interactive(page);
  const certificate = page.locator('[data-document="birth_certificate"]');
  await certificate.locator('input[type=file][multiple]').setInputFiles({
    name: 'ghi-chu.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('không phải ảnh'),
  });
  await expect(certificate.getByRole('alert')).toContainText('Không nhận được tệp “ghi-chu.txt”: chỉ nhận ảnh (JPG, PNG, WebP) hoặc tệp PDF');
  // A PDF over 5 MB is refused too.
  await certificate.locator('input[type=file][multiple]').setInputFiles({
    name: 'ban-scan.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(6 * 1024 * 1024, 0x25)]),
  });
  await expect(certificate.getByRole('alert')).toContainText('lớn hơn 5 MB');
  // A damaged photo cannot be read: refused before anything is kept.
  await certificate.locator('input[type=file][multiple]').setInputFiles({
    name: 'hong.jpg',
    mimeType: 'image/jpeg',
    buffer: Buffer.from('not a jpeg at all'),
  });
  await expect(certificate.getByRole('alert')).toContainText('Không đọc được ảnh “hong.jpg”');
  await page.reload();
  await interactive(page);
  await expect(page.locator('.attachment')).toHaveCount(0);
  const files = await page.evaluate(async () => {
    const db: IDBDatabase = await new Promise((resolve) => {
      const request = indexedDB.open('motcua');
      request.onsuccess = () => resolve(request.result);
    });
    const count: number = await new Promise((resolve) => {
      const request = db.transaction('files').objectStore('files').count();
      request.onsuccess = () => resolve(request.result);
    });
    db.close();
    return count;
  });
  expect(files).toBe(0);
});

test('my dossiers lists drafts newest first, resumes them, and deletes only after asking', async ({ page }) => {
  const first = await openBirthDossier(page);
  await openPart(page, 'Thông tin người nộp hồ sơ');
  await page.getByLabel('Họ, chữ đệm và tên').fill('Trần Thị Bình');
  await saved(page);
  await page.goto('/procedures/2.000815/check/result?who=self&damaged=no&secret=no&private=no&abroad=no');
  await interactive(page);
  await page.getByRole('button', { name: 'Bắt đầu soạn hồ sơ' }).click();
  await expect(page).toHaveURL(/\/dossiers\/[0-9a-f-]{36}$/);

  await page.getByRole('link', { name: 'Hồ sơ của tôi' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hồ sơ của tôi');
  const rows = page.locator('.dossier-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('Chứng thực bản sao từ bản chính');
  await expect(rows.nth(1)).toContainText('Đăng ký khai sinh');
  await expect(rows.nth(1)).toContainText('Đang soạn');
  await expect(page.getByTestId('storage-usage')).toContainText('Một Cửa đang dùng');

  // Resume the older one.
  await rows.nth(1).getByRole('link', { name: 'Làm tiếp' }).click();
  await expect(page).toHaveURL(new RegExp(first + '$'));
  await expect(page.locator('[data-section="applicant"]')).toContainText('Đang làm');

  // Delete asks first; "No" keeps it.
  await page.goto('/dossiers');
  await interactive(page);
  await rows.nth(1).getByRole('button', { name: 'Xóa' }).click();
  await expect(rows.nth(1).getByRole('alertdialog')).toContainText('Xóa hẳn hồ sơ này');
  await rows.nth(1).getByRole('button', { name: 'Không, giữ lại' }).click();
  await expect(rows).toHaveCount(2);
  await rows.nth(1).getByRole('button', { name: 'Xóa' }).click();
  await rows.nth(1).getByRole('button', { name: 'Có, xóa' }).click();
  await expect(rows).toHaveCount(1);
  await page.reload();
  await interactive(page);
  await expect(rows).toHaveCount(1);
  await page.goto(first);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Không tìm thấy hồ sơ này trên thiết bị');
});

test('people kept with consent fill in the next dossier, and can be changed and deleted', async ({ page }) => {
  await openBirthDossier(page);
  await openPart(page, 'Thông tin người nộp hồ sơ');
  await fillApplicant(page, 'Lê Văn Cường');
  await page.getByLabel('Ghi nhớ thông tin của tôi trên thiết bị này để điền sẵn hồ sơ sau').check();
  await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thông tin của trẻ');

  // A new dossier starts with my details.
  await page.goto('/procedures/2.000815/check/result?who=self&damaged=no&secret=no&private=no&abroad=no');
  await interactive(page);
  await page.getByRole('button', { name: 'Bắt đầu soạn hồ sơ' }).click();
  await expect(page).toHaveURL(/\/dossiers\/[0-9a-f-]{36}$/);
  await openPart(page, 'Thông tin người nộp hồ sơ');
  await expect(page.getByLabel('Họ, chữ đệm và tên')).toHaveValue('Lê Văn Cường');
  await expect(page.getByLabel('Số định danh cá nhân')).toHaveValue('001085012345');

  // The people page lists, changes and deletes.
  await page.goto('/people');
  await interactive(page);
  const card = page.locator('.person-card');
  await expect(card).toHaveCount(1);
  await expect(card).toContainText('Lê Văn Cường');
  await expect(card).toContainText('•••2345');
  await expect(card).not.toContainText('001085012345');
  await card.getByRole('button', { name: 'Sửa' }).click();
  await card.getByLabel('Số điện thoại').fill('12');
  await card.getByRole('button', { name: 'Lưu thay đổi' }).click();
  await expect(page.locator('#error-summary')).toContainText('10 chữ số');
  await card.getByLabel('Họ, chữ đệm và tên').fill('Lê Văn Cường Anh');
  await card.getByLabel('Số điện thoại').fill('0987654321');
  await card.getByRole('button', { name: 'Lưu thay đổi' }).click();
  await expect(card.locator('h2')).toContainText('Lê Văn Cường Anh');
  await card.getByRole('button', { name: 'Xóa' }).click();
  await card.getByRole('button', { name: 'Có, xóa' }).click();
  await expect(page.locator('.person-card')).toHaveCount(0);
  await expect(page.getByText('Chưa lưu ai.')).toBeVisible();
});

test('on a shared computer nothing outlives the tab, and everything can be cleared', async ({ page, context }) => {
  await page.goto('/people');
  await interactive(page);
  await page.getByLabel('Đây là máy dùng chung (máy ở bộ phận một cửa, quán internet)').check();
  await openBirthDossier(page);
  await openPart(page, 'Thông tin người nộp hồ sơ');
  // Nobody's details are offered to be remembered.
  await expect(page.getByLabel('Ghi nhớ thông tin của tôi trên thiết bị này để điền sẵn hồ sơ sau')).toHaveCount(0);
  await page.getByLabel('Họ, chữ đệm và tên').fill('Phạm Thị Dung');
  await saved(page);
  // Reloading the same tab keeps the draft.
  await page.goto('/dossiers');
  await interactive(page);
  await expect(page.locator('.dossier-row')).toHaveCount(1);

  // The tab is closed; the next person opens the portal in a new tab: nothing is left.
  await page.close();
  const next = await context.newPage();
  await next.goto('/dossiers');
  await interactive(next);
  await expect(next.getByText('Chưa có hồ sơ nào trên thiết bị này.')).toBeVisible();

  // "Clear everything" empties the device at once.
  await openBirthDossier(next);
  await next.goto('/people');
  await interactive(next);
  await next.getByRole('button', { name: 'Xóa mọi thứ khỏi thiết bị này' }).click();
  await next.getByRole('button', { name: 'Có, xóa tất cả' }).click();
  await expect(next.getByText('Đã xóa mọi thứ khỏi thiết bị này.')).toBeVisible();
  await next.goto('/dossiers');
  await interactive(next);
  await expect(next.getByText('Chưa có hồ sơ nào trên thiết bị này.')).toBeVisible();
  await next.close();
});

test('a draft written by the first schema (v1) is upgraded and read back', async ({ page }) => {
  // A page of the site that does not open the store, to write the old database first.
  // (The browser asks for /favicon.ico on a page that is not HTML: answered here, not a 404.)
  await page.route('**/favicon.ico', (route) => route.fulfill({ status: 204 }));
  await page.goto('/healthz');
  await page.evaluate(async () => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const request = indexedDB.open('motcua', 1);
      request.onupgradeneeded = () => request.result.createObjectStore('drafts');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise((resolve, reject) => {
      const tx = db.transaction('drafts', 'readwrite');
      tx.objectStore('drafts').put(
        {
          id: '7d0f1f0e-5b1c-4c84-9f55-0c7a2b8e5d11',
          procedure: '1.001193',
          answers: { who: 'child', registered: 'never' },
          form: { applicant_name: 'Vũ Thị Hoa', child_name: 'Vũ Minh Khang' },
          ticks: ['birth_certificate'],
          created: Date.UTC(2026, 0, 5, 2, 0),
          updated: Date.UTC(2026, 0, 5, 3, 30),
        },
        '7d0f1f0e-5b1c-4c84-9f55-0c7a2b8e5d11',
      );
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  });

  await page.goto('/dossiers');
  await interactive(page);
  const row = page.locator('.dossier-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('1.001193');
  await expect(row).toContainText('05/01/2026 10:30');
  await row.getByRole('link', { name: 'Làm tiếp' }).click();
  await expect(page.locator('.dossier-meta')).toContainText('Hồ sơ cho con bạn');
  await openPart(page, 'Thông tin người nộp hồ sơ');
  await expect(page.getByLabel('Họ, chữ đệm và tên')).toHaveValue('Vũ Thị Hoa');

  // The database is now at version 2, with the stores the new schema adds.
  const schema = await page.evaluate(async () => {
    const db: IDBDatabase = await new Promise((resolve) => {
      const request = indexedDB.open('motcua');
      request.onsuccess = () => resolve(request.result);
    });
    const result = { version: db.version, stores: [...db.objectStoreNames] };
    db.close();
    return result;
  });
  expect(schema).toEqual({ version: 2, stores: ['drafts', 'files', 'people'] });
});

test('the header says whether the device is online', async ({ page, context }) => {
  await page.goto('/dossiers');
  await interactive(page);
  const badge = page.locator('.network');
  await expect(badge).toHaveAttribute('data-online', 'true');
  await expect(badge).toContainText('Có mạng');
  await context.setOffline(true);
  await expect(badge).toHaveAttribute('data-online', 'false');
  await expect(badge).toContainText('Không có mạng');
  await context.setOffline(false);
  await expect(badge).toContainText('Có mạng');
});

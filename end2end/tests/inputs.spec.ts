import { test, expect, interactive } from './fixtures';
import { Page } from '@playwright/test';
import { fillDate, openBirthDossier, saved } from './dossier-helpers';

// Real inputs, as residents' phones, keyboards, records and scanners make them (issue 22): the
// browser reads them with the same plain-Rust rules as the server (`input::clean`, the checks of
// `dossier::validate`, `dossier::attachment::accept`), here in the wasm, where normalization is
// the browser's own `String.prototype.normalize`.

async function openPart(page: Page, dossier: string, part: string) {
  await page.goto(dossier + '/' + part);
  await interactive(page);
}

test('a name, a phone and an ID number typed in other Unicode forms are accepted and kept clean', async ({ page }) => {
  const dossier = await openBirthDossier(page);
  await openPart(page, dossier, 'applicant');
  // Unikey's "Unicode tổ hợp" (or macOS) sends the name decomposed; iOS wraps a copied number in
  // bidi marks; a chat app leaves a zero-width space in the ID number; an Asian keyboard types
  // full-width digits.
  const decomposed = 'Nguyễn Văn An'.normalize('NFD');
  expect(decomposed).not.toBe('Nguyễn Văn An');
  await page.getByLabel('Họ, chữ đệm và tên').fill(decomposed);
  await fillDate(page, 'applicant_birth', '２', '３', '１９８５');
  await page.locator('[data-field="applicant_sex"]').getByLabel('Nam', { exact: true }).check();
  await page.getByLabel('Số định danh cá nhân').fill('001085\u200B012345');
  await page.getByLabel('Nơi cư trú').fill('12\u00A0Hàng Bạc, phường Hoàn Kiếm'.normalize('NFD'));
  await page.getByLabel('Số điện thoại').fill('\u202D+84 (0) 912 345 678\u202C');
  await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thông tin của trẻ');
  // Kept in the one clean form: what the resident sees again, and what the server will keep.
  await openPart(page, dossier, 'applicant');
  await expect(page.getByLabel('Họ, chữ đệm và tên')).toHaveValue('Nguyễn Văn An');
  await expect(page.getByLabel('Số điện thoại')).toHaveValue('0912345678');
  await expect(page.getByLabel('Số định danh cá nhân')).toHaveValue('001085012345');
  await expect(page.getByLabel('Nơi cư trú')).toHaveValue('12 Hàng Bạc, phường Hoàn Kiếm');
  await expect(page.locator('[data-field="applicant_birth"]').getByLabel('Năm', { exact: true })).toHaveValue('1985');
});

test('numbers and dates as people write them get messages that name the real problem', async ({ page }) => {
  const dossier = await openBirthDossier(page);
  await openPart(page, dossier, 'applicant');
  await page.getByLabel('Số điện thoại').fill('0168 123 4567');
  await fillDate(page, 'applicant_birth', '2', '3', '85');
  await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click();
  const summary = page.locator('#error-summary');
  await expect(summary).toContainText('từ năm 2018 số này đã đổi thành 0381234567');
  await expect(page.locator('[data-field="applicant_birth"] .error-message')).toContainText(
    'Năm cần đủ 4 chữ số, ví dụ 1985',
  );
});

test('a father whose papers give only his year of birth is filed for with that year alone', async ({ page }) => {
  await page.goto('/procedures/1.014027/check/result?who=relative&relation=child&age=82&citizen=yes&pension=none');
  await interactive(page);
  await page.getByRole('button', { name: 'Bắt đầu soạn hồ sơ' }).click();
  await expect(page).toHaveURL(/\/dossiers\/[0-9a-f-]{36}$/);
  const dossier = new URL(page.url()).pathname;
  await openPart(page, dossier, 'subject');
  await page.getByLabel('Họ, chữ đệm và tên').fill('Nguyễn Văn Tư');
  await fillDate(page, 'subject_birth', '', '', '1944');
  await page.locator('[data-field="subject_sex"]').getByLabel('Nam', { exact: true }).check();
  await page.getByLabel('Số định danh cá nhân').fill('001044012345');
  await page.getByLabel('Dân tộc').fill('Kinh');
  await page.getByLabel('Quốc tịch').fill('Việt Nam');
  await page.getByLabel('Nơi cư trú').fill('12 Hàng Bạc, phường Hoàn Kiếm');
  await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click();
  await expect(page).not.toHaveURL(/\/subject$/);
  // Stored as given, shown as the papers say it: no invented 1 January.
  await page.goto(dossier + '/review');
  await interactive(page);
  await expect(page.locator('main')).toContainText('năm 1944');
  await expect(page.locator('main')).not.toContainText('1/1/1944');
  // A day without a month is no date; someone too young for the pension is said to be.
  await openPart(page, dossier, 'subject');
  await fillDate(page, 'subject_birth', '5', '', '1944');
  await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click();
  await expect(page.locator('[data-field="subject_birth"] .error-message')).toContainText('Điền năm');
  await fillDate(page, 'subject_birth', '', '', '1990');
  await page.getByLabel('Số định danh cá nhân').fill('001090012345');
  await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click();
  await expect(page.locator('[data-field="subject_birth"] .error-message')).toContainText('chưa đủ 70 tuổi');
});

const twoPages =
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >> endobj\n' +
  '3 0 obj << /Type /Page /Parent 2 0 R >> endobj\n4 0 obj << /Type /Page /Parent 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';

test('files as phones and scanners make them are kept, or refused at once with their name and why', async ({ page }) => {
  const dossier = await openBirthDossier(page);
  await openPart(page, dossier, 'documents');
  const certificate = page.locator('[data-document="birth_certificate"]');
  const input = certificate.locator('input[type=file][multiple]');
  const attachments = certificate.locator('.attachment');
  // A scanner's PDF with a line break and a byte order mark before its header: readers open it.
  await input.setInputFiles({
    name: 'ban-quet.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.concat([Buffer.from('\r\n\uFEFF'), Buffer.from(twoPages)]),
  });
  await expect(attachments).toHaveCount(1);
  await expect(attachments.first()).toContainText('ban-quet.pdf');
  // A PDF saved under a photo's name is kept as the PDF it is.
  await input.setInputFiles({ name: 'anh-chup.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(twoPages) });
  await expect(attachments).toHaveCount(2);
  await expect(attachments.nth(1)).toContainText('anh-chup.jpg');
  // Refused before anything is kept, each with its name: empty, a script inside, not a paper.
  await input.setInputFiles({ name: 'trong.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(0) });
  await expect(certificate.getByRole('alert')).toContainText('Tệp “trong.pdf” trống');
  await input.setInputFiles({
    name: 'co-ma.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.7\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>'),
  });
  await expect(certificate.getByRole('alert')).toContainText('Không nhận được tệp “co-ma.pdf” vì tệp chứa mã lệnh');
  await input.setInputFiles({ name: 'ghi-chu.pdf', mimeType: 'application/pdf', buffer: Buffer.from('không phải PDF') });
  await expect(certificate.getByRole('alert')).toContainText('Không nhận được tệp “ghi-chu.pdf”');
  await saved(page);
  await page.reload();
  await interactive(page);
  await expect(page.locator('[data-document="birth_certificate"] .attachment')).toHaveCount(2);
});

test('a search typed decomposed, or by the paper residents call it, finds the procedure', async ({ page }) => {
  await page.goto('/procedures');
  await interactive(page);
  const search = page.getByLabel('Bạn cần làm thủ tục gì?');
  await search.fill('giấy chứng tử'.normalize('NFD'));
  await expect(page.locator('.result').first()).toHaveAttribute('data-code', '1.000656');
  await search.fill('giay\u200B chung tu');
  await expect(page.locator('.result').first()).toHaveAttribute('data-code', '1.000656');
});

test('a check question\'s date typed "2 3 85" says the year needs four digits', async ({ page }) => {
  await page.goto(
    '/procedures/1.001193/check?who=child&registered=never&has_papers=no&foreign=no&born_day=2&born_month=3&born_year=85&asked=born',
  );
  await expect(page.locator('#error-summary')).toContainText('Năm cần đủ 4 chữ số, ví dụ 1985');
  // Full-width digits are digits.
  await page.goto(
    '/procedures/1.001193/check?who=child&registered=never&has_papers=no&foreign=no&born_day=%EF%BC%92&born_month=3&born_year=2099&asked=born',
  );
  await expect(page.locator('#error-summary')).toContainText('Ngày phải là hôm nay hoặc trước đó');
});

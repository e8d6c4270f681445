import { expect, Page } from '@playwright/test';
import { interactive } from './fixtures';

// Steps shared by the dossier tests: a birth registration filed by a parent, on time, with the
// hospital's birth certificate.

export function birthResultPath() {
  const born = new Date(Date.now() + 7 * 3600_000 - 10 * 86_400_000).toISOString().slice(0, 10);
  return (
    '/procedures/1.001193/check/result?who=child&registered=never&has_papers=no&foreign=no&born=' +
    born +
    '&married=yes&proof=certificate&special=none'
  );
}

/** From the checklist page, "Start the dossier": returns the new dossier's address. */
export async function startDossier(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Bắt đầu soạn hồ sơ' }).click();
  await expect(page).toHaveURL(/\/dossiers\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Đăng ký khai sinh');
  return new URL(page.url()).pathname;
}

export async function openBirthDossier(page: Page, base = ''): Promise<string> {
  await page.goto(base + birthResultPath());
  await interactive(page);
  return startDossier(page);
}

/** Types a date into a field's day, month and year boxes. */
export async function fillDate(page: Page, field: string, day: string, month: string, year: string) {
  const group = page.locator(`[data-field="${field}"]`);
  await group.getByLabel('Ngày', { exact: true }).fill(day);
  await group.getByLabel('Tháng', { exact: true }).fill(month);
  await group.getByLabel('Năm', { exact: true }).fill(year);
}

/** The applicant's part, filled in correctly (a man born 2 March 1985 in Hà Nội). */
export async function fillApplicant(page: Page, name = 'Nguyễn Văn An') {
  await page.getByLabel('Họ, chữ đệm và tên').fill(name);
  await fillDate(page, 'applicant_birth', '2', '3', '1985');
  await page.locator('[data-field="applicant_sex"]').getByLabel('Nam', { exact: true }).check();
  await page.getByLabel('Số định danh cá nhân').fill('001085012345');
  await page.getByLabel('Nơi cư trú').fill('12 Hàng Bạc, phường Hoàn Kiếm');
  await page.getByLabel('Số điện thoại').fill('0912 345 678');
}

/** Waits until the draft is written to the device (the page says when). */
export async function saved(page: Page) {
  await expect(page.getByTestId('save-status').first()).toHaveText(/^Đã lưu trên thiết bị lúc \d\d:\d\d$/);
}

/** Fills one part through its page and saves it ("Lưu và tiếp tục"). */
async function savePart(page: Page, dossier: string, part: string, fill: () => Promise<void>) {
  await page.goto(dossier + '/' + part);
  await interactive(page);
  await fill();
  await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click();
  await expect(page).not.toHaveURL(new RegExp(`/${part}$`));
}

async function field(page: Page, id: string, value: string) {
  await page.locator(`[data-field="${id}"] input, [data-field="${id}"] textarea`).first().fill(value);
}

/**
 * Every part of the birth dossier at `dossier` (a path, or a full URL on another server), filled
 * in correctly through the pages; the papers ticked, and a photo of the birth certificate when
 * `photo` is given.
 */
export async function completeBirthDossier(page: Page, dossier: string, photo?: Buffer) {
  await savePart(page, dossier, 'applicant', () => fillApplicant(page));
  await savePart(page, dossier, 'child', async () => {
    await field(page, 'child_name', 'Nguyễn Minh Khang');
    await page.locator('[data-field="child_sex"]').getByLabel('Nam', { exact: true }).check();
    const born = new Date(Date.now() + 7 * 3600_000 - 10 * 86_400_000);
    await fillDate(page, 'child_birth', String(born.getUTCDate()), String(born.getUTCMonth() + 1), String(born.getUTCFullYear()));
    await field(page, 'child_birthplace', 'Bệnh viện Phụ sản Hà Nội');
    await field(page, 'child_ethnicity', 'Kinh');
    await field(page, 'child_nationality', 'Việt Nam');
  });
  await savePart(page, dossier, 'mother', async () => {
    await field(page, 'mother_name', 'Trần Thị Hoa');
    await fillDate(page, 'mother_birth', '5', '6', '1990');
    await field(page, 'mother_id', '001190012345');
    await field(page, 'mother_ethnicity', 'Kinh');
    await field(page, 'mother_nationality', 'Việt Nam');
    await field(page, 'mother_residence', '12 Hàng Bạc, phường Hoàn Kiếm');
  });
  await savePart(page, dossier, 'father', async () => {
    await page.locator('[data-field="father_known"]').getByLabel('Không', { exact: true }).check();
  });
  await savePart(page, dossier, 'documents', async () => {
    const boxes = page.locator('.checklist__box');
    await expect(boxes.first()).toBeVisible();
    for (const box of await boxes.all()) await box.check();
    if (photo) {
      const certificate = page.locator('[data-document="birth_certificate"]');
      await certificate.locator('input[type=file][multiple]').setInputFiles({
        name: 'giay-chung-sinh.png',
        mimeType: 'image/png',
        buffer: photo,
      });
      await expect(certificate.locator('.attachment')).toHaveCount(1);
    }
    await saved(page);
  });
}

/** On the review page: the office and the declaration, ready for "Gửi hồ sơ". */
export async function prepareSending(page: Page, dossier: string) {
  await page.goto(dossier + '/review');
  await interactive(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kiểm tra và gửi hồ sơ');
  await page.getByLabel('Xã, phường giải quyết hồ sơ').selectOption({ label: 'Phường Hoàn Kiếm' });
  await page.getByLabel(/Tôi cam đoan/).check();
  await saved(page);
}

import { expect, Page } from '@playwright/test';
import { hydrated } from './fixtures';

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
  await hydrated(page);
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

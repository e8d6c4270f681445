import { Page } from '@playwright/test';
import { test, expect, interactive } from './fixtures';

// The eligibility check: one question a page, check your answers, the result with the personal
// checklist. Played in the browser, and without JavaScript further down.

/** Today in Hà Nội (UTC+7), minus `days`, as day, month and year. */
function daysAgo(days: number) {
  const d = new Date(Date.now() + 7 * 3600_000 - days * 86_400_000);
  return { day: String(d.getUTCDate()), month: String(d.getUTCMonth() + 1), year: String(d.getUTCFullYear()) };
}

async function choose(page: Page, label: string) {
  await page.getByLabel(label, { exact: true }).check();
  await page.getByRole('button', { name: /Tiếp tục|Continue/ }).click();
}

async function answerNumber(page: Page, value: string) {
  await page.locator('.number-input input').fill(value);
  await page.getByRole('button', { name: /Tiếp tục|Continue/ }).click();
}

test('a marriage with a 19-year-old man ends "not eligible", with the reason', async ({ page }) => {
  await page.goto('/procedures/1.000894');
  await interactive(page);
  await page.getByRole('link', { name: /Bắt đầu/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hồ sơ này làm cho ai?');
  await expect(page.locator('.check-progress')).toHaveText(/Câu hỏi 1 trên khoảng \d+/);
  await choose(page, 'Cho chính tôi');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Một trong hai người có quốc tịch nước ngoài không?');
  await expect(page.locator('.check-progress')).toHaveText(/Câu hỏi 2 trên khoảng \d+/);
  await choose(page, 'Không');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Người nam bao nhiêu tuổi?');

  // Back keeps the answers given.
  await page.getByRole('link', { name: 'Quay lại' }).click();
  await expect(page.getByLabel('Không', { exact: true })).toBeChecked();
  await page.getByRole('button', { name: 'Tiếp tục' }).click();

  await answerNumber(page, '19');
  // The answer ends the questions: check your answers, then the result.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kiểm tra câu trả lời của bạn');
  await expect(page.locator('.summary-list')).toContainText('19 tuổi');
  await page.getByRole('link', { name: 'Xem kết quả' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bạn chưa nộp hồ sơ này được');
  await expect(page.locator('.result-panel__reason')).toContainText('Người nam phải từ đủ 20 tuổi');
  await expect(page.locator('.checklist')).toHaveCount(0);

  // Reload keeps everything (the answers are in the address).
  await page.reload();
  await interactive(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bạn chưa nộp hồ sơ này được');

  // Change the age from the summary: 20 goes on to the next question.
  await page.locator('.summary-list__row', { hasText: 'Tuổi của người nam' }).getByRole('link', { name: /Sửa/ }).click();
  await expect(page.locator('.number-input input')).toHaveValue('19');
  await answerNumber(page, '20');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Người nữ bao nhiêu tuổi?');
});

test('a birth registered 90 days after it happened shows the late-registration fee', async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: 'i18n_pref_locale', value: 'en', url: baseURL! }]);
  await page.goto('/procedures/1.001193/check');
  await interactive(page);
  await choose(page, 'My child (under 18)');
  await choose(page, 'Never');
  await choose(page, 'No');
  await choose(page, 'No');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('When was the child born?');

  // A day that does not exist gets a clear message, in the error summary and by the field.
  await page.getByLabel('Day').fill('31');
  await page.getByLabel('Month').fill('4');
  await page.getByLabel('Year').fill('2026');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('.error-summary')).toContainText('That is not a real date');
  await expect(page).toHaveTitle(/^There is a problem/);

  const born = daysAgo(90);
  await page.getByLabel('Day').fill(born.day);
  await page.getByLabel('Month').fill(born.month);
  await page.getByLabel('Year').fill(born.year);
  await page.getByRole('button', { name: 'Continue' }).click();
  await choose(page, 'Yes');
  await choose(page, 'Yes');
  await choose(page, 'Neither');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your answers');
  await page.getByRole('link', { name: 'See the result' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You can apply');
  await expect(page.locator('.result-panel__reason')).toContainText('late registration');
  const fee = page.locator('section', { has: page.getByRole('heading', { name: 'Fee' }) });
  await expect(fee).toContainText('Late-registration fee');
  await expect(fee).toContainText('Please confirm at the counter');
  await expect(page.locator('[data-document="birth_certificate"]')).toBeVisible();
});

test('a relative filing for an elderly parent needs an authorisation with no certification', async ({ page }) => {
  await page.goto('/procedures/1.014027/check');
  await interactive(page);
  await choose(page, 'Cho người thân tôi đang giúp, ví dụ cha mẹ già');
  await choose(page, 'Cha hoặc mẹ tôi');
  await answerNumber(page, '78');
  await choose(page, 'Có');
  await choose(page, 'Không');
  await page.getByRole('link', { name: 'Xem kết quả' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bạn nộp hồ sơ được');
  const authorisation = page.locator('[data-document="authorisation"]');
  await expect(authorisation).toContainText('Văn bản ủy quyền');
  await expect(authorisation).toContainText('Không cần chứng thực');
  await expect(page.locator('[data-document="authorisation_certified"]')).toHaveCount(0);
});

test('the checklist remembers ticks on the device and prints on one A4 page', async ({ page }) => {
  const result =
    '/procedures/1.001193/check/result?who=child&registered=never&has_papers=no&foreign=no&born=' +
    new Date(Date.now() + 7 * 3600_000 - 10 * 86_400_000).toISOString().slice(0, 10) +
    '&married=yes&proof=certificate&special=none';
  await page.goto(result);
  await interactive(page);
  await expect(page.locator('.checklist__ready')).toHaveText('Đã có 0 trên 4 giấy tờ');
  await page.locator('[data-document="birth_certificate"]').getByLabel('Tôi đã có').check();
  await expect(page.locator('.checklist__ready')).toHaveText('Đã có 1 trên 4 giấy tờ');
  await page.reload();
  await interactive(page);
  await expect(page.locator('[data-document="birth_certificate"]').getByLabel('Tôi đã có')).toBeChecked();
  await expect(page.locator('[data-document="form"]').getByLabel('Tôi đã có')).not.toBeChecked();

  // Printed: no header, no answers, the checklist and the facts; one page.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('#answers-heading')).toBeHidden();
  await expect(page.locator('.checklist')).toBeVisible();
  await expect(page.locator('.print-only')).toContainText('In ngày');
  const pdf = await page.pdf({ format: 'A4' });
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
  expect(pages.length).toBe(1);
  await expect(page.getByRole('button', { name: 'In danh sách giấy tờ' })).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByRole('button', { name: 'In danh sách giấy tờ' })).toBeVisible();
});

test('a routed answer links to the procedure that fits', async ({ page }) => {
  await page.goto('/procedures/1.001193/check?who=child&registered=lost');
  await interactive(page);
  await page.getByRole('link', { name: 'Xem kết quả' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Trường hợp của bạn làm thủ tục khác');
  await page.getByRole('link', { name: /Kiểm tra thủ tục phù hợp/ }).click();
  await expect(page).toHaveURL(/\/procedures\/1\.004884\/check$/);
  await expect(page.locator('.caption').first()).toHaveText('Đăng ký lại khai sinh');
});

test('a stay under 30 days is not temporary residence: the next step links the right procedures', async ({ page }) => {
  await page.goto('/procedures/1.004194/check/result?who=self&stay=no');
  await interactive(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bạn chưa nộp hồ sơ này được');
  const next = page.locator('section', { has: page.getByRole('heading', { name: 'Nên làm gì tiếp' }) });
  await expect(next.getByRole('link', { name: '1.004222' })).toHaveAttribute('href', '/procedures/1.004222');
  await next.getByRole('link', { name: '2.001159' }).click();
  await expect(page).toHaveURL(/\/procedures\/2\.001159$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thông báo lưu trú');
});

test('other procedures get the generic journey: who, the case, then the published papers', async ({ page }) => {
  await page.goto('/procedures/1.004884/check');
  await interactive(page);
  await choose(page, 'Cho chính tôi');
  await page.getByRole('link', { name: 'Xem kết quả' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Giấy tờ cần chuẩn bị');
  await expect(page.locator('.checklist__item').first()).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the questions, the errors and the result work with plain form posts', async ({ page }) => {
    await page.goto('/procedures/1.000894/check');
    // Continue without an answer: the server says what is wrong.
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await expect(page.locator('.error-summary')).toContainText('Hãy chọn một câu trả lời');
    await expect(page).toHaveTitle(/^Có lỗi cần sửa/);
    await choose(page, 'Cho chính tôi');
    await choose(page, 'Không');
    await answerNumber(page, 'mười chín');
    await expect(page.locator('.error-message')).toContainText('Hãy nhập số nguyên');
    await answerNumber(page, '19');
    await page.getByRole('link', { name: 'Xem kết quả' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bạn chưa nộp hồ sơ này được');
    await expect(page.locator('.result-panel__reason')).toContainText('Người nam phải từ đủ 20 tuổi');
  });
});

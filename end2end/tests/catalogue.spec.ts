import { test, expect, interactive } from './fixtures';

// The procedure catalogue: search without diacritics, browse by life event, read a procedure.

test('searching without diacritics shows the right procedure first, as you type', async ({ page }) => {
  await page.goto('/procedures');
  await interactive(page);
  await page.getByLabel('Bạn cần làm thủ tục gì?').pressSequentially('dang ky khai sinh', { delay: 20 });
  // The address keeps the query, so the results can be shared, bookmarked and reloaded.
  await expect(page).toHaveURL(/\/procedures\?q=dang%20ky%20khai%20sinh$/);
  const first = page.locator('.result').first();
  await expect(first).toHaveAttribute('data-code', '1.001193');
  await expect(first.getByRole('link')).toHaveText('Đăng ký khai sinh');
  await expect(page.getByRole('status')).toContainText('cho “dang ky khai sinh”');

  await first.getByRole('link').click();
  await expect(page).toHaveURL(/\/procedures\/1\.001193$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Đăng ký khai sinh');
  await expect(page.locator('[data-fact="time"] dd')).toHaveText('1 ngày làm việc');
  await expect(page.locator('[data-fact="fee"] dd')).toHaveText('Miễn phí');
  await expect(page.getByRole('heading', { name: 'Hồ sơ cần chuẩn bị' })).toBeVisible();
  await expect(page.locator('.document-group[data-use="submit"]')).toContainText('Giấy chứng sinh');
  await expect(page.locator('.document-group[data-use="show"]')).toContainText('Hộ chiếu/Thẻ căn cước');
});

test('the results are in the first response, before any script runs', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByLabel('Bạn cần làm thủ tục gì?').fill('tam tru');
  await page.getByRole('button', { name: 'Tìm kiếm' }).click();
  await expect(page).toHaveURL(/\/procedures\?q=tam\+tru$/);
  await expect(page.locator('.result').first()).toHaveAttribute('data-code', '1.004194');
  await page.locator('.result').first().getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Đăng ký tạm trú');
  // Where to file: a plain form, working without scripts too.
  await page.getByLabel('Xã, phường của bạn (Hà Nội)').selectOption({ label: 'Phường Hoàn Kiếm' });
  await page.getByRole('button', { name: 'Xem nơi nộp' }).click();
  await expect(page.getByRole('status')).toHaveText(
    'Nộp tại Trung tâm Phục vụ hành chính công Phường Hoàn Kiếm.',
  );
  await context.close();
});

test('a search that finds nothing says so and offers the life events', async ({ page }) => {
  await page.goto('/procedures?q=qwxz');
  await interactive(page);
  await expect(page.getByRole('status')).toHaveText('Không tìm thấy thủ tục nào cho “qwxz”.');
  await expect(page.locator('.result')).toHaveCount(0);
  await expect(page.getByRole('link', { name: /Có con nhỏ/ })).toBeVisible();
});

test('browsing a life event lists its procedures with their count', async ({ page }) => {
  await page.goto('/procedures');
  await interactive(page);
  await page.getByRole('link', { name: /Người thân qua đời/ }).click();
  await expect(page).toHaveURL(/\/procedures\?event=nguoi-than-qua-doi$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Người thân qua đời' })).toBeVisible();
  await expect(page.locator('.result')).toHaveCount(17);
  await expect(page.locator('.result[data-code="1.000656"]')).toBeVisible();
});

test('narrowing a search to a life event keeps the query', async ({ page }) => {
  await page.goto('/procedures?q=khai%20sinh');
  await interactive(page);
  await page.locator('.filter').getByRole('link', { name: /Có con nhỏ/ }).click();
  await expect(page).toHaveURL(/q=khai%20sinh&event=co-con-nho/);
  await expect(page.getByRole('searchbox')).toHaveValue('khai sinh');
  const codes = await page.locator('.result').evaluateAll((items) => items.map((i) => i.getAttribute('data-code')));
  expect(codes[0]).toBe('1.001193');
  await expect(page.locator('.filter [aria-current="page"]')).toContainText('Có con nhỏ');
});

test('in English, names are translated and Vietnamese-only ones are marked', async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: 'i18n_pref_locale', value: 'en', url: baseURL! }]);
  await page.goto('/procedures?q=marriage');
  await interactive(page);
  await expect(page.locator('.result').first()).toHaveAttribute('data-code', '1.000894');
  await expect(page.locator('.result').first().getByRole('link')).toHaveText('Marriage registration');

  await page.goto('/procedures/1.004194');
  await interactive(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Temporary residence registration');
  await expect(page.locator('[data-fact="time"] dd')).toHaveText('3 working days');
  await expect(page.locator('[data-fact="fee"] dd')).toHaveText('10,000–15,000 ₫ in person, 5,000–7,000 ₫ online');

  // A procedure outside the everyday life events keeps its Vietnamese name, marked as such.
  await page.goto('/procedures/2.000815');
  await interactive(page);
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveAttribute('lang', 'vi');
  await expect(heading).toContainText('Chứng thực bản sao từ bản chính');
  await expect(page.getByText('The official name and texts of this procedure are in Vietnamese only.')).toBeVisible();
  await expect(page.locator('tr[data-channel="inperson"]').first()).toContainText('2,000 ₫/trang');
});

test('the language switch keeps the procedure open', async ({ page }) => {
  await page.goto('/procedures/1.000656');
  await interactive(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Đăng ký khai tử');
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Death registration');
  await expect(page).toHaveURL(/\/procedures\/1\.000656$/);
});

test('the home page searches and lists the everyday life events', async ({ page }) => {
  await page.goto('/');
  await interactive(page);
  for (const name of ['Có con nhỏ', 'Hôn nhân và gia đình', 'Cư trú và giấy tờ tùy thân', 'Người thân qua đời', 'Hưu trí']) {
    await expect(page.locator('.event-list').getByRole('link', { name: new RegExp(name) })).toBeVisible();
  }
  await page.getByLabel('Bạn cần làm thủ tục gì?').fill('xac nhan tinh trang hon nhan');
  await page.getByRole('button', { name: 'Tìm kiếm' }).click();
  await expect(page.locator('.result').first()).toHaveAttribute('data-code', '1.004873');
});

test('an unknown procedure code is a real 404 with a way back', async ({ page }) => {
  const response = await page.goto('/procedures/9.999999');
  expect(response?.status()).toBe(404);
  await interactive(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Không tìm thấy thủ tục');
  await expect(page.getByRole('link', { name: 'Tìm thủ tục hành chính' })).toBeVisible();
});

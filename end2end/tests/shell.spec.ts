import { test, expect, interactive } from './fixtures';

test.describe('server rendering', () => {
  test('the home page arrives as complete Vietnamese HTML before any script runs', async ({ request }) => {
    const response = await request.get('/');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('text/html');
    // Leptos' empty comments (`<!>`, markers of its views) are invisible: not part of the text.
    const html = (await response.text()).replaceAll('<!>', '');
    expect(html).toMatch(/<html[^>]*\blang="vi"/);
    expect(html).toContain('<h1>Làm thủ tục ở xã, phường – dễ hiểu, từng bước một</h1>');
    expect(html).toContain('href="/help"');
    expect(html).toMatch(/<title>[^<]*Một Cửa<\/title>/);
  });

  test('the page reads and works without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Làm thủ tục ở xã, phường – dễ hiểu, từng bước một',
    );
    // The language switch is a real link: the server remembers the choice and comes back.
    await page.getByRole('link', { name: 'English' }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Commune and ward procedures, made clear, one step at a time',
    );
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await context.close();
  });

  test('an English-speaking browser still gets Vietnamese first', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'en-US', extraHTTPHeaders: { 'Accept-Language': 'en-US,en;q=0.9' } });
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
    await context.close();
  });
});

test.describe('the language switch', () => {
  test('switching language shows the same page in the other language', async ({ page }) => {
    await page.goto('/procedures?q=khai%20sinh');
    await interactive(page);
    await page.getByRole('link', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Find a procedure');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page).toHaveURL(/\/procedures\?q=khai(%20|\+)sinh$/);
    await expect(page.getByLabel('What do you need to do?')).toHaveValue('khai sinh');
    // and back
    await page.getByRole('link', { name: 'Tiếng Việt' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tìm thủ tục hành chính');
  });

  test('the chosen language survives a reload and a new visit', async ({ page, context }) => {
    await page.goto('/help');
    await interactive(page);
    await page.getByRole('link', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Help');

    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Help');

    // Remembered on the device for months, not just for this browser session.
    const cookie = (await context.cookies()).find((c) => c.name === 'i18n_pref_locale');
    expect(cookie?.value).toBe('en');
    const days = ((cookie?.expires ?? 0) * 1000 - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(300);

    const again = await context.newPage();
    await again.goto('/');
    await expect(again.getByRole('heading', { level: 1 })).toHaveText(
      'Commune and ward procedures, made clear, one step at a time',
    );
  });

  test('the help link is in the footer of every page and leads to help', async ({ page }) => {
    for (const path of ['/', '/help', '/no-such-page']) {
      await page.goto(path);
      const help = page.getByRole('contentinfo').getByRole('link', { name: 'Trợ giúp' });
      await expect(help).toHaveAttribute('href', '/help');
    }
    await page.goto('/');
    await interactive(page);
    await page.getByRole('contentinfo').getByRole('link', { name: 'Trợ giúp' }).click();
    await expect(page).toHaveURL(/\/help$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Trợ giúp');
    await expect(page).toHaveTitle('Trợ giúp – Một Cửa');
  });
});

test.describe('pages that do not exist', () => {
  test('answer 404 with a page that leads back', async ({ page }) => {
    const response = await page.goto('/thu-tuc/khong-co');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Không tìm thấy trang');
    await interactive(page);
    await page.getByRole('link', { name: 'Về trang chủ' }).click();
    await expect(page).toHaveURL(/\/$/);
  });
});

test.describe('layout', () => {
  test('nothing scrolls sideways and the main actions are big enough to tap', async ({ page }) => {
    for (const path of ['/', '/help', '/no-such-page']) {
      await page.goto(path);
      await interactive(page);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
      for (const target of [
        page.getByRole('banner').getByRole('link', { name: 'English' }),
        page.getByRole('contentinfo').getByRole('link', { name: 'Trợ giúp' }),
      ]) {
        const box = await target.boundingBox();
        expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
        expect(box?.width ?? 0).toBeGreaterThanOrEqual(44);
      }
      const fontSize = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
      expect(fontSize).toBeGreaterThanOrEqual(16);
    }
  });

  test('keyboard users can skip to the content and always see where they are', async ({ page }) => {
    await page.goto('/');
    await interactive(page);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Chuyển đến nội dung chính' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    const outline = await skip.evaluate((el) => {
      const s = getComputedStyle(el);
      return { background: s.backgroundColor, outline: s.outlineStyle, shadow: s.boxShadow };
    });
    expect(outline.background !== 'rgba(0, 0, 0, 0)' || outline.outline !== 'none' || outline.shadow !== 'none').toBe(true);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#main$/);
  });
});

import { BrowserContext, Locator, Page } from '@playwright/test';
import { test, expect, interactive } from './fixtures';
import { choose, pages } from './a11y';
import { birthResultPath, startDossier } from './dossier-helpers';

// The display modes for elderly users: the panel in the header (with and without script), the
// modes on the first HTML, text at 200 % without sideways scrolling at 320 px, read aloud with a
// visible stop (speech synthesis stubbed to record what is said), target sizes, focus after each
// page change, the help-desk view and /help's office; and the birth journey with the keyboard.

const html = (page: Page) => page.locator('html');

test.describe('the display panel', () => {
  test('modes chosen in the header apply at once, combine, and are on the next page\'s first HTML', async ({ page }) => {
    await page.goto('/procedures');
    await interactive(page);
    const panel = page.locator('.display-panel');
    await panel.getByText('Cỡ chữ, hiển thị').click();
    await panel.getByLabel('Rất lớn (200 %)').check();
    await expect(html(page)).toHaveAttribute('data-text', '200');
    await panel.getByLabel('Tương phản cao').check();
    await panel.getByLabel('Chế độ đơn giản').check();
    await expect(html(page)).toHaveAttribute('data-contrast', '');
    await expect(html(page)).toHaveAttribute('data-simple', '');
    // Text really is twice as large.
    const size = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    expect(size).toBe('32px');
    // Save closes the panel and gives the focus back to its button.
    await panel.getByRole('button', { name: 'Lưu lựa chọn' }).click();
    await expect(panel).not.toHaveAttribute('open');
    await expect(panel.locator('summary')).toBeFocused();

    // The server renders the next page with the modes already on <html>: no flash of small text.
    const raw = await (await page.request.get('/help')).text();
    const tag = raw.slice(raw.indexOf('<html'), raw.indexOf('>', raw.indexOf('<html')));
    expect(tag).toContain('data-text="200"');
    expect(tag).toContain('data-contrast');
    expect(tag).toContain('data-simple');
    await page.reload();
    await expect(html(page)).toHaveAttribute('data-text', '200');

    // Back to normal from /settings, where the same choices are on a page of their own.
    await page.goto('/settings');
    await interactive(page);
    const form = page.locator('main .display-form');
    await expect(form.getByLabel('Rất lớn (200 %)')).toBeChecked();
    await form.getByLabel('Bình thường (100 %)').check();
    await form.getByLabel('Tương phản cao').uncheck();
    await form.getByLabel('Chế độ đơn giản').uncheck();
    await expect(html(page)).toHaveAttribute('data-text', '100');
    await expect(html(page)).not.toHaveAttribute('data-contrast');
    await page.reload();
    await expect(html(page)).not.toHaveAttribute('data-simple');
  });

  test('the panel works without JavaScript: the server remembers the choice and comes back', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
    const page = await context.newPage();
    await page.goto('/procedures?q=khai%20sinh');
    const panel = page.locator('.display-panel');
    await panel.locator('summary').click();
    await panel.getByLabel('Lớn (150 %)').check();
    await panel.getByLabel('Đọc to').check();
    await panel.getByRole('button', { name: 'Lưu lựa chọn' }).click();
    await expect(page).toHaveURL(/\/procedures\?q=khai%20sinh$/);
    await expect(html(page)).toHaveAttribute('data-text', '150');
    await expect(html(page)).toHaveAttribute('data-speak', '');
    await context.close();
  });
});

// Both projects run it: the viewport is set here, so each checks the same 320 px.
test('at 320 px and 200 % text no page scrolls sideways', async ({ page, context, baseURL }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 320, height: 640 });
  const wide: string[] = [];
  const check = async (what: string) => {
    await interactive(page);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 320) wide.push(`${what}: ${width} px`);
  };
  for (const language of ['vi', 'en'] as const) {
    await choose(context, baseURL!, language, 'text-200.simple');
    for (const path of pages) {
      await page.goto(path);
      await check(`${path} (${language})`);
    }
    // The header's panel, open.
    await page.goto('/');
    await page.locator('.display-panel summary').click();
    await check(`display panel (${language})`);
  }
  // WCAG 1.4.12: the text spacing a reader's own style sheet may impose, at normal size.
  await choose(context, baseURL!, 'vi', 'normal');
  for (const path of pages) {
    await page.goto(path);
    // Through the CSS object model: the page's Content-Security-Policy refuses inline styles.
    await page.evaluate(() => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync('* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }');
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    });
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('main h1')!).letterSpacing)).not.toBe('normal');
    await check(`${path} with wide text spacing`);
  }
  // The dossier pages, and the help-desk view's large references.
  await choose(context, baseURL!, 'vi', 'text-200.assist.speak');
  await page.goto(birthResultPath());
  await check('checklist with read aloud');
  const dossier = await startDossier(page);
  for (const part of ['', '/applicant', '/child', '/documents', '/review']) {
    await page.goto(dossier + part);
    await expect(page.locator('main h1')).toBeVisible();
    await check(`dossier${part}`);
  }
  expect(wide).toEqual([]);
});

test('primary actions are at least 44 px tall, 48 px in simple mode', async ({ page, context, baseURL }) => {
  for (const [display, least] of [['normal', 44], ['simple', 48]] as const) {
    await choose(context, baseURL!, 'vi', display);
    for (const path of ['/', '/procedures/1.001193/check', birthResultPath(), '/track', '/settings']) {
      await page.goto(path);
      await interactive(page);
      const heights = await page
        .locator('main .button, main button[type=submit], .display-panel summary, .language-switch__link')
        .evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent).map((e) => [e.textContent!.trim(), e.getBoundingClientRect().height] as const));
      expect(heights.length).toBeGreaterThan(0);
      for (const [name, height] of heights) expect(height, `${path}: ${name}`).toBeGreaterThanOrEqual(least);
    }
  }
});

test('after each page change the focus is on the new heading and the title names the page', async ({ page }) => {
  await page.goto('/');
  await interactive(page);
  await page.locator('.site-nav').getByRole('link', { name: 'Thủ tục' }).click();
  await expect(page).toHaveURL(/\/procedures$/);
  await expect(page.locator('main h1')).toBeFocused();
  await expect(page).toHaveTitle(/^Tìm thủ tục hành chính – Một Cửa$/);
  await page.locator('.site-header').getByRole('link', { name: 'Trợ giúp' }).click();
  await expect(page.locator('main h1')).toHaveText('Trợ giúp');
  await expect(page.locator('main h1')).toBeFocused();
  await expect(page).toHaveTitle(/^Trợ giúp – Một Cửa$/);
});

/** Replaces the browser's speech synthesis by one that records what it is asked to say. */
async function stubSpeech(context: BrowserContext, voices: { name: string; lang: string; localService: boolean }[]) {
  await context.addInitScript((voices) => {
    const calls: any[] = [];
    (window as any).__speech = calls;
    let current: any = null;
    (window as any).SpeechSynthesisUtterance = class {
      text: string;
      lang = '';
      voice: any = null;
      onend: any = null;
      onerror: any = null;
      constructor(text: string) {
        this.text = text;
      }
    };
    const synthesis = {
      getVoices: () => voices,
      speak(u: any) {
        calls.push({ kind: 'speak', text: u.text, lang: u.lang, voice: u.voice?.name ?? null });
        current = u;
      },
      cancel() {
        calls.push({ kind: 'cancel' });
        const u = current;
        current = null;
        u?.onend?.();
      },
    };
    Object.defineProperty(window, 'speechSynthesis', { value: synthesis, configurable: true });
  }, voices);
}

const spoken = (page: Page) => page.evaluate(() => (window as any).__speech.filter((c: any) => c.kind === 'speak'));

test.describe('read aloud', () => {
  const voices = [
    { name: 'Samantha', lang: 'en-US', localService: true },
    { name: 'Linh', lang: 'vi-VN', localService: true },
    { name: 'Daniel', lang: 'en-GB', localService: true },
  ];

  test('is off unless chosen', async ({ page }) => {
    await page.goto('/procedures/1.001193/check');
    await interactive(page);
    await expect(page.getByRole('button', { name: 'Nghe' })).toHaveCount(0);
  });

  test('reads the question in a Vietnamese voice, and the same button stops it', async ({ page, context, baseURL }) => {
    await stubSpeech(context, voices);
    await choose(context, baseURL!, 'vi', 'speak');
    await page.goto('/procedures/1.001193/check?who=child');
    await interactive(page);
    const question = (await page.locator('main h1').textContent())!.trim();
    const listen = page.getByRole('button', { name: 'Nghe' }).first();
    await listen.click();
    await expect.poll(() => spoken(page)).toHaveLength(1);
    const [call] = await spoken(page);
    expect(call.lang).toBe('vi-VN');
    expect(call.voice).toBe('Linh');
    expect(call.text.startsWith(question)).toBe(true);
    expect(call.text).toContain('Chưa bao giờ.');
    const stop = page.getByRole('button', { name: 'Dừng đọc' });
    await expect(stop).toBeVisible();
    await stop.click();
    await expect(page.getByRole('button', { name: 'Dừng đọc' })).toHaveCount(0);
    expect(await page.evaluate(() => (window as any).__speech.at(-1).kind)).toBe('cancel');

    // The hint has its own button.
    await page.goto('/procedures/1.001193/check?who=child&registered=never&has_papers=no&foreign=no');
    await interactive(page);
    await page.getByRole('button', { name: 'Nghe' }).nth(1).click();
    await expect.poll(async () => (await spoken(page)).at(-1)?.text).toBe('Ví dụ: 26 8 2026.');
  });

  test('reads the result and each paper of the checklist; English pages in an English voice', async ({ page, context, baseURL }) => {
    await stubSpeech(context, voices);
    await choose(context, baseURL!, 'en', 'speak');
    await page.goto(birthResultPath());
    await interactive(page);
    await page.locator('.result-panel').getByRole('button', { name: 'Listen' }).click();
    await expect.poll(() => spoken(page)).toHaveLength(1);
    let [call] = await spoken(page);
    expect(call.lang).toBe('en-GB');
    expect(call.voice).toBe('Daniel');
    expect(call.text.startsWith((await page.locator('main h1').textContent())!.trim())).toBe(true);
    const paper = page.locator('.checklist__item').first();
    await paper.getByRole('button', { name: 'Listen' }).click();
    await expect.poll(() => spoken(page)).toHaveLength(2);
    call = (await spoken(page))[1];
    expect(call.text).toContain((await paper.locator('.checklist__name').textContent())!.trim());
  });

  test('a device without a Vietnamese voice says so instead of staying silent', async ({ page, context, baseURL }) => {
    await stubSpeech(context, [{ name: 'Samantha', lang: 'en-US', localService: true }]);
    await choose(context, baseURL!, 'vi', 'speak');
    await page.goto('/procedures/1.001193/check');
    await interactive(page);
    await page.getByRole('button', { name: 'Nghe' }).first().click();
    await expect(page.getByRole('status').filter({ hasText: 'chưa có giọng đọc tiếng Việt' })).toBeVisible();
    expect(await spoken(page)).toEqual([]);
  });
});

test('the help-desk view shows the step and the draft\'s short reference, the same on every part', async ({ page, context, baseURL }) => {
  await choose(context, baseURL!, 'vi', 'assist');
  await page.goto('/procedures/1.001193/check');
  await interactive(page);
  const progress = page.locator('.check-progress');
  await expect(progress).toHaveText(/Câu hỏi 1 trên khoảng \d+/);
  expect(parseFloat(await progress.evaluate((e) => getComputedStyle(e).fontSize))).toBeGreaterThanOrEqual(22);

  await page.goto(birthResultPath());
  await interactive(page);
  // The papers of the checklist are numbered ("paper 2"), in large print.
  const number = await page.locator('.checklist__name').first().evaluate((e) => getComputedStyle(e, '::before').content);
  expect(number).toBe('counter(item)');
  const dossier = await startDossier(page);
  const reference = page.locator('.assist-panel__reference strong');
  await expect(reference).toHaveText(/^[2-9A-HJ-NP-Z]{3}-[2-9A-HJ-NP-Z]{3}$/);
  const code = (await reference.textContent())!;
  await page.goto(dossier + '/child');
  await expect(page.locator('.assist-panel__step')).toHaveText(/^Bước 2 \/ \d+$/);
  await expect(reference).toHaveText(code);
  // Not shown to anyone who did not ask for it.
  await choose(context, baseURL!, 'vi', 'normal');
  await page.reload();
  await expect(page.locator('main h1')).toBeVisible();
  await expect(page.locator('.assist-panel')).toBeHidden();
});

test('/help shows the chosen ward\'s service centre and its hours, without script too', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  await page.goto('/help');
  await page.getByLabel('Chọn xã, phường nơi bạn cư trú').selectOption({ label: 'Phường Hoàn Kiếm' });
  await page.getByRole('button', { name: 'Xem nơi được hướng dẫn' }).click();
  await expect(page).toHaveURL(/\/help\?ward=70/);
  const office = page.getByTestId('office');
  await expect(office).toContainText('Trung tâm Phục vụ hành chính công Phường Hoàn Kiếm');
  await expect(office).toContainText('Thứ Hai đến Thứ Sáu');
  await context.close();
});

/** Presses Tab until `target` has the focus (failing if it never does), and checks it is in view. */
async function tabTo(page: Page, target: Locator, max = 120) {
  await target.waitFor();
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) {
      await expect(target).toBeInViewport();
      return;
    }
    await page.keyboard.press('Tab');
  }
  throw new Error(`not reachable with Tab: ${target}`);
}

/** Moves through a radio group with the arrow keys until `id` is chosen. */
async function pickRadio(page: Page, id: string) {
  const target = page.locator('#' + id);
  const group = page.locator(`input[type=radio][name="${await target.getAttribute('name')}"]`);
  await tabTo(page, group.first());
  for (let i = 0; i < 10 && !(await target.isChecked()); i++) await page.keyboard.press('ArrowDown');
  await expect(target).toBeChecked();
}

async function pressOn(page: Page, target: Locator, key = 'Enter') {
  await tabTo(page, target);
  await page.keyboard.press(key);
}

async function typeInto(page: Page, target: Locator, text: string) {
  await tabTo(page, target);
  await page.keyboard.type(text);
}

test('a birth registration can be found, checked, drafted and sent with the keyboard alone', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await interactive(page);
  // Find the procedure.
  await typeInto(page, page.locator('main input[name=q]'), 'dang ky khai sinh');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/procedures\?q=/);
  await pressOn(page, page.locator('main').getByRole('link', { name: 'Đăng ký khai sinh', exact: true }).first());
  await expect(page).toHaveURL(/\/procedures\/1\.001193$/);
  await pressOn(page, page.getByRole('link', { name: /Bắt đầu: kiểm tra điều kiện/ }));
  // One question a page.
  const next = () => pressOn(page, page.getByRole('button', { name: 'Tiếp tục' }));
  await expect(page.locator('main h1')).toBeFocused();
  for (const [question, choice] of [['who', 'who-child'], ['registered', 'registered-never'], ['has_papers', 'has_papers-no'], ['foreign', 'foreign-no']]) {
    await expect(page.locator(`#${question}-heading`)).toBeVisible();
    await pickRadio(page, choice);
    await next();
  }
  const born = new Date(Date.now() + 7 * 3600_000 - 10 * 86_400_000);
  await typeInto(page, page.locator('#born-day'), String(born.getUTCDate()));
  await page.keyboard.press('Tab');
  await page.keyboard.type(String(born.getUTCMonth() + 1));
  await page.keyboard.press('Tab');
  await page.keyboard.type(String(born.getUTCFullYear()));
  await page.keyboard.press('Enter');
  for (const [question, choice] of [['married', 'married-yes'], ['proof', 'proof-certificate'], ['special', 'special-none']]) {
    await expect(page.locator(`#${question}-heading`)).toBeVisible();
    await pickRadio(page, choice);
    await next();
  }
  await expect(page.locator('main h1')).toHaveText('Kiểm tra câu trả lời của bạn');
  await pressOn(page, page.getByRole('link', { name: 'Xem kết quả' }));
  await expect(page.locator('.checklist')).toBeVisible();
  await pressOn(page, page.getByRole('button', { name: 'Bắt đầu soạn hồ sơ' }));
  await expect(page).toHaveURL(/\/dossiers\/[0-9a-f-]{36}$/);
  const dossier = new URL(page.url()).pathname;

  // Every part: from the task list, or where saving the previous part leads.
  const onTaskList = () => new RegExp(dossier + '$').test(new URL(page.url()).pathname);
  const part = async (id: string, fill: () => Promise<void>) => {
    if (!page.url().endsWith('/' + id)) {
      if (!onTaskList()) await pressOn(page, page.getByRole('link', { name: 'Về danh sách các phần của hồ sơ' }));
      await pressOn(page, page.locator(`.task-list__item[data-section="${id}"] .task-list__link`));
    }
    await expect(page).toHaveURL(new RegExp(`${dossier}/${id}$`));
    await expect(page.locator('main h1')).toBeFocused();
    await fill();
    await pressOn(page, page.getByRole('button', { name: 'Lưu và tiếp tục' }));
    await expect(page).not.toHaveURL(new RegExp(`/${id}$`));
  };
  const date = async (field: string, d: string, m: string, y: string) => {
    await typeInto(page, page.locator(`[data-field="${field}"] input`).first(), d);
    await page.keyboard.press('Tab');
    await page.keyboard.type(m);
    await page.keyboard.press('Tab');
    await page.keyboard.type(y);
  };
  const text = (field: string, value: string) => typeInto(page, page.locator(`[data-field="${field}"] input, [data-field="${field}"] textarea`).first(), value);
  await part('applicant', async () => {
    await text('applicant_name', 'Nguyễn Văn An');
    await date('applicant_birth', '2', '3', '1985');
    await pickRadio(page, (await page.locator('[data-field="applicant_sex"] input[type=radio]').first().getAttribute('id'))!);
    await text('applicant_id', '001085012345');
    await text('applicant_residence', '12 Hàng Bạc, phường Hoàn Kiếm');
    await text('applicant_phone', '0912 345 678');
  });
  await part('child', async () => {
    await text('child_name', 'Nguyễn Minh Khang');
    await pickRadio(page, (await page.locator('[data-field="child_sex"] input[type=radio]').first().getAttribute('id'))!);
    // The date of birth was given in the check: it is not asked again (WCAG 3.3.7).
    const birth = page.locator('[data-field="child_birth"] input');
    await expect(birth.nth(0)).toHaveValue(String(born.getUTCDate()));
    await expect(birth.nth(1)).toHaveValue(String(born.getUTCMonth() + 1));
    await expect(birth.nth(2)).toHaveValue(String(born.getUTCFullYear()));
    await text('child_birthplace', 'Bệnh viện Phụ sản Hà Nội');
    await text('child_ethnicity', 'Kinh');
    await text('child_nationality', 'Việt Nam');
  });
  await part('mother', async () => {
    await text('mother_name', 'Trần Thị Hoa');
    await date('mother_birth', '5', '6', '1990');
    await text('mother_id', '001190012345');
    await text('mother_ethnicity', 'Kinh');
    await text('mother_nationality', 'Việt Nam');
    await text('mother_residence', '12 Hàng Bạc, phường Hoàn Kiếm');
  });
  await part('father', async () => {
    const no = page.locator('[data-field="father_known"]').getByLabel('Không', { exact: true });
    await pickRadio(page, (await no.getAttribute('id'))!);
  });
  await part('documents', async () => {
    const boxes = page.locator('.checklist__box');
    await expect(boxes.first()).toBeVisible();
    for (const box of await boxes.all()) {
      await pressOn(page, box, 'Space');
      await expect(box).toBeChecked();
    }
  });

  // Check and send.
  if (!page.url().endsWith('/review')) {
    if (!onTaskList()) await pressOn(page, page.getByRole('link', { name: 'Về danh sách các phần của hồ sơ' }));
    await pressOn(page, page.getByTestId('review-link'));
  }
  await expect(page.locator('main h1')).toHaveText('Kiểm tra và gửi hồ sơ');
  const office = page.getByLabel('Xã, phường giải quyết hồ sơ');
  await tabTo(page, office);
  await page.keyboard.press('ArrowDown');
  await expect(office).not.toHaveValue('');
  await pressOn(page, page.getByLabel(/Tôi cam đoan/), 'Space');
  await expect(page.getByLabel(/Tôi cam đoan/)).toBeChecked();
  await pressOn(page, page.getByRole('button', { name: 'Gửi hồ sơ' }));
  await expect(page).toHaveURL(new RegExp(dossier + '/receipt$'), { timeout: 30_000 });
  await expect(page.getByTestId('tracking-code')).toHaveText(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]$/);
});

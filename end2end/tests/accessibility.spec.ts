import AxeBuilder from '@axe-core/playwright';
import { Page } from '@playwright/test';
import { test, expect, hydrated } from './fixtures';
import { birthResultPath, completeBirthDossier, prepareSending } from './dossier-helpers';
import { png } from './images';

// Every page of the portal, in both languages; the `phone` and `desktop` projects run each at
// 360 px and 1280 px wide.
const pages = [
  '/',
  '/help',
  '/no-such-page',
  '/procedures',
  '/procedures?q=khai%20sinh',
  '/procedures?event=co-con-nho',
  '/procedures/1.001193?ward=70',
  '/procedures/2.000815',
  // The eligibility check: a choice, an error, a date, a number, check your answers, results.
  '/procedures/1.001193/check',
  '/procedures/1.001193/check?asked=who',
  '/procedures/1.001193/check?who=child&registered=never&has_papers=no&foreign=no',
  '/procedures/1.001193/check?who=child&registered=never&has_papers=no&foreign=no&born_day=31&born_month=4&born_year=2026&asked=born',
  '/procedures/1.000894/check?who=self&foreign=no',
  '/procedures/1.000894/check?who=self&foreign=no&man_age=19',
  '/procedures/1.000894/check/result?who=self&foreign=no&man_age=19',
  '/procedures/1.001193/check/result?who=authorised&relation=parent&registered=never&has_papers=no&foreign=no&born=2026-01-05&married=no&recognise=no&proof=witness&special=abandoned',
  '/procedures/1.001193/check/result?who=child&registered=lost',
  '/procedures/1.004884/check/result?who=self',
  '/track',
];
const languages = ['vi', 'en'] as const;

/** Scans the page as it is now; `what` names it in the failure. */
async function scanPage(page: Page, what: string) {
  await hydrated(page);
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const summary = results.violations.map((v) => `${what}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
  expect(summary).toEqual([]);
  // The scan must have looked at something.
  expect(results.passes.length).toBeGreaterThan(10);
}

for (const language of languages) {
  for (const path of pages) {
    test(`axe finds no WCAG 2.2 AA violation on ${path} (${language})`, async ({ page, context, baseURL }) => {
      await context.addCookies([{ name: 'i18n_pref_locale', value: language, url: baseURL! }]);
      await page.goto(path);
      await hydrated(page);
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
        .analyze();
      const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
      expect(summary).toEqual([]);
      // The scan must have looked at something.
      expect(results.passes.length).toBeGreaterThan(10);
    });
  }
}

// The dossier pages, filled from the device: a birth dossier with an error on a part, a photo,
// a saved person, and the confirmation to delete.
for (const language of languages) {
  test(`axe finds no WCAG 2.2 AA violation on the dossier pages (${language})`, async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: 'i18n_pref_locale', value: language, url: baseURL! }]);
    const scan = (what: string) => scanPage(page, what);
    await page.goto(birthResultPath());
    await hydrated(page);
    await page.locator('.start-dossier button').click();
    await expect(page).toHaveURL(/\/dossiers\/[0-9a-f-]{36}$/);
    const dossier = new URL(page.url()).pathname;
    await expect(page.locator('.task-list')).toBeVisible();
    await scan('task list');
    await page.goto(dossier + '/applicant');
    await expect(page.locator('.dossier-form')).toBeVisible();
    await page.locator('#f-applicant_name').fill('Nguyễn Văn An');
    await page.locator('#f-applicant_phone').fill('12');
    await page.locator('#remember').check();
    await page.locator('.dossier-form button[type=submit]').click();
    await expect(page.locator('#error-summary')).toBeVisible();
    await scan('a part with errors');
    await page.goto(dossier + '/documents');
    await page.locator('[data-document="birth_certificate"] input[type=file][multiple]').setInputFiles({
      name: 'anh.png',
      mimeType: 'image/png',
      buffer: png(800, 600),
    });
    await expect(page.locator('.attachment img')).toBeVisible();
    await scan('documents with a photo');
    await page.goto(dossier + '/review');
    await hydrated(page);
    await page.locator('.review-send button').click();
    await expect(page.locator('#error-summary')).toBeFocused();
    await scan('review with what is missing');
    await page.goto('/dossiers');
    await expect(page.locator('.dossier-row')).toHaveCount(1);
    await page.locator('.dossier-row button').last().click();
    await expect(page.locator('.confirm')).toBeVisible();
    await scan('my dossiers, deleting');
    await page.goto('/people');
    await scan('saved people');
  });
}

// Sending, the receipt with its rating, and the tracking result.
for (const language of languages) {
  test(`axe finds no WCAG 2.2 AA violation on the receipt and the tracking result (${language})`, async ({ page, context, baseURL }) => {
    test.setTimeout(90_000);
    await context.addCookies([{ name: 'i18n_pref_locale', value: 'vi', url: baseURL! }]);
    const scan = (what: string) => scanPage(page, what);
    await page.goto(birthResultPath());
    await hydrated(page);
    await page.locator('.start-dossier button').click();
    await expect(page).toHaveURL(/\/dossiers\/[0-9a-f-]{36}$/);
    const dossier = new URL(page.url()).pathname;
    await completeBirthDossier(page, dossier, png(600, 800));
    await prepareSending(page, dossier);
    await context.addCookies([{ name: 'i18n_pref_locale', value: language, url: baseURL! }]);
    await page.reload();
    await scan('review, complete');
    await page.locator('.review-send button').click();
    await expect(page).toHaveURL(new RegExp(dossier + '/receipt$'), { timeout: 30_000 });
    await expect(page.getByTestId('tracking-code')).toBeVisible();
    await scan('receipt');
    const code = (await page.getByTestId('tracking-code').textContent())!.trim();
    await page.goto('/track?code=' + code);
    await hydrated(page);
    await page.locator('#track-phone').fill('5678');
    await page.locator('.track-form button').click();
    await expect(page.getByTestId('timeline')).toBeVisible();
    await scan('tracking result');
    await page.locator('#track-code').fill('');
    await page.locator('.track-form button').click();
    await expect(page.locator('#track-code-error')).toBeVisible();
    await scan('tracking with an error');
  });
}

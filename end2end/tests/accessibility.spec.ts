import { test, expect, interactive } from './fixtures';
import { birthResultPath, completeBirthDossier, openBirthDossier, prepareSending } from './dossier-helpers';
import { png } from './images';
import { choose, Mode, modes, pages, scanPage } from './a11y';

// Every page of the portal, in every display mode (both languages in the default mode), at
// 360 px (`phone`); at 1280 px (`desktop`) in the default mode.
const runs: [Mode, 'vi' | 'en'][] = [
  ['default', 'vi'],
  ['default', 'en'],
  ['large text 200 %', 'vi'],
  ['high contrast', 'vi'],
  ['simple mode', 'vi'],
];

for (const [mode, language] of runs) {
  for (const path of pages) {
    test(`axe finds no WCAG 2.2 AA violation on ${path} (${language}, ${mode})`, async ({ page, context, baseURL }) => {
      await choose(context, baseURL!, language, modes[mode]);
      await page.goto(path);
      await interactive(page);
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      await scanPage(page, path, mode);
    });
  }
}

// The dossier pages, filled from the device: a birth dossier with an error on a part, a photo,
// a saved person, and the confirmation to delete.
for (const [mode, language] of runs) {
  test(`axe finds no WCAG 2.2 AA violation on the dossier pages (${language}, ${mode})`, async ({ page, context, baseURL }) => {
    await choose(context, baseURL!, language, modes[mode]);
    const scan = (what: string) => scanPage(page, what, mode);
    await page.goto(birthResultPath());
    await interactive(page);
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
    await interactive(page);
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
for (const [mode, language] of runs) {
  test(`axe finds no WCAG 2.2 AA violation on the receipt and the tracking result (${language}, ${mode})`, async ({ page, context, baseURL }) => {
    test.setTimeout(90_000);
    await choose(context, baseURL!, 'vi', modes[mode]);
    const scan = (what: string) => scanPage(page, what, mode);
    const dossier = await openBirthDossier(page);
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
    await interactive(page);
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

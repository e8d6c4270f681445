import AxeBuilder from '@axe-core/playwright';
import { test, expect, hydrated } from './fixtures';

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
];
const languages = ['vi', 'en'] as const;

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

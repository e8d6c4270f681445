import AxeBuilder from '@axe-core/playwright';
import { BrowserContext, Page } from '@playwright/test';
import { expect, interactive, test } from './fixtures';

// What the accessibility tests share: every page of the portal that needs no device data, the
// display modes, and one axe scan.

export const pages = [
  '/',
  '/help',
  '/help?ward=70',
  '/settings',
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
  '/handoff',
  '/desk/login',
  '/dossiers',
  '/people',
];

/** The display modes the pages are scanned in, as the `motcua_display` cookie writes them. */
export const modes = {
  default: 'normal',
  'large text 200 %': 'text-200',
  'high contrast': 'contrast',
  'simple mode': 'simple',
} as const;
export type Mode = keyof typeof modes;

/** Chooses the language and the display modes on this browser, as the resident would have. */
export async function choose(context: BrowserContext, baseURL: string, language: 'vi' | 'en', display = 'normal') {
  await context.addCookies([
    { name: 'i18n_pref_locale', value: language, url: baseURL },
    { name: 'motcua_display', value: display, url: baseURL },
  ]);
}

/**
 * What one axe run may take on a loaded machine (a parallel build, CI): each scan adds it to its
 * test's budget, so a test that scans several pages has time for each, and none fails on time.
 */
export const SCAN_BUDGET_MS = 20_000;

/**
 * Scans the page as it is now with axe (WCAG 2.0–2.2 A and AA); in high contrast also the AAA
 * contrast rule (7:1). `what` names the page in the failure.
 */
export async function scanPage(page: Page, what: string, mode: Mode = 'default') {
  const runs = mode === 'high contrast' ? 2 : 1;
  test.info().setTimeout(test.info().timeout + runs * SCAN_BUDGET_MS);
  await interactive(page);
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${what} (${mode}): ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`,
  );
  if (mode === 'high contrast') {
    const enhanced = await new AxeBuilder({ page }).withRules(['color-contrast-enhanced']).analyze();
    summary.push(
      ...enhanced.violations.map(
        (v) => `${what} (${mode}): ${v.id}: ${v.help} (${v.nodes.map((n) => `${n.target.join(' ')} ${n.any[0]?.message ?? ''}`).join('; ')})`,
      ),
    );
    expect(enhanced.passes.length).toBeGreaterThan(0);
  }
  expect(summary).toEqual([]);
  // The scan must have looked at something.
  expect(results.passes.length).toBeGreaterThan(10);
}

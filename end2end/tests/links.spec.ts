import { test, expect, Page, TestInfo } from '@playwright/test';
import { choose } from './a11y';
import { birthResultPath, openBirthDossier } from './dossier-helpers';
import { officer, signIn } from './desk-helpers';
import { interactive } from './fixtures';

// The app never dies: from every kind of page, every link and every button is followed (each
// from a fresh copy of the page, reached by a click where the page is reached in-app), in both
// languages, and the test fails on any panic of a bundle, any uncaught error, and any page the
// safety net had to rescue. The next disposed signal is caught here, not by a resident.

/** What may take long: each action (a click, and the page that follows) on a loaded machine. */
const ACTION_BUDGET_MS = 6_000;

/** Addresses not to follow: downloads, sign-out (the desk's pages come after), files. */
function followable(href: string, base: string): boolean {
  const url = new URL(href, base);
  if (url.origin !== new URL(base).origin) return false;
  if (/\.[a-z0-9]{2,5}$/i.test(url.pathname)) return false;
  return !url.pathname.startsWith('/desk/files') && !url.pathname.startsWith('/desk/handoff-files');
}

/** Collects panics and uncaught errors of `page`. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error' && /panicked|RuntimeError|unreachable/.test(text)) problems.push(`${page.url()}: ${text}`);
  });
  page.on('pageerror', (error) => problems.push(`${page.url()}: ${error}`));
  return problems;
}

async function settled(page: Page) {
  await page.waitForLoadState('domcontentloaded');
  // A page of the portal is ready when `/page.js` says so; other answers (a 404 body) are not.
  const portal = await page.locator('script[src^="/page.js"]').count();
  if (portal) await interactive(page);
  await expect(page.locator('html')).not.toHaveAttribute('data-failed', '');
}

/**
 * Follows every link of the page at `seed` not followed yet (each from the page, by a click), then
 * presses each of its buttons in turn (the page opened again whenever one led elsewhere).
 */
/** What the test did: pages opened as seeds, links followed, buttons pressed. */
type Coverage = { pages: number; links: number; buttons: number };

async function exercise(page: Page, info: TestInfo, seed: string, seen: Set<string>, problems: string[], skip: RegExp, done: Coverage) {
  done.pages++;
  const open = async () => {
    await page.goto(seed);
    await settled(page);
  };
  await open();
  const base = page.url();
  const hrefs = await page.locator('a[href]:visible').evaluateAll((links) =>
    links.filter((a) => !a.hasAttribute('download') && !a.getAttribute('target')).map((a) => a.getAttribute('href')!),
  );
  const links = [...new Set(hrefs)].filter((href) => followable(href, base) && !seen.has(new URL(href, base).href) && !skip.test(href));
  const buttons = await page.locator('main button:visible').count();
  info.setTimeout(info.timeout + (links.length + buttons) * ACTION_BUDGET_MS);
  for (const href of links) {
    seen.add(new URL(href, base).href);
    if (page.url() !== base) await open();
    const link = page.locator(`a[href="${href.replaceAll('"', '\\"')}"]:visible`).first();
    // A link only shown after something else was pressed is followed from where it shows.
    if (!(await link.click({ timeout: 2_000 }).then(() => true, () => false))) continue;
    done.links++;
    await settled(page);
  }
  await open();
  for (let index = 0; index < buttons; index++) {
    if (page.url() !== base) await open();
    const button = page.locator('main button:visible').nth(index);
    const text = (await button.textContent({ timeout: 1_000 }).catch(() => null)) ?? '';
    if (skip.test(text.trim()) || !(await button.isEnabled().catch(() => false))) continue;
    if (!(await button.click({ timeout: 2_000 }).then(() => true, () => false))) continue;
    done.buttons++;
    await page.waitForTimeout(200);
    await settled(page);
  }
  expect(problems, `panics or errors from ${seed}`).toEqual([]);
}

/** Says what was covered, in the report and on the console. */
function report(info: TestInfo, done: Coverage) {
  const text = `${done.pages} pages, ${done.links} links followed, ${done.buttons} buttons pressed`;
  info.annotations.push({ type: 'coverage', description: text });
  console.log(`${info.title}: ${text}`);
}

for (const language of ['vi', 'en'] as const) {
  test(`every link and button of every kind of resident's page works, without a panic (${language})`, async ({ page, context, baseURL }, info) => {
    const problems = watch(page);
    // A draft on this device, for the dossier pages (started in Vietnamese, the default).
    const dossier = await openBirthDossier(page);
    await choose(context, baseURL!, language);
    const seeds = [
      '/',
      '/procedures?q=ket+hon',
      '/procedures/1.000894',
      '/procedures/1.000894/check?who=self&foreign=yes',
      // Every routed result: "this is another procedure" and its link.
      '/procedures/1.000894/check/result?who=self&foreign=yes',
      birthResultPath(),
      dossier,
      dossier + '/applicant',
      dossier + '/documents',
      dossier + '/review',
      '/dossiers',
      '/people',
      '/track',
      '/handoff',
      '/help',
      '/settings',
      '/no-such-page',
    ];
    const seen = new Set<string>();
    // Not pressed: what deletes everything on the device, or leaves the portal's language.
    const skip = /^\/language\/|Xóa mọi|Delete everything/;
    const done: Coverage = { pages: 0, links: 0, buttons: 0 };
    for (const seed of seeds) await exercise(page, info, seed, seen, problems, skip, done);
    report(info, done);
    expect(seen.size, 'links followed').toBeGreaterThan(30);
  });

  test(`every link and button of the help desk works, without a panic (${language})`, async ({ page, context, baseURL }, info) => {
    const problems = watch(page);
    await signIn(page, officer('links'));
    await choose(context, baseURL!, language);
    const seen = new Set<string>();
    // Not pressed: signing out (the other desk pages come after it).
    const skip = /Đăng xuất|Sign out|^\/language\//;
    const done: Coverage = { pages: 0, links: 0, buttons: 0 };
    for (const seed of ['/desk', '/desk/assist', '/desk/handoff', '/desk/numbers']) await exercise(page, info, seed, seen, problems, skip, done);
    report(info, done);
    expect(seen.size, 'links followed').toBeGreaterThan(3);
  });
}

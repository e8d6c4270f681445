// The pages `make bench` measures, and how a browser gets to each: every residents' route — the
// home page, the catalogue (with a search typed, which downloads the search index), a procedure,
// the eligibility questions and the result of birth registration, the dossiers on the device, a
// dossier's task list, a part, its documents and its review (a draft started from the checklist,
// opened afresh), tracking, saved people, help and settings. (A receipt needs a sent dossier; its
// bytes are in `make size`.)

const DAY = 86_400_000;

export const PROCEDURE = '1.001193';

function birthResultPath() {
  const born = new Date(Date.now() + 7 * 3600_000 - 10 * DAY).toISOString().slice(0, 10);
  return `/procedures/${PROCEDURE}/check/result?who=child&registered=never&has_papers=no&foreign=no` +
    `&born=${born}&married=yes&proof=certificate&special=none`;
}

/** Waits until the page is interactive: `/page.js` has run and the page's islands are rendered by
 * their bundle (`<html data-ready>`). */
export const interactive = (page) => page.waitForSelector('html[data-ready]', { state: 'attached', timeout: 120_000 });

/** Starts a birth-registration draft on this browser; returns its page's path. */
export async function startDraft(page, base) {
  await page.goto(base + birthResultPath());
  await interactive(page);
  await page.getByRole('button', { name: 'Bắt đầu soạn hồ sơ' }).click();
  await page.waitForURL(/\/dossiers\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname;
}

/** Forgets what this browser downloaded (HTTP cache, service worker and its caches), keeping
 * IndexedDB: the next visit is a first visit, with the resident's draft still on the device. */
export async function forgetDownloads(context, page) {
  await page.evaluate(async () => {
    for (const registration of await navigator.serviceWorker.getRegistrations()) await registration.unregister();
    for (const name of await caches.keys()) await caches.delete(name);
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.clearBrowserCache');
  await cdp.detach();
}

/** Types a search and waits for the expected first result. */
export async function search(page) {
  await page.fill('#search-q', 'tam tru');
  await page.waitForFunction(() => document.querySelector('.result')?.dataset.code === '1.004194');
}

/** Each page: `path`, or `draft`: the part of a dossier's path after `/dossiers/{id}`. */
export const PAGES = [
  { name: 'home', path: '/' },
  { name: 'catalogue, then a search', path: '/procedures', then: search },
  { name: 'a procedure', path: `/procedures/${PROCEDURE}` },
  { name: 'eligibility questions', path: `/procedures/${PROCEDURE}/check` },
  { name: 'eligibility result and checklist', path: birthResultPath() },
  { name: 'my dossiers', path: '/dossiers' },
  { name: "a dossier's task list", draft: '' },
  { name: 'a part of a dossier', draft: '/applicant' },
  { name: 'documents and photos', draft: '/documents' },
  { name: 'review and send', draft: '/review' },
  { name: 'tracking', path: '/track' },
  { name: 'saved people', path: '/people' },
  { name: 'help', path: '/help' },
  { name: 'settings', path: '/settings' },
];

/** Whether the page is one of a dossier's (a draft must be started first). */
export const isDraftPage = (spec) => spec.draft !== undefined;

/** The page's path as reported (a dossier's id as `{id}`). */
export const shownPath = (spec) => (isDraftPage(spec) ? `/dossiers/{id}${spec.draft}` : spec.path.replace(/\?.*/, '?…'));

// The pages `make bench` measures, and how a browser gets to each: the home page, the catalogue
// (with a search typed, which downloads the search index), the eligibility questions of birth
// registration, and a dossier page (a draft started from the checklist, opened afresh).

const DAY = 86_400_000;

export const PROCEDURE = '1.001193';

function birthResultPath() {
  const born = new Date(Date.now() + 7 * 3600_000 - 10 * DAY).toISOString().slice(0, 10);
  return `/procedures/${PROCEDURE}/check/result?who=child&registered=never&has_papers=no&foreign=no` +
    `&born=${born}&married=yes&proof=certificate&special=none`;
}

export const hydrated = (page) => page.waitForSelector('html[data-hydrated]', { state: 'attached', timeout: 120_000 });

/** Starts a birth-registration draft on this browser; returns its page's path. */
export async function startDraft(page, base) {
  await page.goto(base + birthResultPath());
  await hydrated(page);
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

export const PAGES = [
  { name: 'home', path: '/' },
  { name: 'catalogue, then a search', path: '/procedures', then: search },
  { name: 'eligibility questions', path: `/procedures/${PROCEDURE}/check` },
  { name: 'a dossier page', draft: true },
];

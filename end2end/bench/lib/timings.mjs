// Browser timings on a cheap phone: headless Chromium with the CPU slowed 4× and DevTools'
// "Slow 4G" network (562.5 ms round trip, 1.44 Mbit/s down, 675 kbit/s up), through the Chrome
// DevTools Protocol: first paint of the server's HTML and the moment the page is interactive (the
// `data-ready` marker `/page.js` sets once the page's islands run), on a first visit and on a
// repeat visit with the service worker in control; search per keystroke in the catalogue's island
// (the search and the new results on the page), over the whole catalogue; and autosave, from the
// last keystroke to the draft committed in IndexedDB.
import { percentile, round } from './common.mjs';
import { forgetDownloads, interactive, isDraftPage, PAGES, shownPath, startDraft } from './pages.mjs';

export const CPU_SLOWDOWN = 4;
export const SLOW_4G = {
  offline: false,
  latency: 562.5,
  downloadThroughput: (1.6 * 1000 * 1000 / 8) * 0.9,
  uploadThroughput: (750 * 1000 / 8) * 0.9,
  connectionType: 'cellular4g',
};
/** The draft is written this long after the last keystroke (`SAVE_DELAY_MS` in the app). */
export const SAVE_DELAY_MS = 300;

async function throttle(context, page, network = true) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  if (network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  }
  return cdp;
}

/** Notes when `data-ready` appears, from the very start of every document. */
function markReady() {
  new MutationObserver((_, observer) => {
    if (document.documentElement?.hasAttribute('data-ready')) {
      window.__readyAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready'] });
}

async function visit(context, page, url) {
  await page.goto(url, { waitUntil: 'commit', timeout: 180_000 });
  await interactive(page);
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const paint = Object.fromEntries(performance.getEntriesByType('paint').map((e) => [e.name, e.startTime]));
    return {
      first_paint_ms: paint['first-paint'] ?? null,
      first_contentful_paint_ms: paint['first-contentful-paint'] ?? null,
      dom_content_loaded_ms: nav.domContentLoadedEventEnd,
      interactive_ms: window.__readyAt ?? null,
    };
  });
}

function medians(runs) {
  const keys = Object.keys(runs[0]);
  return Object.fromEntries(keys.map((k) => [k, round(percentile(runs.map((r) => r[k]).filter((v) => v != null), 0.5))]));
}

async function pageTimings(browser, base, spec, runs) {
  const first = [];
  const repeat = [];
  for (let i = 0; i < runs; i++) {
    // First visit: nothing cached, no service worker yet.
    const context = await browser.newContext();
    await context.addInitScript(markReady);
    const page = await context.newPage();
    let path = spec.path;
    if (isDraftPage(spec)) {
      path = (await startDraft(page, base)) + spec.draft;
      await forgetDownloads(context, page);
      await page.goto('about:blank');
    }
    const cdp = await throttle(context, page);
    first.push(await visit(context, page, base + path));
    await cdp.detach();
    // Repeat visit: the worker installed by the first visit answers from its caches.
    await page.waitForFunction(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return !!registration?.active && !registration.installing && !registration.waiting;
    }, null, { timeout: 180_000 });
    const again = await context.newPage();
    const cdpAgain = await throttle(context, again);
    repeat.push(await visit(context, again, base + path));
    await cdpAgain.detach();
    await context.close();
  }
  return { name: spec.name, path: shownPath(spec), runs, first_visit: medians(first), repeat_visit: medians(repeat) };
}

/** Queries residents type (most from `app/src/catalogue/sample_queries.rs`), typed key by key. */
const QUERIES = [
  'dang ky khai sinh', 'khai sinh cho con', 'tam tru', 'ho khau', 'cccd', 'ket hon', 'lay vo',
  'xac nhan tinh trang hon nhan', 'khai tu', 'chung thuc ban sao', 'tro cap xa hoi nguoi cao tuoi',
  'giay uy quyen', 'dkks', 'bhxh', 'thuong tru', 'nuoi con nuoi',
];

/**
 * Search per keystroke in the catalogue page's island: from the input event to the new results
 * in the page (the search over the whole index and the re-rendered list, everything the page does
 * before the browser can paint again), every query typed key by key, CPU slowed.
 */
async function searchTimings(browser, base) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(`${base}/procedures`);
  await interactive(page);
  // The index is fetched on the first focus; a first search waits for it.
  const indexStart = Date.now();
  await page.fill('#search-q', 'tam tru');
  await page.waitForFunction(() => document.querySelector('.result')?.dataset.code === '1.004194');
  const indexMs = Date.now() - indexStart;
  await throttle(context, page, false);
  const times = await page.evaluate(async (queries) => {
    const input = document.querySelector('#search-q');
    // A task after every microtask the keystroke scheduled (the reactive updates run there).
    const settled = () => new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    });
    const times = [];
    for (const query of queries) {
      for (let n = 1; n <= query.length; n++) {
        input.value = query.slice(0, n);
        const start = performance.now();
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await settled();
        times.push(performance.now() - start);
      }
    }
    return times;
  }, QUERIES);
  await context.close();
  return {
    keystrokes: times.length,
    index_download_and_build_ms: round(indexMs),
    p50_ms: round(percentile(times, 0.5), 3),
    p95_ms: round(percentile(times, 0.95), 3),
    max_ms: round(Math.max(...times), 3),
  };
}

/** Autosave: from the last keystroke in a form field to the draft's IndexedDB transaction done. */
async function autosaveTimings(browser, base, samples = 12) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.addInitScript(() => {
    window.__saves = [];
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args) {
      const store = this.name;
      this.transaction.addEventListener('complete', () => window.__saves.push({ store, at: performance.now() }));
      return put.apply(this, args);
    };
    document.addEventListener('input', () => { window.__lastInput = performance.now(); }, true);
  });
  const page = await context.newPage();
  const dossier = await startDraft(page, base);
  await page.goto(`${base}${dossier}/applicant`);
  await interactive(page);
  await throttle(context, page, false);
  const field = page.getByLabel('Họ, chữ đệm và tên');
  await field.click();
  const latencies = [];
  for (let i = 0; i < samples; i++) {
    await page.keyboard.type(i === 0 ? 'Nguyen' : ' An', { delay: 40 });
    const latency = await page.waitForFunction(() => {
      const save = window.__saves.find((s) => s.store === 'drafts' && s.at > window.__lastInput);
      return save ? save.at - window.__lastInput : null;
    }, null, { timeout: 30_000 });
    latencies.push(await latency.jsonValue());
  }
  await context.close();
  return {
    samples,
    save_delay_ms: SAVE_DELAY_MS,
    p50_ms: round(percentile(latencies, 0.5)),
    p95_ms: round(percentile(latencies, 0.95)),
    write_p50_ms: round(percentile(latencies, 0.5) - SAVE_DELAY_MS),
  };
}

export async function measureTimings(browser, base, runs = 3) {
  const pages = [];
  for (const spec of PAGES) pages.push(await pageTimings(browser, base, spec, runs));
  return {
    cpu_slowdown: CPU_SLOWDOWN,
    network: { name: 'Slow 4G (DevTools)', latency_ms: SLOW_4G.latency, download_kbit_s: round(SLOW_4G.downloadThroughput * 8 / 1000), upload_kbit_s: round(SLOW_4G.uploadThroughput * 8 / 1000) },
    pages,
    search: await searchTimings(browser, base),
    autosave: await autosaveTimings(browser, base),
  };
}

// Bytes of a first visit, page by page, as actually served: every file the browser fetched for
// the page, downloaded again with `Accept-Encoding: identity`, `gzip` and `br` (raw / gzip /
// brotli on the wire), by kind; what the service worker fetched in the background to work
// offline; and a repeat visit with the worker in control (the bytes that still use the network).
import http from 'node:http';
import { forgetDownloads, interactive, isDraftPage, PAGES, shownPath, startDraft } from './pages.mjs';

function wireBytes(url, encoding) {
  return new Promise((resolve, reject) => {
    http.get(url, { headers: { 'Accept-Encoding': encoding } }, (response) => {
      let bytes = 0;
      response.on('data', (chunk) => (bytes += chunk.length));
      response.on('end', () => resolve(bytes));
    }).on('error', reject);
  });
}

function kindOf(url, type) {
  const path = new URL(url).pathname;
  if (type === 'document') return 'html';
  if (path.endsWith('.wasm')) return 'wasm';
  if (path.endsWith('.css')) return 'css';
  if (path.endsWith('.js')) return 'js';
  if (path.startsWith('/catalogue/') || path.startsWith('/api/')) return 'data';
  return 'other';
}

const KINDS = ['html', 'css', 'js', 'wasm', 'data', 'other'];

/**
 * Records every request in `context`: the page's own (`worker` false; `cached` when the service
 * worker answered it), and those the worker itself sent to the network (`worker` true).
 */
function recorder(context) {
  const rows = [];
  context.on('requestfinished', async (request) => {
    const response = await request.response().catch(() => null);
    if (!response) return;
    const cached = response.fromServiceWorker();
    const sizes = cached ? null : await request.sizes().catch(() => null);
    rows.push({
      url: request.url(),
      method: request.method(),
      kind: kindOf(request.url(), request.resourceType()),
      worker: !!request.serviceWorker(),
      cached,
      wire: sizes ? sizes.responseBodySize + sizes.responseHeadersSize : 0,
    });
  });
  return rows;
}

async function workerReady(page) {
  await page.waitForFunction(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    return !!registration?.active && !registration.installing && !registration.waiting;
  }, null, { timeout: 120_000 });
}

export async function measureBytes(browser, base) {
  const pages = [];
  for (const spec of PAGES) {
    const context = await browser.newContext();
    const page = await context.newPage();
    let path = spec.path;
    if (isDraftPage(spec)) {
      path = (await startDraft(page, base)) + spec.draft;
      await forgetDownloads(context, page);
    }
    const rows = recorder(context);
    await page.goto(base + path);
    await interactive(page);
    if (spec.then) await spec.then(page);
    await page.waitForLoadState('networkidle');
    const own = rows.filter((r) => !r.worker && r.method === 'GET');
    const files = [];
    for (const url of [...new Set(own.map((r) => r.url))]) {
      const [raw, gzip, brotli] = await Promise.all(['identity', 'gzip', 'br'].map((e) => wireBytes(url, e)));
      files.push({ path: new URL(url).pathname, kind: own.find((r) => r.url === url).kind, raw, gzip, brotli });
    }
    const byKind = Object.fromEntries(KINDS.map((k) => [k, { raw: 0, gzip: 0, brotli: 0 }]));
    for (const f of files) for (const e of ['raw', 'gzip', 'brotli']) byKind[f.kind][e] += f[e];
    const total = { raw: 0, gzip: 0, brotli: 0 };
    for (const k of KINDS) for (const e of ['raw', 'gzip', 'brotli']) total[e] += byKind[k][e];

    // The worker installs in the background and precaches the app shell.
    await workerReady(page);
    await page.waitForLoadState('networkidle');
    const precache = rows.filter((r) => r.worker && !r.cached);

    rows.length = 0;
    const again = await context.newPage();
    await again.goto(base + path);
    await interactive(again);
    if (spec.then) await spec.then(again);
    await again.waitForLoadState('networkidle');
    // What still reaches the network: the page itself and its data are fetched network-first.
    const repeat = rows.filter((r) => !r.cached);
    const visited = new URL(base + path).pathname;
    const shell = repeat.filter((r) => {
      const p = new URL(r.url).pathname;
      return p !== visited && !p.startsWith('/api/');
    });
    pages.push({
      name: spec.name,
      path: shownPath(spec),
      files,
      by_kind: byKind,
      total,
      worker_precache: { requests: precache.length, bytes: precache.reduce((s, r) => s + r.wire, 0) },
      repeat_visit: {
        requests: repeat.length,
        bytes: repeat.reduce((s, r) => s + r.wire, 0),
        shell_bytes: shell.reduce((s, r) => s + r.wire, 0),
        fetched: repeat.map((r) => `${new URL(r.url).pathname} (${r.wire} B)`),
      },
    });
    await context.close();
  }
  return { budget_bytes: 200 * 1024, pages };
}

// `make bench`: what a first visit downloads, page by page (bytes on the wire, compressed), with
// the service worker allowed (as residents have it): the page itself, then what the worker
// precaches for offline use (the app shell of this build); and what a repeat visit downloads
// once the worker is in place. Usage: node bench/first-visit.mjs [base URL]
import { chromium } from '@playwright/test';
import http from 'node:http';

/** Bytes on the wire for `path` when the client accepts `encoding`. */
function wireBytes(url, encoding) {
  return new Promise((resolve, reject) => {
    http.get(url, { headers: { 'Accept-Encoding': encoding } }, (response) => {
      let bytes = 0;
      response.on('data', (chunk) => (bytes += chunk.length));
      response.on('end', () => resolve(bytes));
    }).on('error', reject);
  });
}

const base = process.argv[2] || 'http://127.0.0.1:3100';
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const health = await (await fetch(`${base}/healthz`)).json();
  const index = base + health.catalogue.index;
  const [raw, gzip, brotli] = await Promise.all(['identity', 'gzip', 'br'].map((e) => wireBytes(index, e)));
  console.log(`search index (${health.catalogue.procedures} procedures, downloaded on first search): ` +
    `${(raw / 1024).toFixed(1)} KB raw, ${(gzip / 1024).toFixed(1)} KB gzip, ${(brotli / 1024).toFixed(1)} KB brotli`);
  for (const [path, action] of [['/', null], ['/procedures', 'search'], ['/procedures/1.001193', null], ['/dossiers', null]]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    let rows = [];
    // On the context, so that what the service worker fetches counts too; what it answers from
    // its cache does not reach the network and counts as nothing.
    context.on('requestfinished', async (request) => {
      const response = await request.response().catch(() => null);
      if (!response || response.fromServiceWorker()) return;
      const sizes = await request.sizes().catch(() => null);
      if (sizes) rows.push({ url: new URL(request.url()).pathname, bytes: sizes.responseBodySize + sizes.responseHeadersSize, worker: !!request.serviceWorker() });
    });
    await page.goto(base + path);
    await page.waitForSelector('html[data-hydrated]');
    if (action === 'search') {
      await page.fill('#search-q', 'tam tru');
      await page.waitForFunction(() => document.querySelector('.result')?.dataset.code === '1.004194');
    }
    await page.waitForLoadState('networkidle');
    // The worker precaches the shell in the background: wait until it is installed.
    await page.waitForFunction(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return !!registration?.active && !registration.installing;
    }, null, { timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    const sum = (list) => list.reduce((total, r) => total + r.bytes, 0);
    const forPage = rows.filter((r) => !r.worker);
    const forWorker = rows.filter((r) => r.worker);
    console.log(`first visit of ${path}${action ? ' then typing a search' : ''}: ${(sum(rows) / 1024).toFixed(1)} KB over the network`);
    console.log(`  the page: ${forPage.length} requests, ${(sum(forPage) / 1024).toFixed(1)} KB`);
    const byKind = {};
    for (const r of forPage) {
      const kind = r.url === '/sw.js' ? 'service worker' : r.url.startsWith('/pkg/') ? r.url.split('.').pop() : r.url.startsWith('/catalogue/') ? 'search index' : r.url.startsWith('/api/') ? 'api' : 'page/other';
      byKind[kind] = (byKind[kind] || 0) + r.bytes;
    }
    for (const [kind, bytes] of Object.entries(byKind)) console.log(`    ${kind}: ${(bytes / 1024).toFixed(1)} KB`);
    console.log(`  the service worker (its script, and the offline shell it precaches): ${forWorker.length} requests, ${(sum(forWorker) / 1024).toFixed(1)} KB (${forWorker.map((r) => r.url).join(', ')})`);
    rows = [];
    const again = await context.newPage();
    await again.goto(base + path);
    await again.waitForSelector('html[data-hydrated]');
    await again.waitForLoadState('networkidle');
    const repeat = rows.reduce((sum, r) => sum + r.bytes, 0);
    console.log(`repeat visit of ${path}: ${rows.length} requests over the network, ${(repeat / 1024).toFixed(1)} KB (${rows.map((r) => r.url).join(', ')})`);
    await context.close();
  }
} finally {
  await browser.close();
}

// `make bench`: what a first visit downloads, page by page (bytes on the wire, compressed), with
// the service worker allowed (as residents have it). Usage: node bench/first-visit.mjs [base URL]
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
  for (const [path, action] of [['/procedures', null], ['/procedures', 'search'], ['/procedures/1.001193', null]]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const rows = [];
    // On the context, so that what the service worker fetches for the page counts too (the
    // requests it answers from its cache then count as 0 for the page).
    context.on('requestfinished', async (request) => {
      const sizes = await request.sizes().catch(() => null);
      if (sizes) rows.push({ url: new URL(request.url()).pathname, bytes: sizes.responseBodySize + sizes.responseHeadersSize });
    });
    await page.goto(base + path);
    await page.waitForSelector('html[data-hydrated]');
    if (action === 'search') {
      await page.fill('#search-q', 'tam tru');
      await page.waitForFunction(() => document.querySelector('.result')?.dataset.code === '1.004194');
    }
    await page.waitForLoadState('networkidle');
    const total = rows.reduce((sum, r) => sum + r.bytes, 0);
    console.log(`first visit of ${path}${action ? ' then typing a search' : ''}: ${rows.length} requests, ${(total / 1024).toFixed(1)} KB`);
    const byKind = {};
    for (const r of rows) {
      const kind = r.url === '/sw.js' ? 'service worker' : r.url.startsWith('/pkg/') ? r.url.split('.').pop() : r.url.startsWith('/catalogue/') ? 'search index' : r.url.startsWith('/api/') ? 'api' : 'page/other';
      byKind[kind] = (byKind[kind] || 0) + r.bytes;
    }
    for (const [kind, bytes] of Object.entries(byKind)) console.log(`  ${kind}: ${(bytes / 1024).toFixed(1)} KB`);
    await context.close();
  }
} finally {
  await browser.close();
}

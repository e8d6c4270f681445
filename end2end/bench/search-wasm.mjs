// `make bench` (browser half): times the catalogue search inside the wasm, in Chromium, with a
// phone-sized CPU slowdown as an option. Usage: node bench/search-wasm.mjs [base URL] [cpu slowdown]
import { chromium } from '@playwright/test';

const base = process.argv[2] || 'http://127.0.0.1:3100';
const slowdown = Number(process.argv[3] || 1);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  if (slowdown > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
  }
  await page.goto(`${base}/procedures`);
  await page.waitForSelector('html[data-hydrated]');
  const result = await page.evaluate(async () => {
    const script = document.querySelector('link[rel="modulepreload"]')?.href
      || [...document.scripts].map((s) => s.textContent.match(/import\('([^']+\.js)'\)/)?.[1]).find(Boolean);
    const module = await import(script);
    return JSON.parse(await module.bench_search(20));
  });
  if (result.error) throw new Error(result.error);
  const times = result.per_query_ms.slice().sort((a, b) => a - b);
  const at = (p) => times[Math.round((times.length - 1) * p)];
  const label = slowdown > 1 ? `, CPU slowed ${slowdown}×` : '';
  console.log(`search, wasm in Chromium (${times.length} queries as typed, 20 runs each${label})`);
  console.log(`  index download + build (browser's first search): ${result.index_ms.toFixed(1)} ms`);
  console.log(`  per query: p50 ${at(0.5).toFixed(3)} ms, p95 ${at(0.95).toFixed(3)} ms, max ${at(1).toFixed(3)} ms`);
} finally {
  await browser.close();
}

// The soak: the server under a fixed request rate for a long time (10 minutes by default), a mix
// of pages as residents open them and dossier submissions, with the server's resident memory
// sampled every 10 seconds. Requests are sent on a clock (open loop): a slow answer does not
// slow the load down. Reports errors, latency, and the memory curve.
import { randomUUID } from 'node:crypto';
import { BenchServer, percentile, round, sleep } from './common.mjs';
import { submit } from './dossier.mjs';

const PAGES = ['/', '/procedures', '/procedures/1.001193', '/procedures/1.001193/check', '/track', '/dossiers', '/procedures?q=tam+tru', '/help'];
/** Of every 10 requests, this many are submissions. */
const SUBMISSIONS_PER_10 = 2;

export async function soak({ seconds = 600, rate = 20, port = 3330 } = {}) {
  const server = await new BenchServer('soak', port).start();
  const latencies = { page: [], submission: [] };
  const errors = { page: 0, submission: 0 };
  const keys = [];
  const receipted = new Set();
  const memory = [];
  const started = Date.now();
  const sample = () => memory.push({ t: round((Date.now() - started) / 1000, 0), rss_kib: server.rssKib() });
  sample();
  const sampler = setInterval(sample, 10_000);
  const inFlight = new Set();
  let n = 0;
  const interval = 1000 / rate;
  try {
    while (Date.now() - started < seconds * 1000) {
      const due = started + n * interval;
      if (due > Date.now()) await sleep(due - Date.now());
      const i = n++;
      const t0 = performance.now();
      let request;
      if (i % 10 < SUBMISSIONS_PER_10) {
        const key = randomUUID();
        keys.push(key);
        request = submit(server.url, key).then((code) => {
          if (code) {
            receipted.add(key);
            latencies.submission.push(performance.now() - t0);
          } else errors.submission += 1;
        });
      } else {
        const path = PAGES[i % PAGES.length];
        request = fetch(server.url + path, { headers: { 'accept-encoding': 'br' } })
          .then(async (response) => {
            await response.arrayBuffer();
            if (!response.ok) throw new Error(String(response.status));
            latencies.page.push(performance.now() - t0);
          })
          .catch(() => { errors.page += 1; });
      }
      inFlight.add(request);
      request.finally(() => inFlight.delete(request));
    }
    await Promise.all(inFlight);
    sample();
  } finally {
    clearInterval(sampler);
  }
  const held = await server.storedKeys(keys);
  const stored = await server.dossiers();
  // The public pages among them come from the page cache after their first render.
  const cache = (await (await fetch(`${server.url}/healthz`)).json()).page_cache;
  await server.stop();
  const stats = (list) => ({ count: list.length, p50_ms: round(percentile(list, 0.5)), p99_ms: round(percentile(list, 0.99)) });
  return {
    seconds,
    rate_per_second: rate,
    requests: n,
    errors,
    pages: stats(latencies.page),
    submissions: stats(latencies.submission),
    receipts: receipted.size,
    receipted_missing: [...receipted].filter((k) => !held.has(k)).length,
    dossiers_stored: stored,
    page_cache: { ...cache, hit_rate: round(cache.hits / Math.max(1, cache.hits + cache.misses), 4) },
    memory,
  };
}

// Public pages from the server's cache (server/src/web/page_cache.rs), each number beside its
// limit, in the same run:
// - a procedure page served by the server from its cache (warm), and rendered for every request
//   (the cache turned off, MOTCUA_PAGE_CACHE_MB=0: rendering and dynamic brotli), against nginx
//   serving the very same brotli bytes as a precompressed static file (brotli_static), all with
//   `Accept-Encoding: br` as browsers send it;
// - cold (first request: render, compress quickly, keep) against warm (from memory) latency, one
//   request at a time, over every procedure page in both languages;
// - the server's memory with all of them kept, and the cache's own count of bytes (`/healthz`).
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { BenchServer, out, percentile, root, round, sleep } from './common.mjs';
import { startNginx, wrk } from './throughput.mjs';

const PAGE = '/procedures/1.001193';
const BR = { 'accept-encoding': 'br' };

/** One GET, its body as sent (not unpacked). */
function get(url, headers = {}) {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers, agent: false }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

async function health(server) {
  return (await (await fetch(`${server.url}/healthz`)).json()).page_cache;
}

/** Latencies of `paths` requested one at a time (ms), with the bytes received. */
async function oneByOne(server, paths, headers) {
  const latencies = [];
  let bytes = 0;
  for (const p of paths) {
    const t0 = performance.now();
    const response = await get(server.url + p, { ...BR, ...headers });
    latencies.push(performance.now() - t0);
    if (response.status !== 200) throw new Error(`${p}: ${response.status}`);
    bytes += response.body.length;
  }
  const stats = (list) => ({ requests: list.length, p50_ms: round(percentile(list, 0.5), 2), p99_ms: round(percentile(list, 0.99), 2), max_ms: round(Math.max(...list), 2) });
  return { ...stats(latencies), brotli_bytes: bytes };
}

export async function pageCache({ seconds = 10, port = 3370 } = {}) {
  const cached = await new BenchServer('cached', port).start();
  const uncached = await new BenchServer('uncached', port + 1, { MOTCUA_PAGE_CACHE_MB: '0' }).start();
  const dir = path.join(out, 'nginx-pages');
  let nginx = null;
  try {
    // The same bytes for nginx: the page as the cache keeps it, in both encodings, once asked for
    // again (compressed quickly for its first request, at the highest levels after).
    let br = await get(cached.url + PAGE, BR);
    for (let i = 0; i < 50; i++) {
      await sleep(200);
      const again = await get(cached.url + PAGE, BR);
      if (again.body.length === br.body.length && i > 0) break;
      br = again;
    }
    const gz = await get(cached.url + PAGE, { 'accept-encoding': 'gzip' });
    if (br.headers['content-encoding'] !== 'br') throw new Error('the server sent no brotli');
    const html = zlib.brotliDecompressSync(br.body);
    if (!zlib.gunzipSync(gz.body).equals(html)) throw new Error('gzip and brotli differ');
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(path.join(dir, 'html', 'procedures'), { recursive: true });
    const file = path.join(dir, 'html', PAGE);
    fs.writeFileSync(file, html);
    fs.writeFileSync(`${file}.br`, br.body);
    fs.writeFileSync(`${file}.gz`, gz.body);
    nginx = await startNginx(dir, port + 90, PAGE);
    const nginxUrl = `http://127.0.0.1:${port + 90}`;
    const served = await get(nginxUrl + PAGE, BR);
    if (served.headers['content-encoding'] !== 'br' || !served.body.equals(br.body)) throw new Error('nginx does not serve the same brotli bytes');

    const header = ['-H', 'Accept-Encoding: br'];
    const before = await health(cached);
    const warm = wrk({ url: cached.url + PAGE, connections: 50, seconds, wrkArgs: header });
    const after = await health(cached);
    const rendered = wrk({ url: uncached.url + PAGE, connections: 50, seconds, wrkArgs: header });
    const theirs = wrk({ url: nginxUrl + PAGE, connections: 50, seconds, wrkArgs: header });
    await nginx.stop();
    nginx = null;
    await uncached.stop();
    await cached.stop();

    // Cold and warm, one request at a time, every procedure page in both languages, on a fresh
    // server; its memory before and after.
    const full = await new BenchServer('catalogue-cached', port + 2).start();
    try {
      const codes = fs.readFileSync(path.join(root, 'app', 'data', 'procedures.jsonl'), 'utf8')
        .split('\n').filter(Boolean).map((line) => JSON.parse(line).code);
      const paths = codes.map((code) => `/procedures/${code}`);
      const rssBefore = full.rssKib();
      const cold = { vi: await oneByOne(full, paths, {}), en: await oneByOne(full, paths, { cookie: 'i18n_pref_locale=en' }) };
      const rssAfter = full.rssKib();
      const afterCold = await health(full);
      const warmOneByOne = { vi: await oneByOne(full, paths, {}), en: await oneByOne(full, paths, { cookie: 'i18n_pref_locale=en' }) };
      const kept = await health(full);
      warmOneByOne.hits = kept.hits - afterCold.hits;
      warmOneByOne.misses = kept.misses - afterCold.misses;
      return {
        page: PAGE,
        html_bytes: html.length,
        brotli_bytes: br.body.length,
        gzip_bytes: gz.body.length,
        load: {
          cached: warm,
          uncached: rendered,
          nginx: theirs,
          cached_hits: after.hits - before.hits,
          cached_misses: after.misses - before.misses,
          ratio: round(warm.requests_per_second / theirs.requests_per_second, 3),
          ratio_uncached: round(rendered.requests_per_second / theirs.requests_per_second, 3),
          p99_vs_nginx: round(warm.p99_ms / theirs.p99_ms, 2),
        },
        catalogue: {
          procedures: codes.length,
          pages: codes.length * 2,
          cold,
          warm: warmOneByOne,
          cache: kept,
          rss_before_kib: rssBefore,
          rss_after_kib: rssAfter,
        },
      };
    } finally {
      await full.stop();
    }
  } finally {
    if (nginx) await nginx.stop();
    await uncached.stop();
    await cached.stop();
  }
}

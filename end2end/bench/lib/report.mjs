// The report of `make bench` / `make trials`: Markdown for people (report.md), the same numbers
// as JSON for programs (report.json), and the soak's memory curve as a small SVG chart.

const kb = (bytes) => (bytes / 1024).toFixed(1);
const ms = (value) => (value == null ? '–' : value.toLocaleString('en', { maximumFractionDigits: 1 }));
const ratio = (value) => `${value.toFixed(3)} (${(value * 100).toFixed(1)} %)`;

/** The server's memory over the soak: a line on a grid, self-contained (no scripts, no styles). */
export function memoryChart(samples) {
  const width = 640;
  const height = 240;
  const pad = { left: 56, right: 16, top: 16, bottom: 36 };
  const maxT = Math.max(10, ...samples.map((s) => s.t));
  const mib = samples.map((s) => s.rss_kib / 1024);
  const maxM = Math.max(1, ...mib) * 1.15;
  const x = (t) => pad.left + (t / maxT) * (width - pad.left - pad.right);
  const y = (m) => height - pad.bottom - (m / maxM) * (height - pad.top - pad.bottom);
  const points = samples.map((s, i) => `${x(s.t).toFixed(1)},${y(mib[i]).toFixed(1)}`).join(' ');
  const grid = [];
  for (let i = 0; i <= 4; i++) {
    const m = (maxM / 4) * i;
    grid.push(`<line x1="${pad.left}" x2="${width - pad.right}" y1="${y(m).toFixed(1)}" y2="${y(m).toFixed(1)}" stroke="#ddd"/>`);
    grid.push(`<text x="${pad.left - 6}" y="${(y(m) + 4).toFixed(1)}" text-anchor="end" font-size="11">${m.toFixed(0)}</text>`);
  }
  for (let i = 0; i <= 5; i++) {
    const t = (maxT / 5) * i;
    grid.push(`<text x="${x(t).toFixed(1)}" y="${height - pad.bottom + 16}" text-anchor="middle" font-size="11">${Math.round(t)}</text>`);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" role="img" aria-label="Server memory (resident, MiB) over the soak (seconds)">
<title>Server memory (resident, MiB) over the soak (seconds)</title>
<rect width="${width}" height="${height}" fill="#fff"/>
${grid.join('\n')}
<polyline points="${points}" fill="none" stroke="#0b5cab" stroke-width="2"/>
${samples.map((s, i) => `<circle cx="${x(s.t).toFixed(1)}" cy="${y(mib[i]).toFixed(1)}" r="2.5" fill="#0b5cab"/>`).join('\n')}
<text x="${pad.left}" y="${height - 4}" font-size="11">seconds</text>
<text x="${pad.left + 6}" y="${pad.top + 4}" font-size="11">MiB (resident)</text>
</svg>
`;
}

function bytesSection(bytes) {
  const lines = ['## Bytes', '', `Every file the browser fetched for the page on a first visit, downloaded again as served with \`Accept-Encoding\` identity / gzip / br. Budget: a first visit ≤ ${kb(bytes.budget_bytes)} KB compressed (brotli).`, ''];
  lines.push('| page | kind | raw KB | gzip KB | brotli KB |', '|---|---|---:|---:|---:|');
  for (const page of bytes.pages) {
    for (const [kind, size] of Object.entries(page.by_kind)) {
      if (size.raw === 0) continue;
      lines.push(`| ${page.name} \`${page.path}\` | ${kind} | ${kb(size.raw)} | ${kb(size.gzip)} | ${kb(size.brotli)} |`);
    }
    const verdict = page.total.brotli <= bytes.budget_bytes ? 'within budget' : `**${(page.total.brotli / bytes.budget_bytes).toFixed(1)}× the budget**`;
    lines.push(`| ${page.name} | **total** | ${kb(page.total.raw)} | ${kb(page.total.gzip)} | **${kb(page.total.brotli)}** (${verdict}) |`);
  }
  lines.push('', '| page | worker precache after the first visit | repeat visit: requests | repeat visit: KB on the network | of which the app shell |', '|---|---|---:|---:|---:|');
  for (const page of bytes.pages) {
    lines.push(`| ${page.name} | ${page.worker_precache.requests} files, ${kb(page.worker_precache.bytes)} KB | ${page.repeat_visit.requests} | ${kb(page.repeat_visit.bytes)} | ${kb(page.repeat_visit.shell_bytes)} |`);
  }
  lines.push('', 'On a repeat visit the worker answers the app shell (wasm, JS, CSS, icons, search index) from its cache; pages are fetched network-first (fresh content), which is what remains.');
  return lines;
}

function timingsSection(t) {
  const lines = ['## Browser timings', '', `Headless Chromium, CPU slowed ${t.cpu_slowdown}×, network "${t.network.name}": ${t.network.latency_ms} ms round trip, ${t.network.download_kbit_s} kbit/s down, ${t.network.upload_kbit_s} kbit/s up. Medians of ${t.pages[0]?.runs ?? 0} runs, milliseconds from the start of navigation.`, ''];
  lines.push('| page | visit | first paint (server HTML) | DOMContentLoaded | interactive |', '|---|---|---:|---:|---:|');
  for (const p of t.pages) {
    for (const [visit, v] of [['first', p.first_visit], ['repeat (worker)', p.repeat_visit]]) {
      lines.push(`| ${p.name} \`${p.path}\` | ${visit} | ${ms(v.first_paint_ms)} | ${ms(v.dom_content_loaded_ms)} | ${ms(v.interactive_ms)} |`);
    }
  }
  lines.push('', `**Search per keystroke** (input event to new results on the page, in the catalogue's island, over the whole catalogue; ${t.search.keystrokes} keystrokes of the sample queries, CPU ${t.cpu_slowdown}×): p50 ${t.search.p50_ms} ms, p95 ${t.search.p95_ms} ms, max ${t.search.max_ms} ms; downloading and building the index once: ${ms(t.search.index_download_and_build_ms)} ms.`);
  lines.push('', `**Autosave** (last keystroke → draft committed in IndexedDB, CPU ${t.cpu_slowdown}×, ${t.autosave.samples} samples): p50 ${t.autosave.p50_ms} ms, p95 ${t.autosave.p95_ms} ms, of which ${t.autosave.save_delay_ms} ms is the deliberate wait for typing to pause (the write itself: ~${t.autosave.write_p50_ms} ms).`);
  return lines;
}

function pageCacheSection(p) {
  const l = p.load;
  const c = p.catalogue;
  const lines = ['## Public pages from the cache', '', `\`${p.page}\`: ${kb(p.html_bytes)} KB of HTML, ${kb(p.brotli_bytes)} KB brotli, ${kb(p.gzip_bytes)} KB gzip. 50 connections, \`Accept-Encoding: br\` as browsers send it; nginx serves the very same brotli bytes as a precompressed file (\`brotli_static\`).`, ''];
  lines.push('| | req/s | p50 ms | p99 ms | errors | vs nginx |', '|---|---:|---:|---:|---:|---:|');
  lines.push(`| Một Cửa, page from the cache (warm) | ${ms(l.cached.requests_per_second)} | ${l.cached.p50_ms} | ${l.cached.p99_ms} | ${l.cached.errors} | **${ratio(l.ratio)}** |`);
  lines.push(`| Một Cửa, rendered for every request (\`MOTCUA_PAGE_CACHE_MB=0\`) | ${ms(l.uncached.requests_per_second)} | ${l.uncached.p50_ms} | ${l.uncached.p99_ms} | ${l.uncached.errors} | ${ratio(l.ratio_uncached)} |`);
  lines.push(`| nginx, the same bytes as a static file | ${ms(l.nginx.requests_per_second)} | ${l.nginx.p50_ms} | ${l.nginx.p99_ms} | ${l.nginx.errors} | 1 |`);
  const goal = l.ratio >= 0.5 && l.p99_vs_nginx <= 2;
  lines.push('', `Goal (≥ 50 % of nginx's requests per second, p99 within 2× of nginx's): ${goal ? 'met' : '**not met**'} — ratio ${ratio(l.ratio)}, p99 ${l.p99_vs_nginx}× nginx's. During the warm load the cache counted ${l.cached_hits} hits and ${l.cached_misses} misses.`, '');
  lines.push(`**Every procedure page in both languages** (${c.procedures} × 2 = ${c.pages} pages), one request at a time on a fresh server, brotli:`, '');
  lines.push('| | language | requests | p50 ms | p99 ms | max ms |', '|---|---|---:|---:|---:|---:|');
  for (const [name, runs] of [['cold (rendered, compressed quickly, kept)', c.cold], ['warm (from the cache)', c.warm]]) {
    for (const language of ['vi', 'en']) {
      const r = runs[language];
      lines.push(`| ${name} | ${language} | ${r.requests} | ${r.p50_ms} | ${r.p99_ms} | ${r.max_ms} |`);
    }
  }
  lines.push('', `The warm pass: ${c.warm.hits} hits, ${c.warm.misses} misses${c.warm.misses ? ' (**not every page stayed kept**)' : ''}. Kept: ${c.cache.entries} pages, ${(c.cache.bytes / 2 ** 20).toFixed(1)} MiB by the cache's own count (brotli and gzip bodies, headers, keys) of its ${(c.cache.capacity_bytes / 2 ** 20).toFixed(0)} MiB; the server's resident memory ${kb(c.rss_before_kib)} MiB before the first page, ${kb(c.rss_after_kib)} MiB after all of them.`);
  return lines;
}

function throughputSection(t) {
  const lines = ['## Server throughput', '', 'Release build, SQLite in WAL mode with `synchronous = FULL`, load from `wrk` (2 threads) on the same 2 cores.', ''];
  lines.push('### Dossier submissions through the server function', '');
  lines.push('| clients | Một Cửa dossiers/s | p50 ms | p99 ms | errors | baseline dossiers/s | baseline p50 ms | baseline p99 ms | ratio | one dossier per key |', '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const r of t.submit) {
    lines.push(`| ${r.clients} | ${ms(r.server.dossiers_per_second)} | ${r.server.p50_ms} | ${r.server.p99_ms} | ${r.server.errors} | ${ms(r.baseline.dossiers_per_second)} | ${r.baseline.p50_ms} | ${r.baseline.p99_ms} | **${ratio(r.ratio)}** | ${r.server.one_dossier_per_key ? 'yes' : '**NO**'} (${r.server.unique_keys} keys, ${r.server.dossiers_stored} stored) |`);
  }
  lines.push('', 'Baseline: `store-baseline` writes the same rows (the key lookup, the dossier, its first status, in one `BEGIN IMMEDIATE` transaction) into the same schema with the same connection options, from the same number of concurrent clients, without HTTP, JSON or the rules.');
  const r = t.repeats;
  lines.push('', `**Repeated keys** (50 clients, ${r.repeat_percent} % of requests re-send an earlier key): ${r.sent} requests sent, ${r.repeated_requests} of them repeats; ${r.unique_keys} unique keys → **${r.dossiers_stored} dossiers stored** (${r.one_dossier_per_key ? 'equal' : '**NOT equal**'}); ${ms(r.dossiers_per_second)} dossiers/s, p50 ${r.p50_ms} ms, p99 ${r.p99_ms} ms.`);
  lines.push('', 'After each load, the requests cut off when wrk stopped are sent again (as a phone\'s outbox would) before counting.');
  return lines;
}

function trialsSection(trials) {
  const lines = ['## Fault trials', ''];
  const k = trials.kill;
  if (k) {
    lines.push(`**Server killed (SIGKILL) during a submission load, then restarted** — ${k.trials} trials × ${k.clients} clients: ${k.receipts} receipts issued before the kill; **lost ${k.lost}**, **duplicated ${k.duplicated}**; receipt codes checked by tracking: ${k.runs.reduce((s, r) => s + r.receipt_codes_found, 0)} of ${k.runs.reduce((s, r) => s + r.receipt_codes_checked, 0)} found.`, '');
    lines.push('| trial | killed after ms | requests | receipts | stored after restart | lost | duplicated | stored after retries / unique keys |', '|---:|---:|---:|---:|---:|---:|---:|---|');
    k.runs.forEach((r, i) => lines.push(`| ${i + 1} | ${r.kill_after_ms} | ${r.requests} | ${r.receipts} | ${r.stored_after_restart} | ${r.lost} | ${r.duplicated} | ${r.stored_after_retries} / ${r.unique_keys} |`));
    lines.push('');
  }
  const b = trials.browser;
  if (b) {
    lines.push(`**In the browser** (Playwright, repeated ${b.repeat_each}× each; the run ${b.passed ? 'passed' : '**failed**'}):`, '');
    lines.push('| trial | runs | lost | duplicated |', '|---|---:|---:|---:|');
    for (const [name, t] of Object.entries(b.trials)) lines.push(`| ${name} | ${t.trials} | ${t.lost} | ${t.duplicated} |`);
    lines.push('');
  }
  if (trials.cluster) lines.push(...clusterTrialsSection(trials.cluster));
  return lines;
}

function clusterThroughputSection(c) {
  const lines = ['## Several servers on PostgreSQL', '', `Release build; PostgreSQL ${'(Debian\'s, fsync and synchronous_commit on)'}; nginx balancing the servers; ${c.clients} wrk connections; everything on the same 2 cores.`, ''];
  lines.push('| servers | dossiers/s | p50 ms | p99 ms | errors | baseline dossiers/s | ratio | one dossier per key |', '|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const r of c.runs) {
    lines.push(`| ${r.servers} | ${ms(r.dossiers_per_second)} | ${r.p50_ms} | ${r.p99_ms} | ${r.errors} | ${ms(c.baseline.dossiers_per_second)} | **${ratio(r.ratio)}** | ${r.one_dossier_per_key ? 'yes' : '**NO**'} (${r.unique_keys} keys, ${r.dossiers_stored} stored) |`);
  }
  lines.push('', `Baseline: \`store-baseline\` writes the same rows (the key lookup, the dossier, its first status, in one transaction) into the same PostgreSQL with synchronous_commit = on, from ${c.baseline.clients} clients, without HTTP, JSON or the rules: ${ms(c.baseline.dossiers_per_second)} dossiers/s, p50 ${c.baseline.p50_ms} ms, p99 ${c.baseline.p99_ms} ms.`);
  return lines;
}

function clusterTrialsSection(c) {
  const lines = [`### ${c.servers} servers on one PostgreSQL behind nginx`, ''];
  const k = c.kill;
  lines.push(`**A server killed (SIGKILL) under load and restarted** — ${c.trials} trials × ${c.clients} clients through nginx: ${k.receipts} receipts; **lost ${k.lost}**, **duplicated ${k.duplicated}**; devices without an answer that sent again and got none: ${k.unanswered}.`, '');
  lines.push('| trial | killed | after ms | requests | receipts | lost | duplicated | stored after retries / keys | errors seen by clients |', '|---:|---:|---:|---:|---:|---:|---:|---|---|');
  k.runs.forEach((r, i) => lines.push(`| ${i + 1} | server ${r.killed} | ${r.kill_after_ms} | ${r.requests} | ${r.receipts} | ${r.lost} | ${r.duplicated} | ${r.stored_after_retries} / ${r.requests} | ${JSON.stringify(r.errors)} |`));
  const s = c.same_key;
  lines.push('', `**The same key sent to two servers at once** (past nginx): ${s.keys} keys → ${s.keys - s.lost + s.duplicated} dossiers; **duplicated ${s.duplicated}**, lost ${s.lost}; pairs with differing receipts: ${s.differing_receipts}; pairs with a failed request: ${s.failed}.`, '');
  const p = c.postgres_restart;
  lines.push(`**PostgreSQL restarted under load** — ${p.receipts} receipts; **lost ${p.lost}**, **duplicated ${p.duplicated}**; clients were answered ${p.retryable_errors} times with the retryable 503 and **${p.other_errors} times with anything else**; devices without a receipt after sending again: ${p.unanswered}.`, '');
  lines.push('| trial | restart after ms | restart took ms | requests | receipts | lost | duplicated | 503 | other |', '|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  p.runs.forEach((r, i) => lines.push(`| ${i + 1} | ${r.restart_after_ms} | ${r.restart_ms} | ${r.requests} | ${r.receipts} | ${r.lost} | ${r.duplicated} | ${r.retryable_errors} | ${r.other_errors} |`));
  lines.push('', `**A desk officer balanced to another server**: signed in through server 1, signed in (and served the queue) on ${c.desk.signed_in_on} of ${c.servers} servers.`);
  lines.push('', `**The service worker**: ${c.workers_agree ? 'the same on every server' : '**different between servers**'} (version ${[...new Set(c.worker_versions)].join(', ')}).`);
  return lines;
}

function soakSection(s) {
  const first = s.memory[0]?.rss_kib ?? 0;
  const last = s.memory[s.memory.length - 1]?.rss_kib ?? 0;
  const peak = Math.max(...s.memory.map((m) => m.rss_kib));
  return ['## Soak', '',
    `${s.seconds} s at ${s.rate_per_second} requests/s (pages and, 2 in 10, dossier submissions): ${s.requests} requests; errors: ${s.errors.page} pages, ${s.errors.submission} submissions; pages p50 ${s.pages.p50_ms} ms / p99 ${s.pages.p99_ms} ms; submissions p50 ${s.submissions.p50_ms} ms / p99 ${s.submissions.p99_ms} ms; ${s.receipts} receipts, ${s.receipted_missing} of them missing afterwards, ${s.dossiers_stored} dossiers stored.`,
    ...(s.page_cache ? ['', `Page cache: ${s.page_cache.hits} hits, ${s.page_cache.misses} misses (**hit rate ${(s.page_cache.hit_rate * 100).toFixed(1)} %** of the public pages; tracking and the dossiers' frame are rendered for every request), ${s.page_cache.entries} pages kept in ${(s.page_cache.bytes / 1024).toFixed(0)} KB.`] : []),
    '', `Server memory (resident): ${kb(first)} MiB at the start (before the first request), ${kb(peak)} MiB at the peak, ${kb(last)} MiB at the end; sampled every 10 s:`,
    '', '![Server memory over the soak](memory.svg)'];
}

export function markdown(report) {
  const lines = [`# Một Cửa — ${report.kind === 'trials' ? 'fault trials' : 'benchmark report'}`, ''];
  lines.push(`${report.finished} · commit \`${report.commit}\` · ${report.machine.cpus}× ${report.machine.cpu} · ${report.machine.memory_gib} GiB · ${report.tools.join(' · ')}`, '');
  if (report.headline) {
    lines.push('## Headline', '');
    for (const line of report.headline) lines.push(`- ${line}`);
    lines.push('');
  }
  if (report.bytes) lines.push(...bytesSection(report.bytes), '');
  if (report.browser) lines.push(...timingsSection(report.browser), '');
  if (report.page_cache) lines.push(...pageCacheSection(report.page_cache), '');
  if (report.throughput) lines.push(...throughputSection(report.throughput), '');
  if (report.cluster) lines.push(...clusterThroughputSection(report.cluster), '');
  if (report.trials) lines.push(...trialsSection(report.trials), '');
  if (report.soak) lines.push(...soakSection(report.soak), '');
  return lines.join('\n');
}

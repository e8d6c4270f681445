// `make bench`, `make trials` and `make phone`: node bench/run.mjs bench|trials|phone
// Writes target/bench/report.md, report.json and memory.svg (bench), trials.md / trials.json
// (trials), or phone.md / phone.json (phone: only the first visits' bytes and the browser timings
// on a throttled phone, every residents' page, ~10 minutes). Every number is measured in the same run as the limit it is held against.
// Knobs (environment): BENCH_SECONDS (each load, default 10), TRIALS (repetitions of each fault
// trial, default 5), SOAK_SECONDS (default 600), SOAK_RATE (requests per second, default 20).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { BenchServer, launchChromium, out, root, round, version } from './lib/common.mjs';
import { measureBytes } from './lib/bytes.mjs';
import { measureTimings } from './lib/timings.mjs';
import { throughput } from './lib/throughput.mjs';
import { pageCache } from './lib/page_cache.mjs';
import { browserTrials, killTrials } from './lib/trials.mjs';
import { clusterTrials } from './lib/cluster_trials.mjs';
import { clusterThroughput } from './lib/cluster_bench.mjs';
import { soak } from './lib/soak.mjs';
import { markdown, memoryChart } from './lib/report.mjs';

const kind = ['trials', 'phone'].includes(process.argv[2]) ? process.argv[2] : 'bench';
const seconds = Number(process.env.BENCH_SECONDS || 10);
const trialCount = Number(process.env.TRIALS || 5);
const soakSeconds = Number(process.env.SOAK_SECONDS || 600);
const soakRate = Number(process.env.SOAK_RATE || 20);

fs.mkdirSync(out, { recursive: true });
const step = (name) => console.log(`\n== ${name} (${new Date().toISOString().slice(11, 19)})`);

const report = {
  kind,
  started: new Date().toISOString(),
  commit: execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim(),
  machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? 'unknown', memory_gib: round(os.totalmem() / 2 ** 30) },
  tools: [version('/usr/bin/chromium'), version('wrk', ['-v']), version('nginx', ['-v']), `node ${process.version}`].filter(Boolean),
  settings: { load_seconds: seconds, trials: trialCount, soak_seconds: soakSeconds, soak_rate: soakRate },
};

if (kind !== 'trials') {
  step('bytes and browser timings');
  const pages = await new BenchServer('pages', 3340).start();
  const browser = await launchChromium();
  try {
    report.bytes = await measureBytes(browser, pages.url);
    report.browser = await measureTimings(browser, pages.url);
  } finally {
    await browser.close();
    await pages.stop();
  }
}
if (kind === 'bench') {
  step('public pages from the cache, against nginx');
  report.page_cache = await pageCache({ seconds });
  step('server throughput');
  report.throughput = await throughput({ seconds });
  step('several servers on PostgreSQL');
  report.cluster = await clusterThroughput({ seconds });
}

if (kind !== 'phone') {
  step(`fault trials, ${trialCount} times each`);
  report.trials = { kill: await killTrials(trialCount), browser: browserTrials(trialCount) };
  step(`fault trials of 3 servers on PostgreSQL, ${trialCount} times each`);
  report.trials.cluster = await clusterTrials(trialCount);
}

if (kind === 'bench') {
  step(`soak, ${soakSeconds} s at ${soakRate} requests/s`);
  report.soak = await soak({ seconds: soakSeconds, rate: soakRate });
}

// What must hold, and the headline.
const problems = [];
const k = report.trials?.kill;
if (report.trials) {
  if (k.lost || k.duplicated) problems.push(`server kill: ${k.lost} lost, ${k.duplicated} duplicated`);
  if (k.wrong_codes) problems.push(`server kill: ${k.wrong_codes} receipt codes not found`);
  for (const [name, t] of Object.entries(report.trials.browser.trials)) {
    if (t.lost || t.duplicated) problems.push(`${name}: ${t.lost} lost, ${t.duplicated} duplicated`);
  }
  if (!report.trials.browser.passed) problems.push('a browser trial failed (see its output)');
  const c = report.trials.cluster;
  if (c.kill.lost || c.kill.duplicated) problems.push(`cluster, server killed: ${c.kill.lost} lost, ${c.kill.duplicated} duplicated`);
  if (c.kill.unanswered) problems.push(`cluster, server killed: ${c.kill.unanswered} devices never got a receipt`);
  if (c.same_key.lost || c.same_key.duplicated || c.same_key.differing_receipts || c.same_key.failed) problems.push(`cluster, one key on two servers: ${JSON.stringify({ ...c.same_key, runs: undefined })}`);
  const p = c.postgres_restart;
  if (p.lost || p.duplicated || p.other_errors || p.unanswered) problems.push(`cluster, PostgreSQL restarted: ${p.lost} lost, ${p.duplicated} duplicated, ${p.other_errors} answers other than a receipt or 503, ${p.unanswered} never receipted`);
  if (!c.workers_agree) problems.push(`cluster: the servers serve different service workers (${c.worker_versions.join(', ')})`);
  if (c.desk.signed_in_on !== c.servers) problems.push(`cluster, desk session: signed in on ${c.desk.signed_in_on} of ${c.servers} servers`);
}
const headline = [];
if (report.throughput) {
  const t = report.throughput;
  for (const run of [...t.submit.map((r) => r.server), t.repeats]) {
    if (!run.one_dossier_per_key) problems.push(`submissions at ${run.connections}: ${run.dossiers_stored} stored for ${run.unique_keys} keys`);
  }
  for (const r of t.submit) headline.push(`Submissions, ${r.clients} clients: ${r.server.dossiers_per_second} dossiers/s (p50 ${r.server.p50_ms} ms, p99 ${r.server.p99_ms} ms) vs SQLite baseline ${r.baseline.dossiers_per_second}/s → **ratio ${r.ratio}**`);
  headline.push(`10 % repeated keys: ${t.repeats.unique_keys} unique keys → ${t.repeats.dossiers_stored} dossiers`);
}
if (report.page_cache) {
  const l = report.page_cache.load;
  headline.push(`Page \`${report.page_cache.page}\` (brotli): from the cache ${l.cached.requests_per_second} req/s (p99 ${l.cached.p99_ms} ms) vs nginx ${l.nginx.requests_per_second} req/s (p99 ${l.nginx.p99_ms} ms) for the same bytes → **ratio ${l.ratio}** (rendered for every request: ${l.uncached.requests_per_second} req/s, ratio ${l.ratio_uncached})`);
  const c = report.page_cache.catalogue;
  headline.push(`All ${c.pages} procedure pages kept: ${(c.cache.bytes / 2 ** 20).toFixed(1)} MiB in the cache, server ${(c.rss_before_kib / 1024).toFixed(0)} → ${(c.rss_after_kib / 1024).toFixed(0)} MiB resident; first request p50 ${c.cold.vi.p50_ms} ms, later ones p50 ${c.warm.vi.p50_ms} ms`);
}
if (report.cluster) {
  const c = report.cluster;
  for (const run of c.runs) if (!run.one_dossier_per_key) problems.push(`PostgreSQL, ${run.servers} servers: ${run.dossiers_stored} stored for ${run.unique_keys} keys`);
  headline.push(`PostgreSQL, ${c.clients} clients through nginx: ${c.runs.map((r) => `${r.servers} server${r.servers > 1 ? 's' : ''} ${r.dossiers_per_second}/s`).join(', ')} vs plain PostgreSQL writer ${c.baseline.dossiers_per_second}/s → **ratios ${c.runs.map((r) => r.ratio).join(' / ')}**`);
}
if (report.bytes) {
  const worst = Math.max(...report.bytes.pages.map((p) => p.total.brotli));
  headline.push(`First visit: up to ${(worst / 1024).toFixed(0)} KB brotli against the 200 KB budget (${(worst / report.bytes.budget_bytes).toFixed(1)}×); repeat visit shell bytes: ${report.bytes.pages.map((p) => p.repeat_visit.shell_bytes).join(' / ')} B`);
}
if (report.browser) {
  const home = report.browser.pages[0];
  headline.push(`Slow 4G + CPU ×4, home: first paint ${home.first_visit.first_paint_ms} ms, interactive ${home.first_visit.interactive_ms} ms (repeat visit: ${home.repeat_visit.interactive_ms} ms); search p95 ${report.browser.search.p95_ms} ms per keystroke; autosave p50 ${report.browser.autosave.p50_ms} ms`);
}
if (report.trials) {
  headline.push(`Fault trials (${trialCount} each): server killed — lost ${k.lost}, duplicated ${k.duplicated} of ${k.receipts} receipts; ` +
    Object.entries(report.trials.browser.trials).map(([n, t]) => `${n} — ${t.trials} runs, lost ${t.lost}, duplicated ${t.duplicated}`).join('; '));
}
if (report.soak) {
  const s = report.soak;
  headline.push(`Soak ${s.seconds} s at ${s.rate_per_second}/s: ${s.errors.page + s.errors.submission} errors in ${s.requests} requests; memory ${(s.memory[0].rss_kib / 1024).toFixed(0)} → ${(s.memory[s.memory.length - 1].rss_kib / 1024).toFixed(0)} MiB; page cache hit rate ${(s.page_cache.hit_rate * 100).toFixed(1)} %`);
  if (s.receipted_missing) problems.push(`soak: ${s.receipted_missing} receipted dossiers missing`);
}
report.headline = headline;
report.problems = problems;
report.finished = new Date().toISOString();

const name = { trials: 'trials', phone: 'phone', bench: 'report' }[kind];
fs.writeFileSync(path.join(out, `${name}.json`), JSON.stringify(report, null, 2) + '\n');
fs.writeFileSync(path.join(out, `${name}.md`), markdown(report) + (problems.length ? `\n## Problems\n\n${problems.map((p) => `- ${p}`).join('\n')}\n` : ''));
if (report.soak) fs.writeFileSync(path.join(out, 'memory.svg'), memoryChart(report.soak.memory));
console.log(`\n${headline.map((h) => `- ${h}`).join('\n')}\n\nReport: ${path.join(out, `${name}.md`)}`);
if (problems.length) {
  console.error(`\nProblems:\n${problems.map((p) => `- ${p}`).join('\n')}`);
  process.exit(1);
}

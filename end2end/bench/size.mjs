// `make size`: what each residents' page costs on a first visit, against its budget; every bundle
// of the build; where each bundle's bytes go. Writes target/size/report.md and report.json, and
// fails when a page is over its budget (byte sizes are deterministic, so CI holds them).
//
// A page's first visit is counted as served, brotli, with nothing cached: its HTML, the style
// sheet, /page.js, each island's bundle (the wasm-bindgen loader and the wasm), and the data the
// page needs before the resident can use it (the search index for the live search; a
// procedure's form or definition for a dossier's pages). The device's own data (a draft in
// IndexedDB) costs no network. Budgets (issue 19): 200 KB, of which wasm 150 KB; a dossier's
// editor pages 255 KB; a page that needs no script ships no wasm.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { BenchServer, root } from './lib/common.mjs';

const KB = 1024;
const BUDGET = { total: 200 * KB, wasm: 150 * KB };
const EDITOR_BUDGET = { total: 255 * KB };
const OFFLINE_KIT_GOAL = 600 * KB;
const out = path.join(root, 'target', 'size');
const born = new Date(Date.now() + 7 * 3600_000 - 10 * 86_400_000).toISOString().slice(0, 10);
const birthAnswers = `who=child&registered=never&has_papers=no&foreign=no&born=${born}&married=yes&proof=certificate&special=none`;
const FORM = '/api/catalogue/form?code=1.001193';
const DEFINITION = '/api/catalogue/definition?code=1.001193';

/** The residents' routes, each with an address to measure and what it kind of page it is. */
const ROUTES = [
  { route: '/', path: '/', kind: 'server' },
  { route: '/procedures', path: '/procedures', kind: 'island', data: ['index'] },
  { route: '/procedures/{code}', path: '/procedures/1.001193', kind: 'server' },
  { route: '/procedures/{code}/check (first step)', path: '/procedures/1.001193/check', kind: 'server' },
  { route: '/procedures/{code}/check (a later step)', path: '/procedures/1.001193/check?who=child&registered=never', kind: 'server' },
  { route: '/procedures/{code}/check (check your answers)', path: `/procedures/1.001193/check?${birthAnswers}`, kind: 'server' },
  { route: '/procedures/{code}/check/result', path: `/procedures/1.001193/check/result?${birthAnswers}`, kind: 'island' },
  { route: '/dossiers', path: '/dossiers', kind: 'island' },
  { route: '/dossiers/{id}', path: '/dossiers/d/', kind: 'editor', data: [FORM] },
  { route: '/dossiers/{id}/{part}', path: '/dossiers/d/applicant', kind: 'editor', data: [FORM] },
  { route: '/dossiers/{id}/documents', path: '/dossiers/d/documents', kind: 'editor', data: [DEFINITION] },
  { route: '/dossiers/{id}/review', path: '/dossiers/d/review', kind: 'editor', data: [DEFINITION] },
  { route: '/dossiers/{id}/supplement', path: '/dossiers/d/supplement', kind: 'editor' },
  { route: '/dossiers/{id}/receipt', path: '/dossiers/d/receipt', kind: 'island' },
  { route: '/track', path: '/track', kind: 'island' },
  { route: '/people', path: '/people', kind: 'island' },
  { route: '/handoff', path: '/handoff', kind: 'island' },
  { route: '/help', path: '/help', kind: 'server' },
  { route: '/settings', path: '/settings', kind: 'server' },
];

const kb = (bytes) => (bytes / KB).toFixed(1);

/** `url` as the server sends it to a browser that accepts brotli: the body's bytes on the wire. */
function wire(base, url) {
  return new Promise((resolve, reject) => {
    const request = http.get(new URL(url, base), { headers: { 'Accept-Encoding': 'br' } }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => {
        if (response.statusCode !== 200) reject(new Error(`${url}: ${response.statusCode}`));
        else resolve({ bytes: Buffer.concat(chunks), encoding: response.headers['content-encoding'] });
      });
    });
    request.on('error', reject);
  });
}

/** The page's HTML, decoded. */
async function served(base, url) {
  const response = await fetch(new URL(url, base));
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return { body: Buffer.from(await response.arrayBuffer()) };
}

/** The size of `url` on the wire with brotli, as served. */
async function brotliBytes(base, url) {
  const { bytes, encoding } = await wire(base, url);
  if (encoding !== 'br') throw new Error(`${url} was not sent with brotli (${encoding ?? 'identity'})`);
  return bytes.length;
}

function attributes(html, pattern) {
  return [...html.matchAll(pattern)].map((m) => m[1].replaceAll('&amp;', '&'));
}

async function measureRoute(base, site, index, { route, path: address, kind, data = [] }) {
  const { body } = await served(base, address);
  const html = body.toString('utf8');
  const parts = [];
  const add = async (kind, url) => parts.push({ kind, url, bytes: await brotliBytes(base, url) });
  await add('html', address);
  for (const css of attributes(html, /<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)) await add('css', css);
  for (const css of attributes(html, /<link[^>]*href="([^"]+\.css)"[^>]*rel="stylesheet"/g)) if (!parts.some((p) => p.url === css)) await add('css', css);
  for (const js of attributes(html, /<script[^>]*src="([^"]+)"/g)) await add('js', js);
  const bundles = new Set();
  for (const island of html.matchAll(/<div[^>]*data-island="[^"]*"[^>]*>/g)) {
    const tag = island[0];
    const js = /data-js="([^"]*)"/.exec(tag)?.[1];
    const wasm = /data-wasm="([^"]*)"/.exec(tag)?.[1];
    if (js && !bundles.has(js)) {
      bundles.add(js);
      await add('js', js);
      await add('wasm', wasm);
    }
  }
  for (const item of data) await add('data', item === 'index' ? index : item);
  const sum = (k) => parts.filter((p) => !k || p.kind === k).reduce((a, p) => a + p.bytes, 0);
  const total = sum();
  const wasm = sum('wasm');
  const problems = [];
  if (kind === 'server' && wasm > 0) problems.push('ships wasm but needs no script');
  if (kind === 'server' && html.includes('data-island=')) problems.push('has an island');
  if ((kind === 'island' || kind === 'editor') && !html.includes('data-island=')) problems.push('has no island');
  if (kind === 'editor') {
    if (total > EDITOR_BUDGET.total) problems.push(`${kb(total)} KB > ${kb(EDITOR_BUDGET.total)} KB`);
  } else {
    if (total > BUDGET.total) problems.push(`${kb(total)} KB > ${kb(BUDGET.total)} KB`);
    if (wasm > BUDGET.wasm) problems.push(`wasm ${kb(wasm)} KB > ${kb(BUDGET.wasm)} KB`);
  }
  const bundle = [...bundles].map((js) => path.basename(js).split('.')[0]).join(', ');
  return { route, address, kind, bundle, parts, total, wasm, byKind: Object.fromEntries(['html', 'css', 'js', 'wasm', 'data'].map((k) => [k, sum(k)])), problems };
}

/** Every script and wasm of the build, raw / gzip / brotli. */
function chunks(site) {
  const pkg = path.join(site, 'pkg');
  return fs
    .readdirSync(pkg)
    .filter((name) => /\.(wasm|js|css)$/.test(name) && !name.includes('.d.'))
    .sort()
    .map((name) => {
      const file = path.join(pkg, name);
      const raw = fs.readFileSync(file);
      const br = fs.existsSync(`${file}.br`) ? fs.statSync(`${file}.br`).size : null;
      const bundle = name.split('.')[0] === 'motcua' && name.endsWith('.css') ? 'style' : name.split('.')[0] === 'motcua' ? 'kit' : name.split('.')[0];
      return { name, bundle, raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length, brotli: br };
    });
}

/**
 * Where a bundle's bytes go: its wasm as wasm-bindgen leaves it (with the functions' names;
 * before wasm-opt shrinks it), the size of each function attributed to its crate, and within the
 * app to its module (`app::pages::dossier_review`). Shares, not bytes: wasm-opt shrinks all alike.
 */
function contributors(bundle) {
  const crate = bundle === 'kit' ? 'bundle_kit' : `bundle_${bundle}`;
  const wasm = path.join(root, 'target', 'front', 'wasm32-unknown-unknown', 'wasm-release', `${crate}.wasm`);
  if (!fs.existsSync(wasm)) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-size-'));
  try {
    execFileSync('wasm-bindgen', ['--target', 'web', '--out-dir', dir, '--out-name', 'x', wasm]);
    const csv = execFileSync('twiggy', ['top', '-n', '1000000', '--format', 'csv', path.join(dir, 'x_bg.wasm')], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const totals = new Map();
    let all = 0;
    for (const line of csv.split('\n').slice(1)) {
      const match = /^"?(.*?)"?,(\d+),/.exec(line);
      if (!match) continue;
      const [, name, size] = match;
      if (name.includes('function names') || name.startsWith('Σ') || name.startsWith('custom section')) continue;
      const bytes = Number(size);
      all += bytes;
      totals.set(owner(name), (totals.get(owner(name)) ?? 0) + bytes);
    }
    return [...totals.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10)
      .map(([name, bytes]) => ({ name, share: bytes / all }));
  } catch (error) {
    return [{ name: `(not measured: ${String(error.message).split('\n')[0]})`, share: 0 }];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** `app::pages::dossier_review`, `serde_json`, `data` … for one twiggy item. */
function owner(name) {
  if (name.startsWith('data segment')) return 'data (texts, tables)';
  const path = /^<?&?(?:mut )?(?:dyn )?([A-Za-z_][A-Za-z0-9_]*(?:::[a-z_][a-z0-9_]*)*)/.exec(name)?.[1] ?? 'other';
  const segments = path.split('::').filter((s) => !/^h[0-9a-f]{16}$/.test(s));
  if (segments[0] === 'app') return segments.slice(0, Math.min(3, segments.length - (segments.length > 2 ? 1 : 0))).join('::');
  if (/^[a-z_][a-z0-9_]*$/.test(segments[0])) return segments[0];
  return 'other (generic code)';
}

function markdown(report) {
  const lines = [];
  lines.push('# Một Cửa — what a first visit costs', '');
  lines.push(`${report.started} · commit \`${report.commit}\``, '');
  lines.push(
    'Each residents\' page as a first visit fetches it, brotli as served, nothing cached: HTML, the style sheet, `/page.js`, the bundle of each island on the page (loader + wasm), and the data the page needs before it can be used. Budget: 200 KB, of which wasm 150 KB; a dossier\'s editor pages 255 KB; pages that need no script ship no wasm.',
    '',
  );
  lines.push('| page | bundle | HTML | CSS | JS | wasm | data | **total** KB | budget |');
  lines.push('|---|---|---:|---:|---:|---:|---:|---:|---|');
  for (const r of report.routes) {
    const budget = r.kind === 'editor' ? '≤ 255' : r.kind === 'server' ? '≤ 200, no wasm' : '≤ 200 (wasm ≤ 150)';
    const verdict = r.problems.length ? `**over**: ${r.problems.join('; ')}` : `ok (${budget})`;
    lines.push(`| \`${r.route}\` | ${r.bundle || '—'} | ${kb(r.byKind.html)} | ${kb(r.byKind.css)} | ${kb(r.byKind.js)} | ${kb(r.byKind.wasm)} | ${kb(r.byKind.data)} | **${kb(r.total)}** | ${verdict} |`);
  }
  lines.push('', '## Every file of the build', '');
  lines.push('| file | bundle | raw KB | gzip KB | brotli KB |');
  lines.push('|---|---|---:|---:|---:|');
  for (const c of report.chunks) lines.push(`| \`${c.name}\` | ${c.bundle} | ${kb(c.raw)} | ${kb(c.gzip)} | ${c.brotli == null ? '—' : kb(c.brotli)} |`);
  lines.push('', `## The offline kit`, '');
  lines.push(
    `What the service worker keeps at idle after a first visit (not when the browser asks to save data), so that every resident's page works without a network: ${report.kit.files.map((f) => `\`${f.url}\` ${kb(f.bytes)} KB`).join(', ')} — **${kb(report.kit.total)} KB** brotli (goal ≤ ${kb(OFFLINE_KIT_GOAL)} KB).`,
    '',
  );
  lines.push('## Where each bundle\'s bytes go', '');
  lines.push('Share of each bundle\'s code and data by crate (and by module of the app), measured on the wasm as wasm-bindgen leaves it (names kept, before wasm-opt).', '');
  for (const [bundle, top] of Object.entries(report.contributors)) {
    if (!top) continue;
    lines.push(`- **${bundle}**: ${top.map((t) => `${t.name} ${(100 * t.share).toFixed(1)} %`).join(', ')}`);
  }
  lines.push('');
  return lines.join('\n');
}

const site = path.join(root, 'target', 'site');
const server = await new BenchServer('size', 3360).start();
try {
  const sw = await fetch(server.url + '/sw.js').then((r) => r.text());
  const index = /\/catalogue\/[^"]+\/index\.json/.exec(sw)?.[0];
  const routes = [];
  for (const route of ROUTES) routes.push(await measureRoute(server.url, site, index, route));
  const kitList = JSON.parse(/const KIT_FILES = (\[[^\]]*\]);/.exec(sw)?.[1] ?? '[]');
  const kitFiles = [];
  for (const url of kitList) kitFiles.push({ url, bytes: await brotliBytes(server.url, url) });
  const chunkList = chunks(site);
  const bundleNames = [...new Set(chunkList.filter((c) => c.name.endsWith('.wasm')).map((c) => c.bundle))];
  const report = {
    started: new Date().toISOString(),
    commit: execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim(),
    routes,
    chunks: chunkList,
    kit: { files: kitFiles, total: kitFiles.reduce((a, f) => a + f.bytes, 0) },
    contributors: Object.fromEntries(bundleNames.map((b) => [b, contributors(b)])),
  };
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'report.json'), JSON.stringify(report, null, 2));
  fs.writeFileSync(path.join(out, 'report.md'), markdown(report));
  console.log(markdown(report));
  const over = routes.filter((r) => r.problems.length);
  if (over.length) {
    console.error(`\n${over.length} page(s) over budget: ${over.map((r) => r.route).join(', ')}`);
    process.exitCode = 1;
  }
} finally {
  await server.stop();
}

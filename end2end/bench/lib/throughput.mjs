// Server throughput, each number beside its limit, measured in the same run with `wrk`
// (pages against nginx: page_cache.mjs):
// - dossier submissions through the real server function against `store-baseline`, which writes
//   the same rows into the same schema with the same durability (and no HTTP, JSON or rules);
// - the same on PostgreSQL with 1, 2 and 3 servers behind nginx, against `store-baseline` on
//   PostgreSQL (same rows, synchronous_commit = on);
// - the same load with 10 % of requests repeating an earlier idempotency key: one dossier per key.
import { spawn, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BenchServer, out, root, round, sleep } from './common.mjs';
import { submission, submit } from './dossier.mjs';

const WRK_SCRIPT = path.join(root, 'end2end', 'bench', 'wrk', 'load.lua');
/** Runs wrk and returns the JSON its script prints (latencies in ms). `wrkArgs`: more of wrk's
 * own options (`-H 'Accept-Encoding: br'`); `args`: the script's. */
export function wrk({ url, connections, seconds, args = [], wrkArgs = [] }) {
  const threads = Math.min(2, connections);
  const output = execFileSync('wrk', [
    `-t${threads}`, `-c${connections}`, `-d${seconds}s`, '--timeout', '30s', ...wrkArgs, '-s', WRK_SCRIPT, url,
    ...(args.length ? ['--', ...args] : []),
  ], { encoding: 'utf8', maxBuffer: 16 << 20 });
  const line = output.split('\n').find((l) => l.startsWith('WRK_JSON '));
  if (!line) throw new Error(`wrk printed no result:\n${output}`);
  const result = JSON.parse(line.slice('WRK_JSON '.length));
  const ms = (us) => round(us / 1000, 2);
  const errors = Object.values(result.errors).reduce((a, b) => a + b, 0);
  const run = {
    connections,
    seconds: round(result.duration_us / 1e6, 2),
    requests: result.requests,
    errors,
    errors_by_kind: result.errors,
    requests_per_second: round(result.requests / (result.duration_us / 1e6)),
    p50_ms: ms(result.latency_us.p50),
    p90_ms: ms(result.latency_us.p90),
    p99_ms: ms(result.latency_us.p99),
    max_ms: ms(result.latency_us.max),
  };
  if (args.length) Object.assign(run, { sent: result.sent, new_keys: result.new_keys });
  return run;
}

/** nginx (Debian's) serving `dir`/html on `port`, with the same number of workers as cores here,
 * and the precompressed `.br` and `.gz` beside a file when the request accepts them; ready when
 * `probe` answers. */
export async function startNginx(dir, port, probe) {
  const conf = path.join(dir, 'nginx.conf');
  const temp = (name) => path.join(dir, 'temp', name);
  for (const name of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) fs.mkdirSync(temp(name), { recursive: true });
  fs.writeFileSync(conf, `load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;
worker_processes auto;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  default_type text/html;
  charset utf-8;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  gzip_static on;
  brotli_static on;
  client_body_temp_path ${temp('body')};
  proxy_temp_path ${temp('proxy')};
  fastcgi_temp_path ${temp('fastcgi')};
  uwsgi_temp_path ${temp('uwsgi')};
  scgi_temp_path ${temp('scgi')};
  server {
    listen 127.0.0.1:${port};
    root ${dir}/html;
    location / { try_files $uri =404; }
  }
}
`);
  const child = spawn('nginx', ['-c', conf, '-p', dir], { stdio: ['ignore', 'ignore', 'inherit'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}${probe}`)).ok) {
        return { stop: async () => { child.kill('SIGQUIT'); await exited; } };
      }
    } catch {
      // Not listening yet.
    }
    await sleep(50);
  }
  child.kill('SIGKILL');
  throw new Error('nginx did not start');
}

/**
 * A submission load through wrk; then the keys it sent are checked against the server: every
 * dossier stored once, and the few cut off in flight when wrk stopped are re-sent (as a
 * device's outbox would), after which dossiers stored must equal unique keys.
 */
export async function submissions(server, connections, seconds, repeatPercent = 0) {
  const dir = path.join(out, 'keys', `${connections}-${repeatPercent}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const template = path.join(dir, 'body.json');
  fs.writeFileSync(template, JSON.stringify(submission('@KEY@')));
  const before = await server.dossiers();
  const load = wrk({ url: server.url + '/api/dossiers/submit', connections, seconds, args: [template, dir, String(repeatPercent)] });
  const storedDuringLoad = (await server.dossiers()) - before;
  const keys = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.startsWith('keys-'))) {
    keys.push(...fs.readFileSync(path.join(dir, file), 'utf8').split('\n').filter(Boolean));
  }
  const unique = [...new Set(keys)];
  const held = await server.storedKeys(unique);
  const inFlight = unique.filter((key) => !held.has(key));
  for (const key of inFlight) await submit(server.url, key);
  const stored = (await server.dossiers()) - before;
  const heldAfter = await server.storedKeys(unique);
  return {
    ...load,
    repeat_percent: repeatPercent,
    repeated_requests: load.sent - load.new_keys,
    dossiers_stored_during_load: storedDuringLoad,
    dossiers_per_second: round(storedDuringLoad / load.seconds),
    unique_keys: unique.length,
    in_flight_at_stop_resent: inFlight.length,
    dossiers_stored: stored,
    keys_with_a_dossier: heldAfter.size,
    one_dossier_per_key: stored === unique.length && heldAfter.size === unique.length,
  };
}

/**
 * `store-baseline` on the database at `url` (`sqlite://…`: a new file in a scratch directory;
 * `postgres://…`: a new schema in the same database), from `clients` concurrent clients.
 */
export function baseline(url, clients, seconds) {
  const postgres = url.startsWith('postgres');
  const scratch = postgres ? `baseline_${clients}` : path.join(out, 'data', `baseline-${clients}`);
  if (!postgres) {
    fs.rmSync(scratch, { recursive: true, force: true });
    fs.mkdirSync(scratch, { recursive: true });
  }
  const output = execFileSync(path.join(root, 'target', 'baseline', 'release', 'store-baseline'),
    [url, scratch, String(clients), String(seconds)], { encoding: 'utf8' });
  const result = JSON.parse(output.trim().split('\n').pop());
  if (!postgres) fs.rmSync(scratch, { recursive: true, force: true });
  return result;
}

export async function throughput({ seconds = 10, port = 3310 } = {}) {
  const server = await new BenchServer('throughput', port).start();
  try {
    const submit = [];
    for (const clients of [50, 200]) {
      const ours = await submissions(server, clients, seconds);
      const limit = baseline(`sqlite://${server.database}`, clients, seconds);
      submit.push({
        clients,
        server: ours,
        baseline: limit,
        ratio: round(ours.dossiers_per_second / limit.dossiers_per_second, 3),
      });
    }
    const repeats = await submissions(server, 50, seconds, 10);
    return { submit, repeats };
  } finally {
    await server.stop();
  }
}

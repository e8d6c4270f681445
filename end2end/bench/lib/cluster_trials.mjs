// Fault trials of several servers on one PostgreSQL behind nginx ([`Cluster`]), each repeated N
// times, counting lost and duplicated dossiers (both must be 0):
// - one of the three servers killed (SIGKILL) at a random moment under the submission load, and
//   restarted: every dossier whose receipt reached a client is there; the devices without an
//   answer send again, as their outbox does: one dossier per key;
// - the same key sent to two servers at the same moment (past nginx): one dossier, one receipt;
// - PostgreSQL restarted under the load: every answer is a receipt or the plain retryable 503
//   (never another error), nothing receipted is lost, nothing stored twice once devices send
//   again;
// - a help-desk officer signed in through one server is signed in on every server.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { Cluster, root } from './cluster.mjs';
import { submission } from './dossier.mjs';
import { sleep } from './common.mjs';

const CLIENTS = 20;
const PASSWORD = 'mật khẩu thử nghiệm 2026';

/** Sends `key`'s dossier once: `{ code }` with a receipt, `{ status, error }` otherwise. */
async function send(base, key) {
  try {
    const response = await fetch(`${base}/api/dossiers/submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(submission(key)),
    });
    const text = await response.text();
    if (response.ok) return { code: JSON.parse(text).tracking_code };
    return { status: response.status, error: text.slice(0, 200) };
  } catch (error) {
    return { status: 0, error: String(error.cause?.code ?? error) };
  }
}

/**
 * `CLIENTS` devices sending new dossiers through nginx until `stop()` is called; the outcome of
 * every request.
 */
function load(base) {
  const attempted = new Set();
  const receipts = new Map();
  const errors = new Map();
  let running = true;
  const client = async () => {
    while (running) {
      const key = randomUUID();
      attempted.add(key);
      const answer = await send(base, key);
      if (answer.code) receipts.set(key, answer.code);
      else {
        const kind = `${answer.status}`;
        errors.set(kind, (errors.get(kind) ?? 0) + 1);
        if (answer.status !== 503) errors.set(`sample ${kind}`, answer.error);
      }
    }
  };
  const clients = Array.from({ length: CLIENTS }, client);
  return {
    attempted,
    receipts,
    errors,
    async stop() {
      running = false;
      await Promise.all(clients);
    },
  };
}

/**
 * After a fault: receipted dossiers lost, dossiers stored twice, after devices sent again
 * (`before`: dossiers stored before the run).
 */
async function account(cluster, run, before) {
  const keys = [...run.attempted];
  // Asked until the database answers again (just after a restart it is still starting).
  let held = null;
  for (let attempt = 0; !held; attempt++) {
    try {
      held = await cluster.storedKeys(keys);
    } catch (error) {
      if (attempt === 40) throw error;
      await sleep(500);
    }
  }
  const stored = (await cluster.dossiers()) - before;
  const lost = [...run.receipts.keys()].filter((key) => !held.has(key)).length;
  // The devices whose answer never came send again, as the outbox does, until they have one.
  let unanswered = 0;
  for (const key of keys) {
    if (run.receipts.has(key)) continue;
    let answer = await send(cluster.url, key);
    for (let attempt = 0; !answer.code && attempt < 20; attempt++) {
      await sleep(500);
      answer = await send(cluster.url, key);
    }
    if (!answer.code) unanswered += 1;
  }
  const afterRetries = (await cluster.dossiers()) - before;
  return {
    requests: keys.length,
    receipts: run.receipts.size,
    lost,
    duplicated: stored - held.size + Math.max(0, afterRetries - keys.length),
    unanswered_after_retries: unanswered,
    stored_after_retries: afterRetries,
  };
}

async function killTrial(cluster) {
  const before = await cluster.dossiers();
  const run = load(cluster.url);
  const killAfter = 1_000 + Math.floor(Math.random() * 2_000);
  const victim = Math.floor(Math.random() * cluster.ports.length);
  await sleep(killAfter);
  await cluster.stopServer(victim, 'SIGKILL');
  await sleep(1_000);
  await cluster.startServer(victim);
  await sleep(500);
  await run.stop();
  const result = await account(cluster, run, before);
  return { kill_after_ms: killAfter, killed: victim + 1, ...result, errors: Object.fromEntries(run.errors) };
}

async function sameKeyTrial(cluster, keys = 50) {
  const before = await cluster.dossiers();
  let differing = 0;
  let failed = 0;
  for (let i = 0; i < keys; i++) {
    const key = randomUUID();
    const answers = await Promise.all([send(cluster.serverUrl(0), key), send(cluster.serverUrl(1), key)]);
    if (answers.some((a) => !a.code)) failed += 1;
    else if (answers[0].code !== answers[1].code) differing += 1;
  }
  const stored = (await cluster.dossiers()) - before;
  return { keys, stored, duplicated: Math.max(0, stored - keys), lost: Math.max(0, keys - stored), differing_receipts: differing, failed };
}

async function postgresRestartTrial(cluster) {
  const before = await cluster.dossiers();
  const run = load(cluster.url);
  const restartAfter = 1_000 + Math.floor(Math.random() * 2_000);
  await sleep(restartAfter);
  const started = Date.now();
  await cluster.restartPostgres();
  const downMs = Date.now() - started;
  await sleep(1_500);
  await run.stop();
  const result = await account(cluster, run, before);
  const retryable = run.errors.get('503') ?? 0;
  const other = [...run.errors.entries()].filter(([k]) => !k.startsWith('sample') && k !== '503').reduce((s, [, n]) => s + n, 0);
  return {
    restart_after_ms: restartAfter,
    restart_ms: downMs,
    ...result,
    retryable_errors: retryable,
    other_errors: other,
    errors: Object.fromEntries(run.errors),
  };
}

async function deskTrial(cluster) {
  const username = `officer${Math.floor(Math.random() * 1e6)}`;
  execFileSync(path.join(root, 'target', 'release', 'server'), ['staff', 'add-officer', username, '70'], {
    input: `${PASSWORD}\n`,
    env: { ...process.env, MOTCUA_DATABASE_URL: cluster.databaseUrl, MOTCUA_LOG: 'error' },
    stdio: ['pipe', 'ignore', 'inherit'],
  });
  const call = async (base, endpoint, body, cookie) => {
    const response = await fetch(`${base}/api/desk/${endpoint}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    });
    return { response, json: await response.json().catch(() => null) };
  };
  const signedIn = await call(cluster.serverUrl(0), 'sign-in', { username, password: PASSWORD });
  const cookie = (signedIn.response.headers.get('set-cookie') ?? '').split(';')[0];
  const servers = [];
  for (let i = 0; i < cluster.ports.length; i++) {
    const me = await call(cluster.serverUrl(i), 'me', {}, cookie);
    const queue = await call(cluster.serverUrl(i), 'queue', { filter: {} }, cookie);
    servers.push({ server: i + 1, signed_in: me.json?.staff?.username === username, queue: queue.response.status });
  }
  return { signed_in_on: servers.filter((s) => s.signed_in && s.queue === 200).length, servers };
}

/** The cluster trials, `n` times each, on 3 servers. */
export async function clusterTrials(n, port = 3350) {
  const cluster = new Cluster({ name: 'trials', servers: 3, port, pgPort: 55434, log: 'error' });
  await cluster.start();
  try {
    const kill = [];
    const sameKey = [];
    const restart = [];
    for (let i = 0; i < n; i++) {
      kill.push(await killTrial(cluster));
      sameKey.push(await sameKeyTrial(cluster));
      restart.push(await postgresRestartTrial(cluster));
    }
    const desk = await deskTrial(cluster);
    // The service worker (its version names its caches) as each server serves it: one build,
    // one worker, whichever server a phone reaches.
    const workers = await Promise.all(cluster.ports.map((_, i) => fetch(`${cluster.serverUrl(i)}/sw.js`).then((r) => r.text())));
    const versions = workers.map((w) => (w.match(/const VERSION = "([^"]+)"/) ?? [])[1] ?? null);
    const sum = (runs, field) => runs.reduce((s, r) => s + (r[field] ?? 0), 0);
    return {
      trials: n,
      servers: cluster.ports.length,
      clients: CLIENTS,
      kill: { lost: sum(kill, 'lost'), duplicated: sum(kill, 'duplicated'), receipts: sum(kill, 'receipts'), unanswered: sum(kill, 'unanswered_after_retries'), runs: kill },
      same_key: { keys: sum(sameKey, 'keys'), lost: sum(sameKey, 'lost'), duplicated: sum(sameKey, 'duplicated'), differing_receipts: sum(sameKey, 'differing_receipts'), failed: sum(sameKey, 'failed'), runs: sameKey },
      postgres_restart: {
        lost: sum(restart, 'lost'),
        duplicated: sum(restart, 'duplicated'),
        receipts: sum(restart, 'receipts'),
        retryable_errors: sum(restart, 'retryable_errors'),
        other_errors: sum(restart, 'other_errors'),
        unanswered: sum(restart, 'unanswered_after_retries'),
        runs: restart,
      },
      desk,
      worker_versions: versions,
      workers_agree: versions[0] !== null && workers.every((w) => w === workers[0]),
    };
  } finally {
    await cluster.stop();
  }
}

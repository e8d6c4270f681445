// Fault trials, each repeated N times, counting lost and duplicated dossiers (both must be 0):
// - the server is killed (SIGKILL) during a submission load and restarted: every dossier whose
//   receipt reached a client is there, under the code the receipt gave;
// - in the browser (end2end/trials/, through Playwright): the network cut mid-upload and
//   restored, the page reloaded during the submission, and two tabs sending the same draft a
//   random moment apart: exactly one dossier each time.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BenchServer, out, root, sleep } from './common.mjs';
import { submission, submit } from './dossier.mjs';

const CLIENTS = 20;

/** Tracks `code` with the applicant's phone: true when the server knows that code. */
async function tracked(base, code) {
  const response = await fetch(`${base}/api/dossiers/track`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ code, phone_last4: submission().draft.form.applicant_phone.replace(/\D/g, '').slice(-4) }),
  });
  if (!response.ok) return false;
  return (await response.text()).includes(`"tracking_code":"${code}"`);
}

async function killTrial(index, port) {
  const server = new BenchServer(`kill-${index}`, port);
  await server.start();
  const attempted = new Set();
  const receipts = new Map();
  let killed = false;
  const client = async () => {
    while (!killed) {
      const key = randomUUID();
      attempted.add(key);
      const code = await submit(server.url, key);
      if (code) receipts.set(key, code);
    }
  };
  const clients = Array.from({ length: CLIENTS }, client);
  const killAfter = 1_000 + Math.floor(Math.random() * 2_000);
  await sleep(killAfter);
  await server.stop('SIGKILL');
  killed = true;
  await Promise.all(clients);

  await server.start();
  const keys = [...attempted];
  const held = await server.storedKeys(keys);
  const stored = await server.dossiers();
  const lost = [...receipts.keys()].filter((key) => !held.has(key));
  // The receipts' codes are the stored dossiers' codes (a sample: tracking costs a request each).
  const sample = [...receipts.values()].sort(() => Math.random() - 0.5).slice(0, 25);
  let codesFound = 0;
  for (const code of sample) if (await tracked(server.url, code)) codesFound += 1;
  // The devices whose answer never came send again, as the outbox does: one dossier per key.
  for (const key of keys) if (!receipts.has(key)) await submit(server.url, key);
  const afterRetry = await server.dossiers();
  await server.stop();
  return {
    kill_after_ms: killAfter,
    requests: attempted.size,
    receipts: receipts.size,
    stored_after_restart: stored,
    lost: lost.length,
    duplicated: stored - held.size,
    receipt_codes_checked: sample.length,
    receipt_codes_found: codesFound,
    stored_after_retries: afterRetry,
    unique_keys: attempted.size,
  };
}

export async function killTrials(n, port = 3320) {
  const runs = [];
  for (let i = 0; i < n; i++) runs.push(await killTrial(i, port));
  return {
    trials: n,
    clients: CLIENTS,
    lost: runs.reduce((s, r) => s + r.lost, 0),
    duplicated: runs.reduce((s, r) => s + r.duplicated + Math.max(0, r.stored_after_retries - r.unique_keys), 0),
    receipts: runs.reduce((s, r) => s + r.receipts, 0),
    wrong_codes: runs.reduce((s, r) => s + (r.receipt_codes_checked - r.receipt_codes_found), 0),
    runs,
  };
}

/** The Playwright trials, `n` times each; their lines of JSON, summed up per trial. */
export function browserTrials(n) {
  const results = path.join(out, 'trials.jsonl');
  fs.rmSync(results, { force: true });
  const run = spawnSync('npx', ['playwright', 'test', '-c', 'trials.config.ts', `--repeat-each=${n}`], {
    cwd: path.join(root, 'end2end'),
    stdio: 'inherit',
    env: { ...process.env, TRIALS_OUT: results },
  });
  const lines = fs.existsSync(results)
    ? fs.readFileSync(results, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l))
    : [];
  const byTrial = {};
  for (const line of lines) {
    const t = (byTrial[line.trial] ??= { trials: 0, lost: 0, duplicated: 0, runs: [] });
    t.trials += 1;
    if (line.stored === 0) t.lost += 1;
    if (line.stored > 1) t.duplicated += line.stored - 1;
    t.runs.push(line);
  }
  return { repeat_each: n, passed: run.status === 0, trials: byTrial };
}

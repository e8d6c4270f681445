// What every part of `make bench` and `make trials` shares: where things are, a server of the
// bench's own (started, killed, restarted on the same database), Chromium, percentiles.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { storedKeys } from './dossier.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const out = path.join(root, 'target', 'bench');
export const serverBinary = path.join(root, 'target', 'release', 'server');

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run',
];

export function launchChromium() {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The value below which `q` (0..1) of `values` fall (nearest rank); null for none. */
export function percentile(values, q) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export const round = (value, digits = 1) => (value == null ? null : Number(value.toFixed(digits)));

/**
 * The release server on `port` with a database and blob store in `dataDir` (kept across
 * restarts, so a killed server comes back to what it had written).
 */
export class BenchServer {
  /** `env`: more of the server's settings (MOTCUA_…), over the ones below. */
  constructor(name, port, env = {}) {
    this.port = port;
    this.env = env;
    this.url = `http://127.0.0.1:${port}`;
    this.dataDir = path.join(out, 'data', name);
    fs.rmSync(this.dataDir, { recursive: true, force: true });
    fs.mkdirSync(this.dataDir, { recursive: true });
    this.child = null;
  }

  get database() {
    return path.join(this.dataDir, 'motcua.sqlite3');
  }

  async start() {
    this.child = spawn(serverBinary, [], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        MOTCUA_LISTEN: `127.0.0.1:${this.port}`,
        MOTCUA_DATA_DIR: this.dataDir,
        // Plain HTTP on this machine.
        MOTCUA_SECURE_COOKIES: 'false',
        // One address here stands for many residents: no limit per address on sending.
        MOTCUA_SUBMISSIONS_PER_MINUTE: '100000000',
        MOTCUA_UPLOADS_PER_MINUTE: '100000000',
        MOTCUA_SITE_ROOT: path.join(root, 'target', 'site'),
        MOTCUA_LOG: 'error',
        ...this.env,
      },
    });
    this.exited = new Promise((resolve) => this.child.once('exit', resolve));
    for (let i = 0; i < 200; i++) {
      try {
        if ((await fetch(`${this.url}/healthz`)).ok) return this;
      } catch {
        // Not listening yet.
      }
      await sleep(50);
    }
    throw new Error(`the server on ${this.url} did not start`);
  }

  /** Stops the server: SIGTERM lets it finish, SIGKILL is a power cut for the process. */
  async stop(signal = 'SIGTERM') {
    if (!this.child || this.child.exitCode !== null || this.child.signalCode) return;
    this.child.kill(signal);
    await this.exited;
    this.child = null;
  }

  /** Resident memory of the server process, in KiB (Linux). */
  rssKib() {
    const status = fs.readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    return Number(status.match(/VmRSS:\s+(\d+)/)[1]);
  }

  async dossiers() {
    return (await (await fetch(`${this.url}/healthz`)).json()).database.dossiers;
  }

  /** Which of `keys` the server holds a dossier for. */
  storedKeys(keys) {
    return storedKeys(this.url, keys);
  }
}

/** The first line a command prints about its version (some print it on stderr), or null. */
export function version(command, args = ['--version']) {
  const run = spawnSync(command, args, { encoding: 'utf8' });
  if (run.error) return null;
  return `${run.stdout}\n${run.stderr}`.split('\n').map((l) => l.trim()).find(Boolean) ?? null;
}

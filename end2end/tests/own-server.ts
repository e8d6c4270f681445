import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TestInfo } from '@playwright/test';

// A server of its own for a test that stops it (the network is really gone) or deploys a new
// build: a copy of the built site and a scratch database, on a port no other test uses.

const root = path.resolve(__dirname, '..', '..');

export class OwnServer {
  readonly url: string;
  private process: ChildProcess | null = null;
  readonly siteRoot: string;
  private readonly dataDir: string;
  private readonly port: number;

  constructor(info: TestInfo, offset = 0) {
    // Ports 3200+ (E2E_OWN_PORTS+, to run a second suite beside one): the shared suite server is
    // on 3100 (E2E_PORT); each parallel worker gets its own range.
    this.port = Number(process.env.E2E_OWN_PORTS ?? 3200) + info.parallelIndex * 20 + offset;
    this.url = `http://127.0.0.1:${this.port}`;
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-e2e-'));
    this.siteRoot = path.join(scratch, 'site');
    this.dataDir = path.join(scratch, 'data');
    fs.cpSync(path.join(root, 'target', 'site'), this.siteRoot, { recursive: true });
    fs.mkdirSync(this.dataDir);
  }

  async start() {
    this.process = spawn(path.join(root, 'target', 'release', 'server'), [], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: {
        ...process.env,
        MOTCUA_LISTEN: `127.0.0.1:${this.port}`,
        MOTCUA_DATA_DIR: this.dataDir,
        // Plain HTTP on this machine.
        MOTCUA_SECURE_COOKIES: 'false',
        MOTCUA_SITE_ROOT: this.siteRoot,
        MOTCUA_LOG: 'warn',
      },
    });
    for (let i = 0; i < 100; i++) {
      try {
        const response = await fetch(`${this.url}/healthz`);
        if (response.ok) return;
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`the server on ${this.url} did not start`);
  }

  async stop() {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    this.process = null;
  }

  /** What the server's `/healthz` says (its counts). */
  async health(): Promise<{ database: { dossiers: number }; browser_failures: number }> {
    return (await fetch(`${this.url}/healthz`)).json();
  }

  /** How many dossiers the server stores. */
  async dossiers(): Promise<number> {
    return (await this.health()).database.dossiers;
  }

  /** A new build deployed: a changed file of the app shell (the worker's version follows). */
  deployNewBuild() {
    const icon = path.join(this.siteRoot, 'favicon.svg');
    fs.appendFileSync(icon, `\n<!-- build ${Date.now()} -->\n`);
    for (const compressed of [`${icon}.br`, `${icon}.gz`]) fs.rmSync(compressed, { force: true });
  }
}

/**
 * Runs `body` against a server of its own (its database counts only this test's doings), giving
 * the test `budgetMs` in all; the server is stopped afterwards, whatever happened.
 */
export async function onOwnServer(info: TestInfo, budgetMs: number, body: (server: OwnServer) => Promise<void>) {
  info.setTimeout(budgetMs);
  const server = new OwnServer(info);
  await server.start();
  try {
    await body(server);
  } finally {
    await server.stop();
  }
}

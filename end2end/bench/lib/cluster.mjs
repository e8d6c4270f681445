// Several stateless servers on one PostgreSQL, behind nginx: `make cluster` (detached, until
// `make cluster-stop`), and the cluster trials and benchmarks (as children of the run).
//
// - PostgreSQL: a throw-away cluster (server/scripts/postgres.sh) with PostgreSQL's durability
//   defaults (fsync, synchronous_commit on), database `motcua`;
// - N servers (target/release/server) on 127.0.0.1, ports port+1 … port+N, each with
//   MOTCUA_DATABASE_URL on that database and the client's address from nginx's header;
// - nginx on 127.0.0.1:port, balancing them (least connections). A request a server cannot take
//   (refused, reset, timed out: a server down) is sent to the next one, POSTs included: every
//   server function a device may send again is idempotent by its key, so a dossier sent twice
//   is still stored once. A 503 is passed on as it is: it says the database is unavailable,
//   which every server would say; the device sends again later.
//
// Only node's own modules: `make cluster` needs no npm packages.
import { execFile, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { storedKeys } from './dossier.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const serverBinary = path.join(root, 'target', 'release', 'server');
const postgresScript = path.join(root, 'server', 'scripts', 'postgres.sh');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The nginx configuration balancing `ports` from 127.0.0.1:`port`, its files under `dir`. */
function nginxConfig(dir, port, ports) {
  // Its workers write large request bodies (attachments) under `dir`: as the user who owns it.
  const user = process.getuid?.() === 0 ? 'user root;\n' : '';
  return `${user}worker_processes 2;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log warn;
events { worker_connections 2048; }
http {
  access_log off;
  client_body_temp_path ${dir}/nginx-body;
  proxy_temp_path ${dir}/nginx-proxy;
  fastcgi_temp_path ${dir}/nginx-fastcgi;
  uwsgi_temp_path ${dir}/nginx-uwsgi;
  scgi_temp_path ${dir}/nginx-scgi;
  # An attachment (8 MB at most) in its multipart envelope.
  client_max_body_size 10m;
  upstream motcua {
    least_conn;
${ports.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=2s;`).join('\n')}
    keepalive 64;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://motcua;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_next_upstream error timeout non_idempotent;
      proxy_next_upstream_tries ${ports.length};
      proxy_connect_timeout 2s;
      proxy_read_timeout 60s;
    }
  }
}
`;
}

export class Cluster {
  /**
   * `servers` servers behind nginx on 127.0.0.1:`port`, PostgreSQL on `pgPort`; everything
   * under target/cluster/`name` (removed first unless `keep`).
   */
  constructor({ name = 'cluster', servers = 3, port = 3200, pgPort = 55433, keep = false, log = 'warn' } = {}) {
    this.dir = path.join(root, 'target', 'cluster', name);
    this.port = port;
    this.pgPort = pgPort;
    this.url = `http://127.0.0.1:${port}`;
    this.ports = Array.from({ length: servers }, (_, i) => port + 1 + i);
    this.children = new Map();
    this.log = log;
    if (!keep) {
      this.stopPostgres();
      fs.rmSync(this.dir, { recursive: true, force: true });
    }
    fs.mkdirSync(this.dir, { recursive: true });
  }

  get pgDir() {
    return path.join(this.dir, 'postgres');
  }

  /** The address of server `i`. */
  serverUrl(i) {
    return `http://127.0.0.1:${this.ports[i]}`;
  }

  /** Starts PostgreSQL (creating the database once); its URL. */
  startPostgres() {
    const server = execFileSync(postgresScript, ['start', this.pgDir, String(this.pgPort)], { encoding: 'utf8' }).trim();
    const exists = execFileSync('psql', [server, '-tAc', "SELECT 1 FROM pg_database WHERE datname = 'motcua'"], { encoding: 'utf8' }).trim();
    if (exists !== '1') execFileSync('psql', [server, '-qc', 'CREATE DATABASE motcua']);
    this.databaseUrl = server.replace(/\/postgres$/, '/motcua');
    return this.databaseUrl;
  }

  stopPostgres() {
    execFileSync(postgresScript, ['stop', path.join(this.dir, 'postgres')]);
  }

  /**
   * Restarts PostgreSQL as an operator would (fast shutdown: open transactions roll back),
   * without blocking this process: its clients keep sending meanwhile.
   */
  async restartPostgres() {
    const run = (args) => new Promise((resolve, reject) => {
      execFile(postgresScript, args, (error) => (error ? reject(error) : resolve()));
    });
    await run(['stop', this.pgDir]);
    await run(['start', this.pgDir, String(this.pgPort)]);
  }

  /** Starts server `i`: a child of this process, or on its own when `detached`. */
  async startServer(i, { detached = false } = {}) {
    const logFile = fs.openSync(path.join(this.dir, `server-${i + 1}.log`), 'a');
    const child = spawn(serverBinary, [], {
      cwd: root,
      detached,
      stdio: ['ignore', logFile, logFile],
      env: {
        ...process.env,
        MOTCUA_LISTEN: `127.0.0.1:${this.ports[i]}`,
        MOTCUA_DATABASE_URL: this.databaseUrl,
        MOTCUA_DATA_DIR: path.join(this.dir, `server-${i + 1}`),
        MOTCUA_SITE_ROOT: path.join(root, 'target', 'site'),
        // Behind nginx, which sets the header (the servers listen on 127.0.0.1 only).
        MOTCUA_CLIENT_IP_SOURCE: 'RightmostXForwardedFor',
        // Plain HTTP on this machine.
        MOTCUA_SECURE_COOKIES: 'false',
        // One address here stands for many residents: no limit per address on sending.
        MOTCUA_SUBMISSIONS_PER_MINUTE: process.env.MOTCUA_SUBMISSIONS_PER_MINUTE ?? '100000000',
        MOTCUA_UPLOADS_PER_MINUTE: process.env.MOTCUA_UPLOADS_PER_MINUTE ?? '100000000',
        MOTCUA_LOG: this.log,
      },
    });
    fs.closeSync(logFile);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    this.children.set(i, { child, exited });
    if (detached) child.unref();
    for (let attempt = 0; attempt < 300; attempt++) {
      try {
        if ((await fetch(`${this.serverUrl(i)}/healthz`)).ok) return child.pid;
      } catch {
        // Not listening yet.
      }
      if (child.exitCode !== null) break;
      await sleep(50);
    }
    throw new Error(`server ${i + 1} did not start (see ${path.join(this.dir, `server-${i + 1}.log`)})`);
  }

  /** Stops server `i`: SIGTERM lets it finish, SIGKILL is a power cut for the process. */
  async stopServer(i, signal = 'SIGTERM') {
    const running = this.children.get(i);
    if (!running || running.child.exitCode !== null || running.child.signalCode) return;
    running.child.kill(signal);
    await running.exited;
    this.children.delete(i);
  }

  /** Starts nginx in front of the servers. */
  async startNginx({ detached = false } = {}) {
    const config = path.join(this.dir, 'nginx.conf');
    fs.writeFileSync(config, nginxConfig(this.dir, this.port, this.ports));
    const args = ['-e', path.join(this.dir, 'nginx-error.log'), '-p', this.dir, '-c', config];
    this.nginx = spawn('nginx', detached ? args : [...args, '-g', 'daemon off;'], { stdio: 'inherit' });
    if (detached) await new Promise((resolve) => this.nginx.once('exit', resolve));
    for (let attempt = 0; attempt < 100; attempt++) {
      try {
        if ((await fetch(`${this.url}/healthz`)).ok) return;
      } catch {
        // Not listening yet.
      }
      await sleep(50);
    }
    throw new Error(`nginx did not start on ${this.url}`);
  }

  /** Everything, as children of this process (or on their own when `detached`). */
  async start({ detached = false } = {}) {
    this.startPostgres();
    // At once, as servers started together by an orchestrator: migrations apply once.
    const pids = await Promise.all(this.ports.map((_, i) => this.startServer(i, { detached })));
    await this.startNginx({ detached });
    if (detached) fs.writeFileSync(path.join(this.dir, 'servers.pid'), pids.join('\n') + '\n');
    return this;
  }

  /** Stops what `start` started in this process. */
  async stop() {
    if (this.nginx && this.nginx.exitCode === null) {
      this.nginx.kill('SIGTERM');
      await new Promise((resolve) => this.nginx.once('exit', resolve));
    }
    for (const i of [...this.children.keys()]) await this.stopServer(i);
    this.stopPostgres();
  }

  /** Stops a cluster started detached (by `make cluster`), from its files. */
  stopDetached() {
    const nginxPid = path.join(this.dir, 'nginx.pid');
    if (fs.existsSync(nginxPid)) {
      try {
        process.kill(Number(fs.readFileSync(nginxPid, 'utf8')), 'SIGTERM');
      } catch {
        // Already stopped.
      }
    }
    const servers = path.join(this.dir, 'servers.pid');
    if (fs.existsSync(servers)) {
      for (const pid of fs.readFileSync(servers, 'utf8').split('\n').filter(Boolean)) {
        try {
          process.kill(Number(pid), 'SIGTERM');
        } catch {
          // Already stopped.
        }
      }
      fs.rmSync(servers);
    }
    this.stopPostgres();
  }

  /** Which of `keys` the cluster holds a dossier for. */
  storedKeys(keys, base = this.url) {
    return storedKeys(base, keys);
  }

  /** Dossiers stored, counted by the database (any server's `/healthz`). */
  async dossiers(base = this.url) {
    return (await (await fetch(`${base}/healthz`)).json()).database.dossiers;
  }
}

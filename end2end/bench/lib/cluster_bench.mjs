// Submissions per second on PostgreSQL with 1, 2 and 3 servers behind nginx (the same wrk load as
// the SQLite numbers, through the real server function), against `store-baseline` writing the
// same rows into the same PostgreSQL with the same durability (synchronous_commit = on), in the
// same run. Every server, nginx, PostgreSQL and wrk share this machine's cores.
import { Cluster } from './cluster.mjs';
import { round } from './common.mjs';
import { baseline, submissions } from './throughput.mjs';

export async function clusterThroughput({ seconds = 10, clients = 50, port = 3360 } = {}) {
  const runs = [];
  let limit = null;
  for (const servers of [1, 2, 3]) {
    const cluster = new Cluster({ name: `bench-${servers}`, servers, port, pgPort: 55435, log: 'error' });
    await cluster.start();
    try {
      const ours = await submissions(cluster, clients, seconds);
      runs.push({ servers, ...ours });
      if (servers === 3) limit = baseline(cluster.databaseUrl, clients, seconds);
    } finally {
      await cluster.stop();
    }
  }
  for (const run of runs) run.ratio = round(run.dossiers_per_second / limit.dossiers_per_second, 3);
  return { clients, runs, baseline: limit };
}

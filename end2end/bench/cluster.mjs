// `make cluster` / `make cluster-stop`: node bench/cluster.mjs start|stop
// Starts PostgreSQL, SERVERS servers (default 3) and nginx balancing them on
// 127.0.0.1:CLUSTER_PORT (default 3200), each on its own (they keep running after this script
// ends), or stops them. Files and logs: target/cluster/cluster/.
import { Cluster } from './lib/cluster.mjs';

const command = process.argv[2];
const servers = Number(process.env.SERVERS || 3);
const port = Number(process.env.CLUSTER_PORT || 3200);
const pgPort = Number(process.env.CLUSTER_PG_PORT || 55433);

if (command === 'start') {
  new Cluster({ port, pgPort, keep: true }).stopDetached();
  const cluster = new Cluster({ servers, port, pgPort, log: 'info' });
  await cluster.start({ detached: true });
  console.log(`PostgreSQL: ${cluster.databaseUrl}`);
  cluster.ports.forEach((p, i) => console.log(`server ${i + 1}: ${cluster.serverUrl(i)} (log: ${cluster.dir}/server-${i + 1}.log)`));
  console.log(`\nMột Cửa on ${servers} servers: ${cluster.url}  (make cluster-stop ends them)`);
} else if (command === 'stop') {
  new Cluster({ port, pgPort, keep: true }).stopDetached();
  console.log('cluster stopped');
} else {
  console.error('usage: node bench/cluster.mjs start|stop');
  process.exit(2);
}

// Runs the core's conformance suite, unchanged, against a 3-node cluster:
// three `natter serve` processes on one PostgreSQL database and one Redis,
// each client of a test connected to a different node (round robin), so
// every message, receipt, recall, group change and invitation crosses nodes.
// `advance` moves all three clocks; restart is kill -9 of every node and a
// new process on each port, all at once. Nodes are spares started ahead and
// given back when a test's cluster stops (most of a node's start is Node and
// tsx loading the modules, seconds on a loaded machine; the server's own
// start is short), on a copy of a database migrated once.
import { afterAll } from 'vitest';
import WebSocket from 'ws';
import { createWebSocketTransport } from '../../../src/client/websocket-transport';
import { createToken } from '../../../src/node/token';
import { runConformanceSuite } from '../../conformance/conformance';
import type { Harness, HarnessConfig, HarnessFactory } from '../../conformance/harness';
import { SECRET } from '../support/secret';
import { Cluster, spareClusterNodes } from './support/cluster';
import { startPostgres, startRedis, type Postgres, type Redis } from './support/services';

let services: Promise<{ postgres: Postgres; redis: Redis }> | null = null;
const started = (): Promise<{ postgres: Postgres; redis: Redis }> =>
  (services ??= Promise.all([startPostgres(), startRedis()]).then(([postgres, redis]) => ({ postgres, redis })));
// Three for a test's cluster and three warm ones for a restart (kill -9 of all three, started again at once).
const spares = spareClusterNodes(6);

afterAll(async () => {
  await spares.close();
  if (!services) return;
  const { postgres, redis } = await services;
  await Promise.all([postgres.stop(), redis.stop()]);
}, 60_000);

const pause = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

const clusterHost: HarnessFactory = Object.assign(
  async (config: HarnessConfig): Promise<Harness> => {
    const { postgres, redis } = await started();
    const cluster = await Cluster.start(postgres, redis, 3, {
      recallEnabled: config.recallEnabled ?? true,
      spares,
      migrated: true,
    });
    let next = 0;
    return {
      name: 'natter serve, 3 nodes (PostgreSQL + Redis)',
      recallWindowMs: 120_000,
      transport: () => createWebSocketTransport({ url: cluster.url(next++), WebSocket }),
      credentials: (user) => ({ token: createToken(user, { secret: SECRET }) }),
      async advance(ms) {
        await pause(50);
        await cluster.advance(ms);
        await pause(50);
      },
      async restart() {
        const all = cluster.nodes.map((_, i) => i);
        await Promise.all(all.map((i) => cluster.kill(i)));
        await Promise.all(all.map((i) => cluster.revive(i)));
      },
      close: () => cluster.stop(),
    };
  },
  { canRestart: true },
);

runConformanceSuite(clusterHost);

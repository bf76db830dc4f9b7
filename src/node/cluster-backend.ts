// Owns choosing what a natter node stores in and delivers through: a SQLite
// file (the default; one node), or PostgreSQL (`--db postgres://…`), with
// Redis (`--redis redis://…`) carrying events between nodes. Answers the
// health check (the database and Redis both reachable) and closes both.
// With Redis, rate limits are per user across nodes (redis-rate-limit.ts);
// on PostgreSQL the core's clock is the database's (pg-clock.ts). The
// PostgreSQL and Redis parts (and their drivers) are loaded only when asked
// for: a SQLite node never pays for them at start-up.
import { randomBytes } from 'node:crypto';
import type { ServerCoreOptions } from '../server/server-options';
import type { Clock } from '../server/clock';
import type { RateLimitStore } from '../server/rate-limiter';
import type { SessionRegistry } from '../server/sessions';
import { within } from '../server/within';
import type { PgStorage } from './pg-storage';
import { checkNodeLeaseMs } from './redis-node-lease';
import { SqliteStorage } from './sqlite-storage';

export interface BackendOptions {
  /** A SQLite file path, or postgres://user:pass@host:port/db. */
  db: string;
  /** redis://host:port — needs a PostgreSQL `db`. */
  redis?: string;
  synchronous: 'NORMAL' | 'FULL';
  /** How long a node's lease in Redis lasts without a refresh (ms; default 15 s). */
  nodeLeaseMs?: number;
  onError: (e: unknown) => void;
}

export interface Backend {
  storage: SqliteStorage | PgStorage;
  /** Set when events cross nodes through Redis. */
  cluster?: NonNullable<ServerCoreOptions['cluster']>;
  nodeId: string;
  /** The database's time (PostgreSQL): every node's timestamps and windows agree. */
  clock?: Clock;
  /** Set when rate-limit buckets are shared by the nodes (Redis). */
  rateLimitStore?: RateLimitStore;
  /** Resolves when the database (and Redis) answer; rejects otherwise. */
  check(): Promise<void>;
  close(): Promise<void>;
}

export function isPostgresUrl(db: string): boolean {
  return /^postgres(ql)?:\/\//i.test(db);
}

export async function openBackend(options: BackendOptions): Promise<Backend> {
  const nodeId = `node-${randomBytes(6).toString('hex')}`;
  // Checked before anything opens: a wrong setting stops the start with nothing to close.
  if (options.nodeLeaseMs !== undefined) {
    if (!options.redis) throw new Error('--node-lease needs --redis: the node leases are kept there');
    checkNodeLeaseMs(options.nodeLeaseMs);
  }
  if (!isPostgresUrl(options.db)) {
    if (options.redis) throw new Error('--redis needs a shared database: --db postgres://… (SQLite serves one node)');
    const storage = new SqliteStorage({ path: options.db, synchronous: options.synchronous });
    return { storage, nodeId, check: () => Promise.resolve(), close: () => Promise.resolve(storage.close()) };
  }
  // Loaded before anything opens: a driver that fails to load stops the start with nothing to close.
  const [{ openPgStorage }, { createPgClock }, redis] = await Promise.all([
    import('./pg-storage'),
    import('./pg-clock'),
    options.redis ? import('./redis-delivery') : null,
  ]);
  const storage = await openPgStorage({ url: options.db });
  const clock = await createPgClock(() => storage.databaseTime(), { onError: options.onError });
  if (!options.redis || !redis) {
    const close = async (): Promise<void> => {
      clock.stop();
      await storage.close();
    };
    return { storage, nodeId, clock, check: () => storage.ping(), close };
  }
  const delivery = new redis.RedisDelivery({
    url: options.redis,
    nodeId,
    onError: options.onError,
    ...(options.nodeLeaseMs !== undefined ? { nodeLeaseMs: options.nodeLeaseMs } : {}),
  });
  return {
    storage,
    nodeId,
    cluster: { delivery: (local: SessionRegistry) => delivery.attach(local), nodeId },
    rateLimitStore: delivery.rateLimits,
    clock,
    check: async () => {
      await Promise.all([
        storage.ping(),
        within(delivery.ping(), 2000, () => {
          throw new Error('timed out');
        }),
      ]);
    },
    close: async () => {
      clock.stop();
      await delivery.close();
      await storage.close();
    },
  };
}

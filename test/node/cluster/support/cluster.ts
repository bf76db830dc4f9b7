// A cluster of natter nodes for tests: N child processes (cluster-node.ts)
// on one PostgreSQL database and one Redis, sharing a files directory, each
// on its own 127.0.0.1 port. Nodes can be killed (-9), stopped (SIGTERM) and
// started again; their clocks move together.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { migratePg } from '../../../../src/node/pg-migrations';
import { launchChildNode, SpareChildNodes, type ChildNode } from '../../support/child-node';
import type { NodeFault } from './node-faults';
import type { Postgres, Redis } from './services';

const ROOT = resolve(import.meta.dirname, '../../../..');
const ENTRY = join(ROOT, 'test/node/cluster/support/cluster-node.ts');

export type ClusterNode = ChildNode;

/** `size` cluster nodes started ahead (a restart then waits for the server's start only). */
export function spareClusterNodes(size: number): SpareChildNodes {
  return new SpareChildNodes(ENTRY, 'cluster node', size);
}

export interface ClusterOptions {
  recallWindowMs?: number;
  recallEnabled?: boolean;
  /** Per-user request rate (default: none). */
  rateLimit?: { perSecond: number; burst: number };
  /** How long a node's lease lasts unrefreshed (ms; default: the server's, 15 s). */
  nodeLeaseMs?: number;
  /**
   * Where nodes come from: children started ahead, given back when the cluster stops; default:
   * fresh ones, ended when it stops.
   */
  spares?: SpareChildNodes;
  /** Start from a copy of an already migrated database (a suite starting a cluster per test). */
  migrated?: boolean;
  /** A fault armed in node `node`, set off by its recording `user` offline everywhere (node-faults.ts). */
  fault?: { node: number; fault: NodeFault; user: string };
}

let databases = 0;
/** Per PostgreSQL server: a database with natter's schema that others are copied from. */
const templates = new WeakMap<Postgres, Promise<string>>();

const urlOf = (postgres: Postgres, name: string): string => postgres.url.replace(/\/postgres$/, `/${name}`);

async function asAdmin<T>(postgres: Postgres, run: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: postgres.url });
  await admin.connect();
  try {
    return await run(admin);
  } finally {
    await admin.end();
  }
}

/** A database with natter's migrations applied, made once per server (copying it skips them). */
function migratedTemplate(postgres: Postgres): Promise<string> {
  let made = templates.get(postgres);
  if (!made) {
    const name = `natter_t${process.pid}`;
    made = asAdmin(postgres, (admin) => admin.query(`CREATE DATABASE ${name}`)).then(async () => {
      const db = new pg.Client({ connectionString: urlOf(postgres, name) });
      await db.connect();
      try {
        await migratePg(db);
      } finally {
        await db.end();
      }
      return name;
    });
    templates.set(postgres, made);
  }
  return made;
}

/**
 * A fresh database on `postgres` for one cluster: empty (the nodes migrate it), or with `migrated`
 * a copy of one already migrated (for suites that start a cluster per test).
 */
export async function freshDatabase(postgres: Postgres, migrated = false): Promise<string> {
  const name = `natter_c${process.pid}_${++databases}`;
  const template = migrated ? ` TEMPLATE ${await migratedTemplate(postgres)}` : '';
  await asAdmin(postgres, (admin) => admin.query(`CREATE DATABASE ${name}${template}`));
  return urlOf(postgres, name);
}

export class Cluster {
  readonly nodes: ClusterNode[] = [];
  offset = 0;
  private readonly files = mkdtempSync(join(tmpdir(), 'natter-cluster-files-'));

  private constructor(
    readonly db: string,
    readonly redis: Redis,
    private readonly options: ClusterOptions,
  ) {}

  static async start(postgres: Postgres, redis: Redis, size: number, options: ClusterOptions = {}): Promise<Cluster> {
    const cluster = new Cluster(await freshDatabase(postgres, options.migrated), redis, options);
    // Started at the same moment: the migration runs once (advisory lock), the others wait for it.
    const nodes = await Promise.all(Array.from({ length: size }, (_, i) => cluster.launch(0, i, options.spares)));
    cluster.nodes.push(...nodes);
    return cluster;
  }

  url(i: number): string {
    return `ws://127.0.0.1:${this.nodes[i % this.nodes.length]!.port}/ws`;
  }

  /** Starts a node on `port` (0: a free one) as node `index`, from a spare when given. */
  async launch(port: number, index: number, spare?: SpareChildNodes): Promise<ClusterNode> {
    const fault = this.options.fault;
    const args = [
      this.db,
      this.redis.url,
      this.files,
      String(port),
      String(this.options.recallWindowMs ?? 120_000),
      String(this.options.recallEnabled ?? true),
      String(this.offset),
      JSON.stringify(this.options.rateLimit ?? false),
      String(this.options.nodeLeaseMs ?? ''),
      fault?.node === index ? `${fault.fault} ${fault.user}` : '',
    ];
    return spare ? spare.launch(args) : launchChildNode(ENTRY, args, 'cluster node');
  }

  /** Node i's health check: its status and JSON (which names the node). */
  async health(i: number): Promise<{ status: number; node: string }> {
    const res = await fetch(`http://127.0.0.1:${this.nodes[i]!.port}/healthz`);
    const body = (await res.json()) as { node: string };
    return { status: res.status, node: body.node };
  }

  /** Moves every running node's clock forward (due timers fire). */
  async advance(ms: number): Promise<void> {
    this.offset += ms;
    await Promise.all(
      this.nodes
        .filter((n) => n.proc.exitCode === null && n.proc.signalCode === null)
        .map((n) => n.ask({ advance: ms })),
    );
  }

  /** kill -9 node i. */
  async kill(i: number): Promise<void> {
    const node = this.nodes[i]!;
    node.proc.kill('SIGKILL');
    await node.exited;
  }

  /** Starts node i again on its port. */
  async revive(i: number): Promise<void> {
    this.nodes[i] = await this.launch(this.nodes[i]!.port, i, this.options.spares);
  }

  async stop(): Promise<void> {
    const { spares, fault } = this.options;
    await Promise.all(
      this.nodes.map(async (n) => {
        // A node from the spares serves the next cluster (not one with a fault armed in its modules).
        if (spares && !fault) return spares.giveBack(n);
        if (n.proc.exitCode !== null || n.proc.signalCode !== null) return;
        await Promise.race([
          n.ask({ stop: true }).catch(() => undefined),
          n.exited,
          new Promise((r) => setTimeout(r, 5000)),
        ]);
        if (n.proc.exitCode === null) n.proc.kill('SIGKILL');
        await n.exited;
      }),
    );
    rmSync(this.files, { recursive: true, force: true });
  }
}

// Owns starting the servers the cluster fan-out bench measures: the
// baselines of the fan-out bench (bare `ws`, one SQLite node), N natter
// nodes on one PostgreSQL database and Redis (cluster-bench-node.ts), each a
// child process that prints `PORT n` and stops when its stdin ends, and
// finding the processes of PostgreSQL and Redis (for their CPU time).
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshDatabase } from '../../test/node/cluster/support/cluster';
import type { Postgres } from '../../test/node/cluster/support/services';
import { packedServerEntryUrl } from '../support/packed-package';
import { findProcesses, parentOf } from './process-cpu';

const FANOUT = join(import.meta.dirname, '../fanout');

export type Baseline = 'ws' | 'sqlite';

/** What a case runs against: natter nodes (token or dev hello), or the bare ws server. */
export interface Target {
  url(i: number): string;
  pids: Array<number | undefined>;
  kind: 'natter-dev' | 'ws';
  /** PostgreSQL's postmaster and Redis, for a cluster. */
  services?: { postgres: number; redis: number };
}
interface Child {
  port: number;
  pid: number | undefined;
  stop(): Promise<void>;
}

/** A server child process that prints `PORT n` and stops when its stdin ends. */
async function startChild(args: string[]): Promise<Child> {
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    let buf = '';
    child.stdout!.on('data', (d: Buffer) => {
      buf += String(d);
      const m = /PORT (\d+)/.exec(buf);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
  });
  return {
    port,
    pid: child.pid,
    stop: () =>
      new Promise<void>((resolve) => {
        child.removeAllListeners('exit');
        child.once('exit', () => resolve());
        child.stdin!.end();
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}

/** A baseline server (bench/fanout's children). */
export async function startBaseline(kind: Baseline): Promise<{ target: Target; stop(): Promise<void> }> {
  const args =
    kind === 'ws'
      ? [join(FANOUT, 'ws-server.mjs')]
      : ['--import', 'tsx', join(FANOUT, 'natter-server.ts'), 'NORMAL', packedServerEntryUrl()];
  const child = await startChild(args);
  const url = kind === 'ws' ? `ws://127.0.0.1:${child.port}` : `ws://127.0.0.1:${child.port}/ws`;
  return { target: { url: () => url, pids: [child.pid], kind: kind === 'ws' ? 'ws' : 'natter-dev' }, stop: child.stop };
}

/** `size` nodes on a fresh database, started at once (the migration runs once, the others wait for it). */
export async function startCluster(
  size: number,
  postgres: Postgres,
  redisUrl: string,
  services: { postgres: number; redis: number },
): Promise<{ target: Target; stop(): Promise<void> }> {
  const db = await freshDatabase(postgres);
  const entry = join(import.meta.dirname, 'cluster-bench-node.ts');
  const nodes = await Promise.all(
    Array.from({ length: size }, () => startChild(['--import', 'tsx', entry, db, redisUrl, packedServerEntryUrl()])),
  );
  return {
    target: {
      url: (i) => `ws://127.0.0.1:${nodes[i % size]!.port}/ws`,
      pids: nodes.map((n) => n.pid),
      kind: 'natter-dev',
      services,
    },
    stop: async () => void (await Promise.all(nodes.map((n) => n.stop()))),
  };
}

/** The server process (the root of its tree) whose command line starts with `program` and has `text`. */
export function serviceProcess(program: RegExp, text: string): number {
  const matching = findProcesses(text).filter((pid) =>
    program.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ')),
  );
  // Children forked before they renamed themselves look the same: the root is the one to read.
  const found = matching.filter((pid) => !matching.includes(parentOf(pid)));
  if (found.length !== 1) throw new Error(`expected one process ${program} with ${text}, found ${found.length}`);
  return found[0]!;
}

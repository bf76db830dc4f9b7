// Real PostgreSQL and Redis for the cluster tests: each started on a free
// 127.0.0.1 port with a throw-away data directory, stopped (and the
// directory removed) at the end. PostgreSQL is Debian's (initdb/pg_ctl run as
// the `postgres` user when the tests run as root). In a vitest run, initdb runs
// once and each server starts from a copy of that data directory. A missing
// binary fails the test with the command that installs it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, inject } from 'vitest';
import { buildOnce } from '../../../support/build-once';

const INSTALL = 'PostgreSQL and Redis are needed for the cluster tests: apt-get install postgresql redis-server';

function pgBin(name: string): string {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base)
    ? spawnSync('ls', [base], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).sort()
    : [];
  for (const v of versions.reverse()) {
    const path = join(base, v, 'bin', name);
    if (existsSync(path)) return path;
  }
  throw new Error(`${name} not found under ${base}. ${INSTALL}`);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Runs a PostgreSQL tool (as the `postgres` user when root) without blocking this process. */
function asPostgres(cmd: string, args: string[]): Promise<void> {
  const root = process.getuid?.() === 0;
  const [file, argv] = root ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
  return new Promise((resolve, reject) => {
    const c = spawn(file, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    c.stdout.on('data', (d: Buffer) => (out += d.toString()));
    c.stderr.on('data', (d: Buffer) => (out += d.toString()));
    c.once('error', reject);
    c.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} failed (${code}): ${out}`)),
    );
  });
}

export interface Postgres {
  url: string;
  port: number;
  /** Stops the server (fast shutdown: connections are cut) and starts it again on the same port. */
  restart(downMs?: number): Promise<void>;
  /** Stops the server (fast shutdown) until `up`. */
  down(): Promise<void>;
  /** Starts it again on the same port with the same data. */
  up(): Promise<void>;
  stop(): Promise<void>;
}

/** A temporary folder the `postgres` user owns (when root runs the tests). */
function postgresDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'natter-pg-'));
  ownedByPostgres(dir);
  return dir;
}

/** Gives `dir` to the `postgres` user (when root runs the tests). */
function ownedByPostgres(dir: string): void {
  if (process.getuid?.() !== 0) return;
  const id = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (id.status !== 0) throw new Error(`no postgres user. ${INSTALL}`);
  chownSync(dir, Number(id.stdout), Number(gid.stdout));
}

const initdb = (data: string): Promise<void> =>
  asPostgres(pgBin('initdb'), ['-D', data, '-A', 'trust', '-U', 'natter', '--no-sync', '-E', 'UTF8']);

/** Copies a folder keeping owners and modes (cp -a). */
function copyTree(from: string, to: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const c = spawn('cp', ['-a', from, to], { stdio: 'ignore' });
    c.once('error', reject);
    c.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`cp -a ${from} ${to} failed (${code})`))));
  });
}

/** The run's folder for what is built once (vitest's global setup), or none outside a vitest run (benches). */
function runBuildRoot(): string | undefined {
  try {
    return inject('buildRoot');
  } catch {
    return undefined;
  }
}

/** Fills `data` with a new cluster: initdb's, or a copy of the one initdb made once for this test run. */
async function newDataDirectory(data: string): Promise<void> {
  const root = runBuildRoot();
  if (!root) return initdb(data);
  const once = join(root, 'postgres');
  await buildOnce(
    once,
    async () => {
      const made = postgresDir();
      try {
        await initdb(join(made, 'data'));
        mkdirSync(once, { recursive: true });
        await copyTree(join(made, 'data'), join(once, 'data'));
      } finally {
        rmSync(made, { recursive: true, force: true });
      }
    },
    120_000,
  );
  await copyTree(join(once, 'data'), data);
}

/**
 * Starts a PostgreSQL server on a free port. With `keep` (a folder; benches), its data lives
 * there and stays after `stop`, and a later start with the same folder finds it again (whether it
 * was there is `reused`); otherwise a temporary folder, removed on `stop`.
 */
export async function startPostgres(keep?: string): Promise<Postgres & { reused: boolean }> {
  const pgCtl = pgBin('pg_ctl');
  const dir = keep ?? postgresDir();
  const data = join(dir, 'data');
  const port = await freePort();
  const reused = keep !== undefined && existsSync(join(data, 'PG_VERSION'));
  if (keep !== undefined && !reused) {
    mkdirSync(keep, { recursive: true });
    ownedByPostgres(keep);
  }
  if (!reused) await newDataDirectory(data);
  const opts = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  // Asynchronous, so that clients of the test keep sending (and see the database gone) meanwhile.
  const start = (): Promise<void> => asPostgres(pgCtl, ['-D', data, '-l', join(dir, 'log'), '-o', opts, '-w', 'start']);
  const stop = (mode: string): Promise<void> => asPostgres(pgCtl, ['-D', data, '-m', mode, '-w', 'stop']);
  await start();
  let running = true;
  return {
    url: `postgres://natter@127.0.0.1:${port}/postgres`,
    port,
    async restart(downMs = 0) {
      await stop('fast');
      await new Promise((r) => setTimeout(r, downMs));
      await start();
    },
    down: () => stop('fast'),
    up: start,
    async stop() {
      if (!running) return;
      running = false;
      if (keep !== undefined) return stop('fast');
      try {
        await stop('immediate');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    reused,
  };
}

export interface Redis {
  url: string;
  port: number;
  /** Kills the server and starts a new, empty one on the same port. */
  restart(downMs?: number): Promise<void>;
  /** Kills the server (until `up`). */
  down(): Promise<void>;
  /** Starts a new, empty server on the same port. */
  up(): Promise<void>;
  stop(): Promise<void>;
}

export async function startRedis(): Promise<Redis> {
  if (spawnSync('redis-server', ['--version']).error) throw new Error(`redis-server not found. ${INSTALL}`);
  const dir = mkdtempSync(join(tmpdir(), 'natter-redis-'));
  const port = await freePort();
  let child: ChildProcess | null = null;
  const start = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const c = spawn(
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      child = c;
      let out = '';
      const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${out}`)), 10_000);
      c.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('Ready to accept connections')) {
          clearTimeout(timer);
          resolve();
        }
      });
      c.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited (${code}): ${out}`));
      });
    });
  const kill = (): Promise<void> =>
    new Promise((resolve) => {
      const c = child;
      child = null;
      if (!c || c.exitCode !== null) return resolve();
      c.once('exit', () => resolve());
      c.kill('SIGKILL');
    });
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async restart(downMs = 0) {
      await kill();
      await new Promise((r) => setTimeout(r, downMs));
      await start();
    },
    down: kill,
    up: start,
    async stop() {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The PostgreSQL and Redis of one test file, started before its tests and stopped after them. */
export interface ClusterServices {
  postgres: Postgres;
  redis: Redis;
}

/** Registers the file's start and stop hooks; the fields are set once the services have started. */
export function useClusterServices(): ClusterServices {
  const services = {} as ClusterServices;
  beforeAll(async () => {
    [services.postgres, services.redis] = await Promise.all([startPostgres(), startRedis()]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([services.postgres?.stop(), services.redis?.stop()]);
  }, 60_000);
  return services;
}

/** The PostgreSQL of one test file, and what its tests opened on it (closed before it stops). */
export interface PostgresOfFile {
  /** Set once it has started (before the file's tests). */
  postgres: Postgres;
  /** Closes `opened` after the file's tests, before PostgreSQL stops; returns it. */
  closeAfter<T extends { close(): Promise<unknown> }>(opened: T): T;
}

/** Registers the file's start and stop hooks of a PostgreSQL of its own. */
export function usePostgres(): PostgresOfFile {
  const opened: Array<{ close(): Promise<unknown> }> = [];
  const file = {
    closeAfter: <T extends { close(): Promise<unknown> }>(o: T): T => (opened.push(o), o),
  } as PostgresOfFile;
  beforeAll(async () => {
    file.postgres = await startPostgres();
  }, 60_000);
  afterAll(async () => {
    for (const o of opened) await o.close();
    await file.postgres?.stop();
  }, 60_000);
  return file;
}

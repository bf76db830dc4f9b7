// Owns running reads off the event loop: a worker thread with its own
// read-only connection to the database file runs the reads of a search
// (sqlite-message-search.ts) or of a conversation list page
// (sqlite-conversation-page.ts) while the main thread goes on answering sends.
// WAL lets the reader and the writer work at once, each on its own snapshot,
// so neither waits for the other, and one statement reads one snapshot.
// Started on the first read (most storages never search), held open only
// while a read is pending (it never keeps the process alive), stopped with the
// storage. A database in memory cannot be opened twice, and a reader that
// fails to start or dies leaves the reads to the main connection, as before.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** One read: a SELECT and its parameters; the answer is its rows. */
export interface SqlRead {
  sql: string;
  params: unknown[];
}

/** The steps of one job of reads: yields reads, is given their rows, returns the result. */
export type ReadSteps<R> = Generator<SqlRead, R, unknown[]>;

// Plain CommonJS so it runs the same under tsx, vitest and the built package. Statements are
// prepared once per SQL text (a search or a page has a handful of shapes).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { readonly: true, fileMustExist: true, timeout: 5000 });
db.pragma('cache_size = -' + workerData.cacheKiB);
const statements = new Map();
parentPort.on('message', ({ id, sql, params }) => {
  try {
    let s = statements.get(sql);
    if (!s) statements.set(sql, (s = db.prepare(sql)));
    parentPort.postMessage({ id, rows: s.all(...params) });
  } catch (e) {
    parentPort.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
});
`;

type Answer = { id: number; rows?: unknown[]; error?: string };

/** The reader thread is gone (not an error of the read itself): the read is made on the main connection. */
class ReaderLost extends Error {}

export class SqliteReader {
  private worker: Worker | null = null;
  /** The reader cannot be used (in memory, failed to start, or stopped): searches run on `db`. */
  private unavailable: boolean;
  private nextId = 1;
  private stopped = false;
  private readonly pending = new Map<number, { resolve(rows: unknown[]): void; reject(e: Error): void }>();
  /** The main connection's statements, by SQL text. */
  private readonly statements = new Map<string, Database.Statement>();

  /**
   * `name` says what stops or loses the reader in the errors of its pending reads; `cacheKiB` is its
   * connection's page cache.
   */
  constructor(
    private readonly db: Database.Database,
    private readonly name: string,
    private readonly cacheKiB: number,
  ) {
    this.unavailable = db.memory;
  }

  /** Runs the reads on the reader thread (on `db` when there is none, or for the rest when it dies). */
  async run<R>(steps: ReadSteps<R>): Promise<R> {
    let step = steps.next();
    while (!step.done) {
      const read = step.value;
      const worker = this.start();
      let rows: unknown[];
      try {
        rows = worker ? await this.read(worker, read) : this.readHere(read);
      } catch (e) {
        if (!(e instanceof ReaderLost) || this.stopped) throw e;
        rows = this.readHere(read);
      }
      step = steps.next(rows);
    }
    return step.value;
  }

  /**
   * Runs the reads on the reader thread only: null when there is no reader or it dies before the
   * last read is answered (the caller then reads another way; what was read is dropped).
   */
  async runOnReader<R>(steps: ReadSteps<R>): Promise<R | null> {
    let step = steps.next();
    while (!step.done) {
      const worker = this.start();
      if (!worker) return null;
      let rows: unknown[];
      try {
        rows = await this.read(worker, step.value);
      } catch (e) {
        if (e instanceof ReaderLost && !this.stopped) return null;
        throw e;
      }
      step = steps.next(rows);
    }
    return step.value;
  }

  /** Runs the reads on `db` itself (the writer's connection), synchronously. */
  runHere<R>(steps: ReadSteps<R>): R {
    let step = steps.next();
    while (!step.done) step = steps.next(this.readHere(step.value));
    return step.value;
  }

  /** Stops the reader; reads still pending are refused. */
  stop(): void {
    this.stopped = true;
    this.unavailable = true;
    const worker = this.worker;
    this.worker = null;
    this.fail(new Error(`${this.name} stopped: the storage is closing`));
    void worker?.terminate();
  }

  private start(): Worker | null {
    if (this.worker || this.unavailable) return this.worker;
    try {
      const driver = createRequire(import.meta.url).resolve('better-sqlite3');
      const worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { driver, path: this.db.name, cacheKiB: this.cacheKiB },
      });
      worker.unref();
      worker.on('message', (a: Answer) => this.answer(a));
      worker.on('error', (e) => this.lost(worker, new ReaderLost(e.message)));
      worker.on('exit', () => this.lost(worker, new ReaderLost(`${this.name} reader exited`)));
      this.worker = worker;
    } catch {
      this.unavailable = true;
    }
    return this.worker;
  }

  private readHere(read: SqlRead): unknown[] {
    let s = this.statements.get(read.sql);
    if (!s) this.statements.set(read.sql, (s = this.db.prepare(read.sql)));
    return s.all(...read.params);
  }

  private read(worker: Worker, read: SqlRead): Promise<unknown[]> {
    const id = this.nextId++;
    // Referenced while a read is pending, so a process waiting only on a read does not exit.
    if (this.pending.size === 0) worker.ref();
    return new Promise<unknown[]>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, sql: read.sql, params: read.params });
    });
  }

  private answer(a: Answer): void {
    const p = this.pending.get(a.id);
    if (!p) return;
    this.pending.delete(a.id);
    if (this.pending.size === 0) this.worker?.unref();
    if (a.error !== undefined) p.reject(new Error(a.error));
    else p.resolve(a.rows ?? []);
  }

  /** The reader died: what it had pending is refused, later reads use the main connection. */
  private lost(worker: Worker, e: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    this.unavailable = true;
    this.fail(e);
  }

  private fail(e: Error): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) p.reject(e);
  }
}

// Owns running message searches off the event loop: a worker thread with its
// own read-only connection to the database file runs a search's reads
// (sqlite-message-search.ts) while the main thread goes on answering sends.
// WAL lets the reader and the writer work at once, each on its own snapshot,
// so neither waits for the other. Started on the first search (most storages
// never search), held open only while a read is pending (it never keeps the
// process alive), stopped with the storage. A database in memory cannot be
// opened twice, and a reader that fails to start or dies leaves the searches
// to the main connection, as before.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import type { MessageSearchResult } from '../server/people-storage';
import type { SearchRead, SearchSteps } from './sqlite-message-search';

// Plain CommonJS so it runs the same under tsx, vitest and the built package. Statements are
// prepared once per SQL text (a search has a handful of shapes).
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

/** The reader's page cache (KiB): the word index's recent pages, which searches read again. */
const CACHE_KIB = 32 * 1024;

type Answer = { id: number; rows?: unknown[]; error?: string };

/** The reader thread is gone (not an error of the read itself): the read is made on the main connection. */
class ReaderLost extends Error {}

export class SqliteSearchReader {
  private worker: Worker | null = null;
  /** The reader cannot be used (in memory, failed to start, or stopped): searches run on `db`. */
  private unavailable: boolean;
  private nextId = 1;
  private stopped = false;
  private readonly pending = new Map<number, { resolve(rows: unknown[]): void; reject(e: Error): void }>();
  /** The main connection's statements, by SQL text. */
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {
    this.unavailable = db.memory;
  }

  /** Runs the search's reads on the reader thread (on `db` when there is none). */
  async run(steps: SearchSteps): Promise<MessageSearchResult> {
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

  /** Runs the search's reads on `db` itself (the writer's connection), synchronously. */
  runHere(steps: SearchSteps): MessageSearchResult {
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
    this.fail(new Error('message search stopped: the storage is closing'));
    void worker?.terminate();
  }

  private start(): Worker | null {
    if (this.worker || this.unavailable) return this.worker;
    try {
      const driver = createRequire(import.meta.url).resolve('better-sqlite3');
      const worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { driver, path: this.db.name, cacheKiB: CACHE_KIB },
      });
      worker.unref();
      worker.on('message', (a: Answer) => this.answer(a));
      worker.on('error', (e) => this.lost(worker, new ReaderLost(e.message)));
      worker.on('exit', () => this.lost(worker, new ReaderLost('message search reader exited')));
      this.worker = worker;
    } catch {
      this.unavailable = true;
    }
    return this.worker;
  }

  private readHere(read: SearchRead): unknown[] {
    let s = this.statements.get(read.sql);
    if (!s) this.statements.set(read.sql, (s = this.db.prepare(read.sql)));
    return s.all(...read.params);
  }

  private read(worker: Worker, read: SearchRead): Promise<unknown[]> {
    const id = this.nextId++;
    // Referenced while a read is pending, so a process waiting only on a search does not exit.
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

  /** The reader died: what it had pending is refused, later searches use the main connection. */
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

// Owns running reads of the SQLite file off the event loop: a worker thread
// with its own read-only connection runs them (a search's reads,
// sqlite-message-search.ts; a conversation page's, sqlite-conversation-page.ts)
// while the main thread goes on answering sends. WAL lets the reader and the
// writer work at once, each on its own snapshot, so neither waits for the
// other; reads asked together run in one read transaction (one snapshot), and
// a read started between transactions never reads the writes of one that the
// writer opened meanwhile (it would see them before they commit or roll back).
// Started on the first read, held open only while a read is pending (it never
// keeps the process alive), stopped with the storage. On Linux it runs at a
// lower CPU priority than the event loop (READER_NICE). A database in memory
// cannot be opened twice, and a reader that fails to start or dies leaves the
// reads to the main connection, as before.
import type { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { startSqliteWorker } from './sqlite-worker';

/** One read: a SELECT and its parameters; the answer is its rows. */
export interface SqlRead {
  sql: string;
  params: unknown[];
}

/** Reads one after another, each chosen from the rows of the one before; returns the result. */
export type ReadSteps<R> = Generator<SqlRead, R, unknown[]>;

// Run by startSqliteWorker (sqlite-worker.ts). Statements are prepared once per SQL text (the
// reads have a handful of shapes).
const WORKER_SOURCE = `
// Linux sets the priority of the calling thread only (elsewhere it would be the whole process'):
// see READER_NICE.
if (workerData.nice) try { require('node:os').setPriority(0, workerData.nice); } catch {}
const db = new Database(workerData.path, { readonly: true, fileMustExist: true, timeout: 5000 });
db.pragma('cache_size = -' + workerData.cacheKiB);
const statements = new Map();
const all = ({ sql, params }) => {
  let s = statements.get(sql);
  if (!s) statements.set(sql, (s = db.prepare(sql)));
  return s.all(...params);
};
const together = db.transaction((reads) => reads.map(all));
parentPort.on('message', ({ id, reads }) => {
  try {
    parentPort.postMessage({ id, rows: reads.length === 1 ? [all(reads[0])] : together(reads) });
  } catch (e) {
    parentPort.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
});
`;

/**
 * The reader's page cache (KiB), as large as the writer's: the word index's and the lists' recent
 * pages, which reads use again. A page of a long list reads 50 messages scattered over the file;
 * with half this, loading 5,000 conversations of a 1,000,000-message file read most of them from
 * the OS again (0.45-0.56 ms of reads a page, 0.31 ms with this).
 */
const CACHE_KIB = 64 * 1024;

/**
 * The reader thread's nice value on Linux, where a thread has its own: reads for one user (a search,
 * a page of a long list) are background work beside the event loop that answers everyone's sends.
 * On a busy machine the scheduler then runs the event loop first: with the reader at the same
 * priority, other users' sends while one user loaded 5,000 conversations had a p99 1.4-1.8x their
 * p99 with nobody loading (2 cores, conversation-pages bench); at 19, 1.07-1.11x, each page a few
 * ms later at its p99. Other systems set it for the whole process, so the reader keeps the default.
 */
export const READER_NICE = 19;

type Answer = { id: number; rows?: unknown[][]; error?: string };

/** The reader thread is gone (not an error of the read itself): the read is made on the main connection. */
class ReaderLost extends Error {}

export class SqliteReader {
  private worker: Worker | null = null;
  /** The reader cannot be used (in memory, failed to start, or stopped): reads run on `db`. */
  private unavailable: boolean;
  private nextId = 1;
  private stopped = false;
  private readonly pending = new Map<number, { resolve(rows: unknown[][]): void; reject(e: Error): void }>();
  /** The main connection's statements, by SQL text. */
  private readonly statements = new Map<string, Database.Statement>();
  private readonly togetherHere: (reads: readonly SqlRead[]) => unknown[][];

  constructor(private readonly db: Database.Database) {
    this.unavailable = db.memory;
    this.togetherHere = db.transaction((reads: readonly SqlRead[]) => reads.map((r) => this.readHere(r)));
  }

  /**
   * Runs the steps' reads on the reader thread (on `db` when there is none, or when `db` is in a
   * transaction: the reader would not see its writes). Steps after the first never join a
   * transaction opened on `db` meanwhile: they would read its writes before it commits (or rolls
   * back), which a read started outside it must not see.
   */
  async run<R>(steps: ReadSteps<R>): Promise<R> {
    if (this.db.inTransaction) return this.runHere(steps);
    let step = steps.next();
    while (!step.done) {
      const [rows] = await this.committed([step.value]);
      step = steps.next(rows!);
    }
    return step.value;
  }

  /** Runs the steps' reads on `db` itself (the writer's connection), synchronously. */
  runHere<R>(steps: ReadSteps<R>): R {
    let step = steps.next();
    while (!step.done) step = steps.next(this.readHere(step.value));
    return step.value;
  }

  /**
   * Runs `reads` in one read transaction on the reader thread (on `db` when there is none, or when
   * `db` is in a transaction, joining it): their rows.
   */
  async together(reads: readonly SqlRead[]): Promise<unknown[][]> {
    if (this.db.inTransaction) return this.togetherHere(reads);
    return this.committed(reads);
  }

  /** `reads` in one read transaction of what was committed: on the reader thread, else on `db` between its transactions. */
  private async committed(reads: readonly SqlRead[]): Promise<unknown[][]> {
    const worker = this.start();
    if (worker) {
      try {
        return await this.post(worker, reads);
      } catch (e) {
        if (!(e instanceof ReaderLost) || this.stopped) throw e;
      }
    }
    // A transaction of the core awaits between its writes: the read waits for its end.
    while (this.db.inTransaction) await new Promise<void>((resolve) => setImmediate(resolve));
    return this.togetherHere(reads);
  }

  /** Stops the reader; reads still pending are refused. */
  stop(): void {
    this.stopped = true;
    this.unavailable = true;
    const worker = this.worker;
    this.worker = null;
    this.fail(new Error('database reads stopped: the storage is closing'));
    void worker?.terminate();
  }

  private start(): Worker | null {
    if (this.worker || this.unavailable) return this.worker;
    try {
      const worker = startSqliteWorker(WORKER_SOURCE, {
        path: this.db.name,
        cacheKiB: CACHE_KIB,
        nice: process.platform === 'linux' ? READER_NICE : 0,
      });
      worker.on('message', (a: Answer) => this.answer(a));
      worker.on('error', (e) => this.lost(worker, new ReaderLost(e.message)));
      worker.on('exit', () => this.lost(worker, new ReaderLost('database reader exited')));
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

  private post(worker: Worker, reads: readonly SqlRead[]): Promise<unknown[][]> {
    const id = this.nextId++;
    // Referenced while a read is pending, so a process waiting only on a read does not exit.
    if (this.pending.size === 0) worker.ref();
    return new Promise<unknown[][]>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, reads });
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

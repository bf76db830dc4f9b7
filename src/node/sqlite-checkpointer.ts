// Owns WAL checkpoints of the Node host's database, off the main thread. A
// checkpoint copies the WAL into the database file and syncs it: run on the
// main thread (inside a commit, or on a timer between commits) it stalled
// every send behind it for 100–250 ms under fan-out. A worker thread with its
// own connection runs PASSIVE checkpoints, which never block the writer; if
// the worker cannot start, the same timer runs on the main connection.
// A checkpoint that runs while the writer keeps appending never catches up
// with it, and SQLite restarts the WAL only once every frame was copied: under
// sustained writes the WAL would grow without bound. So when the worker
// reports a WAL past 64 MiB, the main connection completes the checkpoint
// between commits (a stall of ~0.1–0.2 s measured under full load, once per
// 64 MiB written instead of every second) and the next commit restarts it.
import type { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { startSqliteWorker } from './sqlite-worker';

const INTERVAL_MS = 1000;
/** WAL length (frames, 4 KiB each) past which the main connection completes the checkpoint. */
const RESTART_FRAMES = 16_384;

// Run by startSqliteWorker (sqlite-worker.ts).
const WORKER_SOURCE = `
const db = new Database(workerData.path, { timeout: 0 });
db.pragma('synchronous = ' + workerData.synchronous);
setInterval(() => {
  try {
    const [r] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage(r ? r.log : 0);
  } catch { /* busy: next tick */ }
}, workerData.intervalMs);
`;

export interface Checkpointer {
  /** Stops checkpointing; the owner then checkpoints in full and closes its connection. */
  stop(): void;
}

/**
 * Starts background checkpoints for the WAL database at `path`, which `db` (the writer) has open.
 * `inBackground: false` (e.g. ':memory:', or no worker threads) checkpoints on the main thread.
 */
export function startCheckpointer(
  db: Database.Database,
  path: string,
  synchronous: 'NORMAL' | 'FULL',
  inBackground: boolean,
): Checkpointer {
  let timer: ReturnType<typeof setInterval> | null = null;
  const onMainThread = (): void => {
    if (timer) return;
    timer = setInterval(() => {
      if (!db.open || db.inTransaction) return;
      try {
        db.pragma('wal_checkpoint(PASSIVE)');
      } catch {
        // Busy or failing now: the next tick tries again, and close() checkpoints in full.
      }
    }, INTERVAL_MS);
    timer.unref();
  };
  let worker: Worker | null = null;
  if (inBackground) {
    try {
      worker = startSqliteWorker(WORKER_SOURCE, { path, synchronous, intervalMs: INTERVAL_MS });
      worker.on('message', (log: number) => {
        if (log < RESTART_FRAMES || !db.open || db.inTransaction) return;
        try {
          db.pragma('wal_checkpoint(PASSIVE)');
        } catch {
          // Busy now: the next report tries again.
        }
      });
      worker.on('error', () => {
        worker = null;
        onMainThread();
      });
    } catch {
      worker = null;
    }
  }
  if (!worker) onMainThread();
  return {
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
      void worker?.terminate();
      worker = null;
    },
  };
}

// Owns WAL checkpoints of the Node host's database, off the main thread. A
// checkpoint copies the WAL into the database file and syncs it: run on the
// main thread (inside a commit, or on a timer between commits) it stalled
// every send behind it for 100–250 ms under fan-out. A worker thread with its
// own connection runs PASSIVE checkpoints, which never block the writer; if
// the worker cannot start, the same timer runs on the main connection.
// A checkpoint that runs while the writer keeps appending never catches up
// with it, and SQLite restarts the WAL only once every frame was copied: under
// sustained writes the WAL would grow without bound. So when the worker
// reports a WAL past 64 MiB that its pass left behind, the main connection
// completes the checkpoint between commits and the next commit restarts it.
// That completion copies what was written since the worker's last pass and
// syncs it: a second of writes under full load (7–27 ms measured, the WAL at
// 120–170 MiB by then). So while the WAL is past half that size the worker
// passes every tenth of a second, and the completion copies that much at most.
// A pass reports the frames it saw when it began, so "all copied" cannot tell
// that none were added since: only a WAL that has not grown since the last
// completion (writes stopped; the next commit restarts it) is left alone.
import type { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { startSqliteWorker } from './sqlite-worker';

/** When checkpoints run, and when the main connection completes one. */
export interface CheckpointTiming {
  /** Between passes (ms). */
  intervalMs: number;
  /** Between the worker's passes while the WAL is past half of `restartFrames` (ms). */
  fastIntervalMs: number;
  /** WAL length (frames, 4 KiB each) past which the main connection completes the checkpoint. */
  restartFrames: number;
}

const TIMING: CheckpointTiming = { intervalMs: 1000, fastIntervalMs: 100, restartFrames: 16_384 };

// Run by startSqliteWorker (sqlite-worker.ts).
const WORKER_SOURCE = `
const db = new Database(workerData.path, { timeout: 0 });
db.pragma('synchronous = ' + workerData.synchronous);
const { intervalMs, fastIntervalMs, restartFrames } = workerData.timing;
const pass = () => {
  let log = 0;
  try {
    const [r] = db.pragma('wal_checkpoint(PASSIVE)');
    // Reported: the WAL's length (frames) when the pass began.
    if (r) parentPort.postMessage((log = r.log));
  } catch { /* busy: the next pass */ }
  setTimeout(pass, log * 2 >= restartFrames ? fastIntervalMs : intervalMs);
};
setTimeout(pass, intervalMs);
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
  timing: CheckpointTiming = TIMING,
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
    }, timing.intervalMs);
    timer.unref();
  };
  let worker: Worker | null = null;
  /** The WAL's length when the main connection last completed a checkpoint. */
  let completed: number | null = null;
  if (inBackground) {
    try {
      worker = startSqliteWorker(WORKER_SOURCE, { path, synchronous, timing });
      worker.on('message', (log: number) => {
        if (log < timing.restartFrames || log === completed || !db.open || db.inTransaction) return;
        try {
          const [r] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number }[];
          completed = r?.log ?? null;
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

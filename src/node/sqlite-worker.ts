// Owns starting a worker thread that opens the Node host's SQLite file on a
// connection of its own: the checkpointer (sqlite-checkpointer.ts) and the
// reader (sqlite-reader.ts). The worker's code is plain CommonJS, evaluated,
// so it runs the same under tsx, vitest and the built package; it is given
// `parentPort`, `workerData` and `Database` (the better-sqlite3 the main
// thread uses). A started worker does not keep the process alive.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const PRELUDE = `const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
`;

/** Starts `body` on a worker thread with `data` as its workerData (unref'd). */
export function startSqliteWorker(body: string, data: Record<string, unknown>): Worker {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(PRELUDE + body, { eval: true, workerData: { ...data, driver } });
  worker.unref();
  return worker;
}

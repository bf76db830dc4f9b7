// Worker thread of the conversation-page benchmark: user `heavy` loading its
// whole list, on an event loop of its own so that parsing its pages never
// delays the other user's answers in the main thread (on a user's own machine
// it would not). A message `{ load: true }` loads the list once and answers
// `{ pages, listed, refused, failures }`; `{ close: true }` ends it.
import { parentPort, workerData } from 'node:worker_threads';
import { Conn } from './protocol-conn';

const { url, pageSize } = workerData as { url: string; pageSize: number };

export interface LoadResult {
  /** Latency of each page answered, ms. */
  pages: number[];
  /** Conversations listed. */
  listed: number;
  /** retryAfter of each page refused for the rate (asked again after that wait). */
  refused: number[];
  /** Codes of pages that failed otherwise. */
  failures: number[];
}

/** The whole list, as the client's conversations() loads it: a page refused for the rate is asked again after the wait it names. */
async function loadAllPages(c: Conn): Promise<LoadResult> {
  const result: LoadResult = { pages: [], listed: 0, refused: [], failures: [] };
  let cursor: string | null = null;
  do {
    const t0 = performance.now();
    const f = await c.request('conversations', cursor === null ? { limit: pageSize } : { cursor, limit: pageSize });
    if (f.t !== 'ok' && f.code === 509) {
      result.refused.push(f.retryAfter ?? 1000);
      await new Promise((resolve) => setTimeout(resolve, f.retryAfter ?? 1000));
      continue;
    }
    result.pages.push(performance.now() - t0);
    if (f.t !== 'ok') {
      result.failures.push(f.code ?? -1);
      break;
    }
    const page = f.r as { conversations: unknown[]; cursor: string | null };
    result.listed += page.conversations.length;
    cursor = page.cursor;
  } while (cursor !== null);
  return result;
}

const heavy = await Conn.open(url, 'heavy');
parentPort!.on('message', (m: { load?: boolean; close?: boolean }) => {
  if (m.close) {
    heavy.close();
    parentPort!.close();
    return;
  }
  void loadAllPages(heavy).then((r) => parentPort!.postMessage(r));
});
parentPort!.postMessage('ready');

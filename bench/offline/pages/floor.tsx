// The offline start benchmark's floor (a reference, not a contender): the
// least a React app built and served like the natter page can do for a cached
// start. At module evaluation it opens an IndexedDB database and reads one
// record (a message as natter caches it); on the first visit, with nothing
// cached, it writes that record first. Then React renders that message as one
// row (marked `data-natter-message`, which the benchmark waits for). No kit,
// no store, no list, no socket: what a reload costs with React at all.
import { createRoot } from 'react-dom/client';
import type { ReactNode } from 'react';

performance.mark('app');

/** A message as natter's cache holds one. */
interface CachedMessage {
  serverId: string;
  localId: string;
  from: string;
  to: string;
  chatType: 'single';
  seq: number;
  ts: number;
  body: { type: 'txt'; msg: string };
}

const DB = 'natter-bench-offline-floor';
const KEY = 'single:u0';
const SEED: CachedMessage = {
  serverId: 's1',
  localId: 'l1',
  from: 'u0',
  to: 'me',
  chatType: 'single',
  seq: 1,
  ts: Date.now(),
  body: { type: 'txt', msg: 'message 0 to u0' },
};
const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

async function cachedMessage(): Promise<CachedMessage> {
  const open = indexedDB.open(DB, 1);
  open.onupgradeneeded = () => open.result.createObjectStore('pages');
  const db = await request(open);
  const found = (await request(db.transaction('pages').objectStore('pages').get(KEY))) as CachedMessage | undefined;
  if (found) return found;
  // The first visit caches what a later one reads.
  await request(db.transaction('pages', 'readwrite').objectStore('pages').put(SEED, KEY));
  return SEED;
}

function Row({ message }: { message: CachedMessage }): ReactNode {
  return (
    <div role="log">
      <div className="row" data-natter-message="">
        <span className="from">{message.from}</span>
        <span>{message.body.msg}</span>
        <time className="time" dateTime={new Date(message.ts).toISOString()}>
          {timeFormat.format(message.ts)}
        </time>
      </div>
    </div>
  );
}

const root = createRoot(document.getElementById('root')!);
void cachedMessage().then((message) => {
  performance.mark('snapshot');
  root.render(<Row message={message} />);
});

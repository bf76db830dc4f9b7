// Owns what the tabs of one user tell each other of their queued changes
// (edits, reactions, deletes, pins, forwards), so that every tab shows the
// same pending state while only the tab that made a change sends it. Over a
// BroadcastChannel each tab says when a change of its own waits and when it
// was answered; a tab that starts asks the others for theirs. A change heard
// of is shown (the `change` and `changeSettled` inputs), never sent from
// here, unless the tab that made it goes away before the answer: then the
// first tab that gets its entry's lock takes it over and sends it (once: the
// lock is let go only once the entry is answered and gone, or with its tab).
import { restoreChange, type SavedChange } from '../change-persistence';
import { changeInputs } from '../change-inputs';
import type { ChangeObserver } from '../change-queue';
import type { ClientInput, ErrorInfo } from '../client-input';
import type { Message } from '../../protocol/message';

/** This tab's side: its input stream and its change queue. */
export interface ChangeShareHost {
  push(input: ClientInput): void;
  /** This tab's changes not answered yet. */
  waiting(): SavedChange[];
  /** Send a change another tab left from this tab's queue. */
  adopt(change: SavedChange): void;
}

/** The offline cache's side: who holds a change's entry. */
export interface ChangeEntries {
  heldChange(id: string): Promise<boolean>;
  takeOverChange(id: string, signal: AbortSignal): Promise<SavedChange | null>;
}

type ShareMessage =
  | { k: 'queued'; change: SavedChange }
  | { k: 'settled'; id: string; message: Message | null; error?: ErrorInfo }
  | { k: 'ask' };

export interface ChangeShare extends ChangeObserver {
  dispose(): void;
}

export function shareChanges(name: string, host: ChangeShareHost, entries: ChangeEntries): ChangeShare {
  const channel = new BroadcastChannel(`${name}#changes`);
  const shown = changeInputs((i) => host.push(i));
  /** Changes of other tabs shown here, each with the wait for its entry to be let go. */
  const theirs = new Map<string, { change: SavedChange; stop: AbortController }>();
  let disposed = false;
  // Posted in the order they happen, a change's answer never before the change.
  let order: Promise<unknown> = Promise.resolve();
  const post = (m: ShareMessage, first?: Promise<unknown>) => {
    order = Promise.all([order, first]).then(() => disposed || channel.postMessage(m));
  };
  // Told only once this tab holds the entry: a tab that hears of it cannot take it over before.
  const tell = (c: SavedChange) => post({ k: 'queued', change: c }, entries.heldChange(c.id));

  const heard = (change: SavedChange) => {
    if (theirs.has(change.id) || host.waiting().some((c) => c.id === change.id)) return;
    const stop = new AbortController();
    theirs.set(change.id, { change, stop });
    shown.queued(change);
    void entries.takeOverChange(change.id, stop.signal).then((left) => {
      if (disposed || theirs.get(change.id)?.stop !== stop) return;
      theirs.delete(change.id);
      if (left) host.adopt(left);
      // Answered and gone, its answer not heard: the server's copy comes as an event anyway.
      else shown.settled(change, null);
    });
  };

  channel.onmessage = (ev: MessageEvent) => {
    const m = ev.data as ShareMessage | null;
    if (typeof m !== 'object' || m === null) return;
    if (m.k === 'ask') {
      for (const c of host.waiting()) tell(c);
    } else if (m.k === 'queued') {
      const change = restoreChange(m.change);
      if (change) heard(change);
    } else if (m.k === 'settled' && typeof m.id === 'string') {
      const heard = theirs.get(m.id);
      if (!heard) return;
      theirs.delete(m.id);
      heard.stop.abort();
      shown.settled(heard.change, { message: m.message ?? null }, m.error);
    }
  };
  post({ k: 'ask' });

  return {
    queued: tell,
    settled(change, result, error) {
      const message = (result as { message?: Message | null } | null)?.message ?? null;
      post({
        k: 'settled',
        id: change.id,
        message,
        ...(error ? { error: { code: error.code, message: error.message } } : {}),
      });
    },
    dispose() {
      disposed = true;
      for (const { stop } of theirs.values()) stop.abort();
      theirs.clear();
      channel.close();
    },
  };
}

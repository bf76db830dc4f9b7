// Owns the store's side of the offline cache. Before the first welcome it draws
// the chat from what the last session cached, so a reload shows it before the
// socket connects: first the start snapshot (the head of the list and the open
// conversations' pages), then, once the page is idle, the rest; the welcome's full sync
// then replaces the list (no stale unread) and resumed events are deduplicated
// by seq. While bound it writes the conversations and recent messages back a
// short while after they change, with the event position they reflect: the
// position of the last event applied, taken when nothing is left queued.
// Its chunk also carries the overlay of waiting edits and reactions
// (lazy-pending-change-view.ts): a restored change shows with the cache.
import type { ChatClient } from '../client/chat-client-types';
import type { CachedPage, OfflineSnapshot, OfflineSnapshotChange } from '../client/offline/offline-types';
import type { ConversationSummary } from '../protocol/entities';
import type { ConversationId } from '../protocol/ids';
import type { Message } from '../protocol/message';
import type { ChatState } from './chat-state';
import type { ChatStore } from './create-chat-store';
import type { IngestQueue } from './ingest-queue';
import { NO_OFFLINE_SYNC, noteInput, type InputsSeen, type OfflineSync } from './offline-seen';

export * as pendingChangeView from './pending-change-view';

/** Writes wait this long for more changes (a burst is one write). */
const SAVE_DELAY_MS = 300;

/** Pages drawn already (by the start snapshot) are skipped. */
function hydrate(queue: IngestQueue, store: ChatStore, s: OfflineSnapshot, drawn: Set<ConversationId>): void {
  queue.push({ kind: 'conversations', conversations: s.conversations, startedAt: store.batchCount() + 1 });
  for (const p of s.pages) {
    if (p.messages.length === 0 || drawn.has(p.conversation)) continue;
    drawn.add(p.conversation);
    const newestFirst = [...p.messages].reverse();
    queue.push({
      kind: 'history',
      conversation: p.conversation,
      page: {
        messages: newestFirst,
        cursor: p.messages[0]!.seq,
        hasMore: true,
        ...(p.threadUnread ? { threadUnread: { ...p.threadUnread } } : {}),
      },
    });
  }
  queue.flush();
}

/** The thread unread counts of the roots among `messages` (the store keeps them for all threads). */
function threadUnreadOf(
  messages: readonly Message[],
  counts: ReadonlyMap<string, number>,
): Record<string, number> | null {
  let out: Record<string, number> | null = null;
  if (counts.size === 0) return out;
  for (const m of messages) {
    const n = m.serverId === undefined ? undefined : counts.get(m.serverId);
    if (n !== undefined) (out ??= {})[m.serverId] = n;
  }
  return out;
}

/** Runs `fn` once the page is idle (after the first paint's work), or soon where idle callbacks are missing. */
function whenIdle(fn: () => void): void {
  if (typeof globalThis.requestIdleCallback === 'function') globalThis.requestIdleCallback(fn, { timeout: 1000 });
  else setTimeout(fn, 50);
}

/** `seen`: what the inputs said before this module was loaded (lazy-offline-sync.ts); kept up to date here. */
export function syncOfflineCache(
  client: ChatClient,
  store: ChatStore,
  queue: IngestQueue,
  seen: InputsSeen,
): OfflineSync {
  const cache = client.offline;
  if (!cache) return NO_OFFLINE_SYNC;
  let disposed = false;
  let started = false;
  let captured: { state: ChatState; pos: number | null } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let savedList: { summaries: ChatState['conversations']['summaries']; order: readonly ConversationId[] } | null = null;
  const savedPages = new Map<ConversationId, readonly Message[]>();
  let savedThreads: ReadonlyMap<string, number> | null = null;

  const write = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!captured) return;
    const { state, pos: at } = captured;
    captured = null;
    const change: OfflineSnapshotChange = { pos: at };
    const list = state.conversations;
    if (list.loaded && (savedList?.summaries !== list.summaries || savedList.order !== list.order)) {
      change.conversations = list.order
        .map((id) => list.summaries.get(id))
        .filter((c): c is ConversationSummary => c !== undefined);
      savedList = { summaries: list.summaries, order: list.order };
    }
    const pages: CachedPage[] = [];
    const threads = state.features.threadUnread;
    const threadsChanged = savedThreads !== threads;
    savedThreads = threads;
    for (const [id, m] of state.conversationMessages) {
      if (savedPages.get(id) === m.items && !threadsChanged) continue;
      const messages = m.items.slice(-cache.messagesPerConversation);
      const threadUnread = threadUnreadOf(messages, threads);
      // A change of thread counts rewrites only the pages holding a root that has one.
      if (savedPages.get(id) === m.items && !threadUnread) continue;
      savedPages.set(id, m.items);
      pages.push({ conversation: id, messages, ...(threadUnread ? { threadUnread } : {}) });
    }
    const removed = [...savedPages.keys()].filter((id) => !state.conversationMessages.has(id));
    for (const id of removed) savedPages.delete(id);
    if (pages.length > 0) change.pages = pages;
    if (removed.length > 0) change.removed = removed;
    cache.save(change);
  };

  const capture = (state: ChatState) => {
    // Inputs still queued may carry a newer position than this state shows: wait for their batch.
    if (!started || disposed || queue.size() > 0) return;
    captured = { state, pos: seen.pos };
    timer ??= setTimeout(write, SAVE_DELAY_MS);
  };
  const unsubscribe = store.subscribe(capture);
  const onHide = () => {
    if (globalThis.document?.visibilityState === 'hidden') write();
  };
  globalThis.document?.addEventListener('visibilitychange', onHide);

  const drawn = new Set<ConversationId>();
  // Cached state drawn after the welcome could be older than what was applied since: skip it.
  const draw = (s: OfflineSnapshot | null): boolean => {
    if (disposed || !s || seen.welcomed) return false;
    seen.pos = s.pos;
    hydrate(queue, store, s, drawn);
    return true;
  };
  const finish = (s: OfflineSnapshot | null) => {
    if (disposed) return;
    if (draw(s)) {
      const state = store.getState();
      savedList = { summaries: state.conversations.summaries, order: state.conversations.order };
      for (const [id, m] of state.conversationMessages) savedPages.set(id, m.items);
      savedThreads = state.features.threadUnread;
    }
    // Writes start once the whole cache is drawn: a write before would drop what is not drawn yet.
    started = true;
    // What arrived while the snapshot was read (the first list, a first page) has not been written yet.
    capture(store.getState());
  };
  void cache.startSnapshot().then(
    (first) => {
      if (!draw(first) || first?.complete) return finish(first);
      whenIdle(() => void cache.snapshot().then(finish, () => finish(null)));
    },
    () => finish(null),
  );

  return {
    seen: (input) => noteInput(seen, input),
    dispose() {
      if (disposed) return;
      write();
      disposed = true;
      unsubscribe();
      globalThis.document?.removeEventListener('visibilitychange', onHide);
    },
  };
}

// Owns the store's one writer: it feeds the client's input stream (events,
// answers to the client's own requests, outbox, connection) into the store in
// batches, and on a fresh or reset session fetches the conversation list's
// first page and open invitations (later pages when asked: loadMoreConversations). Nothing else writes to a bound store: hooks call client
// methods and their answers arrive through the stream. The only `client.on`
// in natter's store and React layers. The client's calls come in the same way:
// once a CallClient exists for the client, each of its snapshots is an input.
import { watchCallClient } from '../client/call/call-registry';
import type { ChatClient, ClientInputKind } from '../client/chat-client-types';
import type { NatterError } from '../protocol/errors';
import type { ChatStore } from './create-chat-store';
import { createIngestQueue, frameScheduler, type IngestQueue, type Scheduler } from './ingest-queue';
import { lazyOfflineSync } from './lazy-offline-sync';
import { loadPendingChangeView, pendingChangeView } from './lazy-pending-change-view';
import { TYPING_TTL_MS } from './reduce-messages';
import { definedFields } from '../protocol/defined-fields';

export interface BindClientOptions {
  /** When queued events are applied; defaults to once per animation frame (16 ms timer without frames). */
  schedule?: Scheduler;
}

/**
 * Conversations asked per page after the first (which is the server's default, 50, for a quick
 * first paint): a reader scrolling far waits for a quarter of the requests.
 */
const NEXT_PAGE_LIMIT = 200;

/** Call to unbind; also exposes the queue for tests and benchmarks. */
export interface ChatBinding {
  (): void;
  /** Applies queued events now. */
  flush(): void;
  /** Fetches the conversation list's first page and open invitations again. */
  resync(): Promise<void>;
  /** Fetches the conversation list's next page, if any (one request at a time; none while a sync runs). */
  loadMoreConversations(): Promise<void>;
  readonly queue: IngestQueue;
}

/**
 * Answers to a caller's own request: applied at once (after whatever is queued, so in stream order),
 * so the store shows the answer when the caller's Promise resolves.
 */
const ANSWERS: ReadonlySet<ClientInputKind> = new Set<ClientInputKind>([
  'history',
  'recalled',
  'readMarker',
  'invitation',
  'discarded',
  'profiles',
  'presence',
]);

function errorInfo(e: unknown): { code: number; message: string } {
  const err = e as Partial<NatterError> | null;
  return {
    code: typeof err?.code === 'number' ? err.code : 5000,
    message: typeof err?.message === 'string' ? err.message : String(e),
  };
}

/** Subscribes `store` to `client`'s events. Returns the dispose function. */
export function bindClient(client: ChatClient, store: ChatStore, options: BindClientOptions = {}): ChatBinding {
  const queue = createIngestQueue(store, options.schedule ?? frameScheduler);
  const offs: (() => void)[] = [];
  let disposed = false;
  let bootstrapped = false;
  let syncing: Promise<void> | null = null;
  let paging: Promise<void> | null = null;
  let recounting = false;
  let typingTimer: ReturnType<typeof setTimeout> | null = null;

  const resync = (): Promise<void> => {
    if (syncing) return syncing;
    queue.push({ kind: 'syncing', syncing: true });
    // Batches from the next one on (queued events included) are newer than the answer may show.
    const startedAt = store.batchCount() + 1;
    syncing = Promise.all([client.conversationPage(), client.pendingInvitations()])
      .then(([page, invitations]) => {
        if (disposed) return;
        bootstrapped = true;
        const { conversations, cursor, unreadTotal } = page;
        queue.push({
          kind: 'conversations',
          conversations,
          startedAt,
          cursor,
          ...definedFields({ unreadTotal }),
        });
        queue.push({ kind: 'invitations', invitations, startedAt });
        // The sync's end goes with its answer: one store change, not a second one (and a second
        // render of every list) in the frame that paints the first page.
        queue.push({ kind: 'syncing', syncing: false });
        // Applied when it arrives, like answers to a caller's request: the list's first paint waits
        // for this page, and a render now is painted with the next frame instead of one frame later.
        queue.flush();
      })
      .catch((e: unknown) => {
        if (disposed) return;
        queue.push({ kind: 'connection', state: client.state, error: errorInfo(e) });
        queue.push({ kind: 'syncing', syncing: false });
      })
      .finally(() => {
        syncing = null;
      });
    return syncing;
  };

  const loadMoreConversations = (): Promise<void> => {
    if (paging) return paging;
    if (syncing) return syncing;
    const cursor = store.getState().conversations.cursor;
    if (cursor === null) return Promise.resolve();
    // `paging` is cleared before the page is applied: rendering it may ask for the next one at once.
    paging = client.conversationPage({ cursor, limit: NEXT_PAGE_LIMIT }).then(
      (page) => {
        paging = null;
        if (disposed) return;
        queue.push({ kind: 'conversationPage', conversations: page.conversations, after: cursor, cursor: page.cursor });
        queue.flush(); // the caller sees the page when its Promise resolves
      },
      (e: unknown) => {
        paging = null;
        if (!disposed) queue.push({ kind: 'connection', state: client.state, error: errorInfo(e) });
      },
    );
    return paging;
  };

  // A read marker moved in a conversation not loaded yet: its old count is unknown here, the server's total is not.
  const recountUnread = (): void => {
    if (recounting) return;
    recounting = true;
    client
      .conversationPage({ limit: 1 })
      .then((page) => {
        if (!disposed && page.unreadTotal !== undefined)
          queue.push({ kind: 'unreadTotal', unreadTotal: page.unreadTotal });
      })
      .catch(() => undefined) // the next sync counts again
      .finally(() => {
        recounting = false;
      });
  };

  // A change waits: its overlay loads with the first one (it shows as soon as it has).
  const showChanges = (): void => {
    if (!pendingChangeView())
      loadPendingChangeView().then(() => disposed || queue.push({ kind: 'changesShown' }), console.error);
  };

  // Registered before any input: cached state is drawn only before the first welcome.
  const offline = lazyOfflineSync(client, store, queue);
  offs.push(
    client.on('input', (input) => {
      offline.seen(input);
      if (input.kind === 'event' && input.event.type === 'readState') {
        const list = store.getState().conversations;
        if (list.cursor !== null && !list.summaries.has(input.event.conversation)) recountUnread();
      }
      if (input.kind === 'change') showChanges();
      queue.push(input);
      if (ANSWERS.has(input.kind)) queue.flush();
      else if (input.kind === 'ready' && (input.reset || !bootstrapped)) void resync();
    }),
  );

  // Call snapshots are applied at once, like answers: a control's new state shows when its Promise resolves.
  let offCall: (() => void) | null = null;
  offs.push(
    watchCallClient(client, (calls) => {
      const push = (): void => {
        queue.push({ kind: 'call', call: calls.current, mediaError: calls.mediaError, devices: calls.devices });
        queue.flush();
      };
      if (disposed) return;
      offCall = calls.subscribe(push);
      if (calls.current || calls.mediaError) push();
    }),
    () => offCall?.(),
  );

  // Typing indicators expire without an event: sweep them while any are shown.
  offs.push(
    store.subscribe((s) => {
      if (typingTimer || Object.keys(s.typing).length === 0) return;
      typingTimer = setTimeout(() => {
        typingTimer = null;
        queue.push({ kind: 'typingExpired', now: Date.now() });
      }, TYPING_TTL_MS / 2);
    }),
  );

  // What the client knew before this binding: its state, outbox and queued changes (e.g. restored from storage).
  queue.push({ kind: 'connection', state: client.state });
  for (const p of client.pending()) queue.push({ kind: 'outbox', pending: p });
  for (const change of client.pendingChanges()) {
    showChanges();
    queue.push({ kind: 'change', change });
  }
  if (client.state === 'open') {
    queue.push({ kind: 'ready', resumed: false, reset: false, user: client.user });
    void resync();
  }

  const dispose = (() => {
    if (disposed) return;
    disposed = true;
    for (const off of offs) off();
    if (typingTimer) clearTimeout(typingTimer);
    queue.dispose();
    offline.dispose();
  }) as ChatBinding;
  return Object.assign(dispose, { flush: () => queue.flush(), resync, loadMoreConversations, queue });
}

// Owns the store's one writer: it feeds the client's input stream (events,
// answers to the client's own requests, outbox, connection) into the store in
// batches, and on a fresh or reset session fetches the conversation list and
// open invitations. Nothing else writes to a bound store: hooks call client
// methods and their answers arrive through the stream. The only `client.on`
// in natter's store and React layers.
import type { ChatClient, ClientInputKind } from '../client/chat-client-types';
import type { NatterError } from '../protocol/errors';
import type { ChatStore } from './create-chat-store';
import { createIngestQueue, frameScheduler, type IngestQueue, type Scheduler } from './ingest-queue';
import { TYPING_TTL_MS } from './reduce-messages';

export interface BindClientOptions {
  /** When queued events are applied; defaults to once per animation frame (16 ms timer without frames). */
  schedule?: Scheduler;
}

/** Call to unbind; also exposes the queue for tests and benchmarks. */
export interface ChatBinding {
  (): void;
  /** Applies queued events now. */
  flush(): void;
  /** Fetches the conversation list and open invitations again. */
  resync(): Promise<void>;
  readonly queue: IngestQueue;
}

/**
 * Answers to a caller's own request: applied at once (after whatever is queued, so in stream order),
 * so the store shows the answer when the caller's Promise resolves.
 */
const ANSWERS: ReadonlySet<ClientInputKind> = new Set<ClientInputKind>(['history', 'recalled', 'readMarker', 'invitation', 'discarded', 'profiles', 'presence']);

function errorInfo(e: unknown): { code: number; message: string } {
  const err = e as Partial<NatterError> | null;
  return { code: typeof err?.code === 'number' ? err.code : 5000, message: typeof err?.message === 'string' ? err.message : String(e) };
}

/** Subscribes `store` to `client`'s events. Returns the dispose function. */
export function bindClient(client: ChatClient, store: ChatStore, options: BindClientOptions = {}): ChatBinding {
  const queue = createIngestQueue(store, options.schedule ?? frameScheduler);
  const offs: (() => void)[] = [];
  let disposed = false;
  let bootstrapped = false;
  let syncing: Promise<void> | null = null;
  let typingTimer: ReturnType<typeof setTimeout> | null = null;

  const resync = (): Promise<void> => {
    if (syncing) return syncing;
    queue.push({ kind: 'syncing', syncing: true });
    // Batches from the next one on (queued events included) are newer than the answer may show.
    const startedAt = store.batchCount() + 1;
    syncing = Promise.all([client.conversations(), client.pendingInvitations()])
      .then(([conversations, invitations]) => {
        if (disposed) return;
        bootstrapped = true;
        queue.push({ kind: 'conversations', conversations, startedAt });
        queue.push({ kind: 'invitations', invitations, startedAt });
      })
      .catch((e: unknown) => {
        if (!disposed) queue.push({ kind: 'connection', state: client.state, error: errorInfo(e) });
      })
      .finally(() => {
        syncing = null;
        if (!disposed) queue.push({ kind: 'syncing', syncing: false });
      });
    return syncing;
  };

  offs.push(
    client.on('input', (input) => {
      queue.push(input);
      if (ANSWERS.has(input.kind)) queue.flush();
      else if (input.kind === 'ready' && (input.reset || !bootstrapped)) void resync();
    }),
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

  // What the client knew before this binding: its state and outbox (e.g. sends restored from storage).
  queue.push({ kind: 'connection', state: client.state });
  for (const p of client.pending()) queue.push({ kind: 'outbox', pending: p });
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
  }) as ChatBinding;
  return Object.assign(dispose, { flush: () => queue.flush(), resync, queue });
}

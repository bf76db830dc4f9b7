// Owns the client's input stream (`input` events): what the client learns, in
// the order it learns it. It also keeps a send's stored copy from entering the
// stream twice: when the server's `message` event for a send still in the
// outbox has come (the usual order), the send's answer adds nothing.
import type { NatterError } from '../protocol/errors';
import type { ChatEvent } from '../protocol/frames';
import type { UserId } from '../protocol/message';
import type { ClientInput, ErrorInfo } from './client-input';
import type { ConnectionState } from './connection-state';
import type { PendingMessage } from './pending-message';

function errorInfo(e: NatterError): ErrorInfo {
  return { code: e.code, message: e.message };
}

export interface InputStreamDeps {
  emit(input: ClientInput): void;
  user(): UserId;
  /** Whether a send is still in the outbox (waiting for its answer). */
  inOutbox(localId: string): boolean;
}

export class InputStream {
  /** localIds of sends in flight whose stored copy already came in an event (pruned by the answer or a discard). */
  readonly #storedSeen = new Set<string>();

  readonly #deps: InputStreamDeps;

  constructor(deps: InputStreamDeps) {
    this.#deps = deps;
  }

  /** Anything learnt from an answer (or the connection) that needs no bookkeeping. */
  push(input: ClientInput): void {
    this.#deps.emit(input);
  }

  connection(state: ConnectionState, error?: NatterError): void {
    this.#deps.emit(error ? { kind: 'connection', state, error: errorInfo(error) } : { kind: 'connection', state });
  }

  event(e: ChatEvent, pos?: number): void {
    if (e.type === 'message' && e.message.from === this.#deps.user() && this.#deps.inOutbox(e.message.localId))
      this.#storedSeen.add(e.message.localId);
    this.#deps.emit(pos === undefined ? { kind: 'event', event: e } : { kind: 'event', event: e, pos });
  }

  outbox(p: PendingMessage): void {
    if (p.status !== 'sent') this.#deps.emit({ kind: 'outbox', pending: p });
    else if (!this.#storedSeen.delete(p.localId) && p.message)
      this.#deps.emit({ kind: 'sent', conversation: p.conversation, message: p.message });
  }

  discarded(entry: PendingMessage | undefined): void {
    if (!entry) return;
    this.#storedSeen.delete(entry.localId);
    this.#deps.emit({ kind: 'discarded', conversation: entry.conversation, localId: entry.localId });
  }
}

// Owns what the store's side of the offline cache learns from the client's
// inputs (whether a welcome came, the position of the last event) and its
// interface, shared by the part loaded at once and the chunk loaded later.
import type { ClientInput } from '../client/chat-client-types';

export interface OfflineSync {
  /** Every input the binding queues, before it is queued. */
  seen(input: ClientInput): void;
  /** Writes what is waiting and stops. */
  dispose(): void;
}

export const NO_OFFLINE_SYNC: OfflineSync = { seen: () => undefined, dispose: () => undefined };

export interface InputsSeen {
  /** A welcome came: cached state would be older than what is applied. */
  welcomed: boolean;
  /** The position of the last event seen. */
  pos: number | null;
}

export function noteInput(seen: InputsSeen, input: ClientInput): void {
  if (input.kind === 'ready') seen.welcomed = true;
  else if (input.kind === 'event' && input.pos !== undefined) seen.pos = input.pos;
}

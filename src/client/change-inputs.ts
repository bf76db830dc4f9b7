// Owns how the change queue's edits, reactions, deletes, pins and forwards
// enter the client's input stream: each one as it waits (so the store shows
// it pending, also after a reload), then its settlement with the server's copy
// of the message (applied at once, so the pending view gives way to the same
// result without a flash) or, when the server refused it, with the reason.
import type { Message } from '../protocol/message';
import type { ChangeObserver } from './change-queue';
import type { ClientInput } from './client-input';
import { pendingChangeOf } from './pending-change';

/** Pushes each change and its settlement as inputs; `also` hears of them too (the user's other tabs). */
export function changeInputs(push: (input: ClientInput) => void, also?: ChangeObserver): ChangeObserver {
  return {
    queued(saved) {
      const change = pendingChangeOf(saved);
      if (change) push({ kind: 'change', change });
      also?.queued(saved);
    },
    settled(saved, result, error) {
      // `react`, `edit`, `delete` and `forward` answer { message }.
      const message = (result as { message?: Message | null } | null)?.message ?? null;
      if (pendingChangeOf(saved))
        push({
          kind: 'changeSettled',
          id: saved.id,
          message,
          ...(error && { error: { code: error.code, message: error.message } }),
        });
      also?.settled(saved, result, error);
    },
  };
}

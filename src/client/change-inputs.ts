// Owns how the change queue's edits and reactions enter the client's input
// stream: each one as it waits (so the store shows it pending, also after a
// reload), then its settlement with the server's copy of the message (applied
// at once, so the pending view gives way to the same result without a flash)
// or without one when the server refused it.
import type { Message } from '../protocol/message';
import type { ChangeObserver } from './change-queue';
import type { ClientInput } from './client-input';
import { pendingChangeOf } from './pending-change';

export function changeInputs(push: (input: ClientInput) => void): ChangeObserver {
  return {
    queued(saved) {
      const change = pendingChangeOf(saved);
      if (change) push({ kind: 'change', change });
    },
    settled(saved, result) {
      if (!pendingChangeOf(saved)) return;
      // `react` and `edit` answer { message }.
      const message = (result as { message?: Message } | null)?.message ?? null;
      push({ kind: 'changeSettled', id: saved.id, message });
    },
  };
}

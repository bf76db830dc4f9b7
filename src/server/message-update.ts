// Owns changing a stored message in place (reactions, edits, a thread
// root's summary): the change is computed from the message as stored at
// commit time, inside the transaction, so concurrent changes from several
// users compose instead of overwriting each other; the whole new state goes
// to every member as one `messageUpdate` (clients replace, never add up, so
// counts cannot drift).
import { ErrorCode } from '../protocol/errors';
import type { Message } from '../protocol/message';
import type { CoreContext } from './context';
import { fail } from './context';
import type { MessageAccess } from './message-access';
import { conversationFor } from './message-access';

export type UpdateReason = 'edit' | 'reaction' | 'thread';

/**
 * Runs `change` on the stored message inside a transaction. `change` returns the new message, or
 * null for "nothing to do" (the stored one is answered, no event); it may throw a NatterError.
 * Must be called outside any transaction.
 */
export function updateMessage(ctx: CoreContext, access: Pick<MessageAccess, 'audience' | 'ephemeral'>, serverId: string, reason: UpdateReason, change: (current: Message) => Message | null): Message {
  return ctx.events.tx(() => applyUpdate(ctx, access, serverId, reason, change));
}

/** The same, inside a transaction the caller runs (e.g. a thread reply's commit). */
export function applyUpdate(ctx: CoreContext, access: Pick<MessageAccess, 'audience' | 'ephemeral'>, serverId: string, reason: UpdateReason, change: (current: Message) => Message | null): Message {
  const current = ctx.storage.getMessage(serverId)?.message ?? fail(ErrorCode.MESSAGE_NOT_FOUND);
  const next = change(current);
  if (!next) return current;
  next.rev = (current.rev ?? 0) + 1;
  ctx.storage.updateMessage(next);
  const event = (user: string) => ({ type: 'messageUpdate' as const, message: next, conversation: conversationFor(next, user), reason });
  if (access.ephemeral) ctx.events.ephemeral(access.audience, event);
  else ctx.events.durable(access.audience, event);
  return next;
}

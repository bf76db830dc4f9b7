// Owns changing a stored message in place (reactions, edits, a thread
// root's summary): the change is computed from the message as stored, read
// inside the transaction, so concurrent changes from several users compose
// instead of overwriting each other; the whole new state (with its `rev`
// raised) goes to every member as one `messageUpdate` (clients replace,
// never add up, so counts cannot drift).
import { ErrorCode } from '../protocol/errors';
import type { Message } from '../protocol/message';
import type { CoreContext } from './context';
import { fail, inTx } from './context';
import type { MessageAccess } from './message-access';
import { conversationFor } from './message-access';

export type UpdateReason = 'edit' | 'reaction' | 'thread';
type Audience = Pick<MessageAccess, 'audience' | 'ephemeral'>;

/**
 * Runs `change` on the stored message in a transaction (joins the caller's when inside one).
 * `change` returns the new message, or null for "nothing to do" (the stored one is answered, no
 * event); it may throw a NatterError.
 */
export function updateMessage(
  ctx: CoreContext,
  access: Audience,
  serverId: string,
  reason: UpdateReason,
  change: (current: Message) => Message | null,
): Promise<Message> {
  return inTx(ctx, (t) => applyUpdate(t, access, serverId, reason, change));
}

/** The same, with `t` a transaction's context. */
export async function applyUpdate(
  t: CoreContext,
  access: Audience,
  serverId: string,
  reason: UpdateReason,
  change: (current: Message) => Message | null,
): Promise<Message> {
  const current = (await t.storage.getMessage(serverId))?.message ?? fail(ErrorCode.MESSAGE_NOT_FOUND);
  const next = change(current);
  if (!next) return current;
  next.rev = (current.rev ?? 0) + 1;
  await t.storage.updateMessage(next);
  const event = (user: string) => ({
    type: 'messageUpdate' as const,
    message: next,
    conversation: conversationFor(next, user),
    reason,
  });
  if (access.ephemeral) t.events.ephemeral(access.audience, event);
  else t.events.durable(access.audience, event);
  return next;
}

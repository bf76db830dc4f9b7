// Owns per-conversation mute on the server: `mute` and `unmute` keep the
// user's choice in their conversation state (so every storage keeps it, and
// migrate-db copies it), tell all the user's devices, and answer whether a
// conversation is muted now (a mute with a past end time is over).
import { ErrorCode } from '../protocol/errors';
import type { ConversationId } from '../protocol/ids';
import type { ConversationMute } from '../protocol/mute';
import type { Caller, CoreContext } from './context';
import { fail, inTx } from './context';
import { keyOfConversationId } from './conversation-key';
import { newConversationState } from './conversation-state';
import type { OpHandlers } from './op-handler';
import type { ConversationStateRecord } from './storage';

/** The state's mute if it is still in force at `now`, else null. */
export function activeMute(state: ConversationStateRecord | null, now: number): ConversationMute | null {
  const mute = state?.mute;
  if (!mute) return null;
  return mute.until === undefined || mute.until > now ? mute : null;
}

async function setMute(ctx: CoreContext, user: string, id: ConversationId, mute: ConversationMute | null) {
  const c = keyOfConversationId(user, id) ?? fail(ErrorCode.INVALID_PARAMS, 'invalid conversation id');
  await inTx(ctx, async ({ storage }) => {
    const existing = await storage.getConversationState(user, c.key);
    const state = existing ?? newConversationState(user, c.key, c.type, c.target, ctx.clock.now());
    // Muting a conversation with nothing in it yet does not list it; its first message will.
    if (!existing) state.hidden = true;
    if (mute) state.mute = mute;
    else delete state.mute;
    await storage.putConversationState(state);
    ctx.events.durable([user], { type: 'conversationMute', conversation: state.id, mute });
  });
}

async function mute(
  ctx: CoreContext,
  caller: Caller,
  p: { conversation: ConversationId; until?: number },
): Promise<{ mute: ConversationMute }> {
  if (p.until !== undefined && p.until <= ctx.clock.now()) fail(ErrorCode.INVALID_PARAMS, 'until is in the past');
  const value: ConversationMute = p.until !== undefined ? { until: p.until } : {};
  await setMute(ctx, caller.user, p.conversation, value);
  return { mute: value };
}

async function unmute(
  ctx: CoreContext,
  caller: Caller,
  p: { conversation: ConversationId },
): Promise<Record<string, never>> {
  await setMute(ctx, caller.user, p.conversation, null);
  return {};
}

export const muteOps: OpHandlers<'mute' | 'unmute'> = { mute, unmute };

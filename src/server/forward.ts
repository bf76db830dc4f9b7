// Owns forwarding: a copy of a message this user can see (602/508 otherwise;
// no tombstones, signaling steps or commands: 510) sent to another
// conversation as an ordinary send — same routing rules, idempotent by the
// new `localId` — marked with who wrote the original. Attachments are not
// re-uploaded: the copy names the same stored file.
import { ErrorCode } from '../protocol/errors';
import type { ChatType, OutgoingBody } from '../protocol/message';
import type { Caller, CoreContext } from './context';
import { fail } from './context';
import { requireLiveContent, requireMessageAccess } from './message-access';
import { startSend } from './messaging';
import type { OpAnswer } from './op-handler';

async function forward(
  ctx: CoreContext,
  caller: Caller,
  p: { serverId: string; localId: string; to: string; chatType: ChatType },
): Promise<OpAnswer<'forward'>> {
  const existing = await ctx.storage.getMessageByLocalId(caller.user, p.localId);
  if (existing) return { message: existing.message };
  const { message: source } = await requireMessageAccess(ctx, caller.user, p.serverId);
  requireLiveContent(source, 'forwarded');
  if (source.body.type === 'cmd') fail(ErrorCode.NOT_ALLOWED, 'commands cannot be forwarded');
  const body = source.body as OutgoingBody;
  return startSend(
    ctx,
    caller,
    { localId: p.localId, to: p.to, chatType: p.chatType, body },
    { forwarded: { from: source.forwarded?.from ?? source.from } },
  ).result;
}

export const forwardOps = { forward };

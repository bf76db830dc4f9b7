// Owns editing: only the author, only text messages (text stays text),
// within the server's edit window (`limits.editWindowMs`, 4091 after; no
// window when unset), through the same moderation hook as a send (501/502).
// The message keeps its serverId, seq and time and is marked `edited`; the
// client's `editId` makes a retried edit (lost answer, offline queue) apply
// once even if another edit came in between. Mentions the edit adds or
// removes raise or drop those members' mention badges (mentions.ts).
import { ErrorCode } from '../protocol/errors';
import type { Ops } from '../protocol/frames';
import type { Message, TextBody } from '../protocol/message';
import type { Caller, CoreContext } from './context';
import { fail, inTx } from './context';
import { requireLiveContent, requireMessageAccess } from './message-access';
import { applyUpdate } from './message-update';
import { cleanMentions, reconcileMentions } from './mentions';

async function moderateEdit(ctx: CoreContext, current: Message, body: TextBody): Promise<void> {
  const hook = ctx.options.moderate;
  if (!hook) return;
  const v = await hook({ ...current, body });
  const { verdict, reason } = typeof v === 'string' ? { verdict: v, reason: undefined } : v;
  if (verdict === 'reject') fail(ErrorCode.SENSITIVE_WORDS, reason);
  if (verdict === 'intercept') fail(ErrorCode.INTERCEPTED, reason);
}

function checkEditable(ctx: CoreContext, m: Message, user: string): void {
  if (m.from !== user) fail(ErrorCode.NOT_ALLOWED, 'only the author can edit a message');
  requireLiveContent(m, 'edited');
  if (m.body.type !== 'txt') fail(ErrorCode.NOT_ALLOWED, 'only text messages can be edited');
  const window = ctx.limits.editWindowMs;
  if (window !== undefined && ctx.clock.now() - m.ts > window) fail(ErrorCode.EDIT_WINDOW_PASSED);
}

async function edit(ctx: CoreContext, caller: Caller, p: Ops['edit']['p']): Promise<{ message: Message }> {
  const access = await requireMessageAccess(ctx, caller.user, p.serverId);
  if (access.message.edited?.id === p.editId) return { message: access.message };
  checkEditable(ctx, access.message, caller.user);
  await moderateEdit(ctx, access.message, p.body);
  const mentions = p.mentions ? cleanMentions(access.message, p.mentions) : undefined;
  const message = await inTx(ctx, async (t) => {
    const edited: { before?: Message } = {};
    const next = await applyUpdate(t, access, p.serverId, 'edit', (current) => {
      if (current.edited?.id === p.editId) return null;
      checkEditable(ctx, current, caller.user);
      edited.before = current;
      const changed: Message = {
        ...current,
        body: { type: 'txt', msg: p.body.msg },
        edited: { at: ctx.clock.now(), id: p.editId },
      };
      if (mentions) changed.mentions = mentions;
      else if (p.mentions) delete changed.mentions;
      return changed;
    });
    if (edited.before) await reconcileMentions(t, edited.before, next, access.audience);
    return next;
  });
  return { message };
}

export const editOps = { edit };

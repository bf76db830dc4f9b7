// Owns call invitations with the server as the authority: the record with
// each invitee's state, compare-and-set transitions (first answer wins,
// later ones 8010), who may do what (cancel: inviter only, 8020; accept and
// reject: a pending invitee, 8011; modify: the inviter, data of a stored invitation still open),
// server-fired timeouts, a server-stamped `signal` message in history for
// every step unless onlineUserOnly (then nothing is stored and only
// connected sessions hear of it), and the offline push hook (calls included). A stored
// invitation changes only by compare-and-set in storage (one winner across
// nodes); timeouts are claimed for a lease (one node works on each) and
// applied by the same compare-and-set, so each fires once.
import { ErrorCode, NatterError } from '../protocol/errors';
import type { Ops } from '../protocol/frames';
import type { Invitation, InvitationAction } from '../protocol/invitation';
import { excludedFromHistory, isInvitationOpen } from '../protocol/invitation';
import type { Message, SignalBody, UserId } from '../protocol/message';
import { rtcCallType } from '../protocol/rtc';
import { isBlocked } from './blocklist';
import type { Caller, CoreContext } from './context';
import { fail, inTx } from './context';
import { notifyInvitation } from './push-notices';
import { signalLocalId } from './id-source';
import { requireGroupMember } from './membership';
import { storeMessage } from './message-store';
import type { OpHandlers } from './op-handler';
import { followInvitation } from './rtc-lifecycle';

type Answer = { invitation: Invitation; message: Message | null };

function participants(inv: Invitation): UserId[] {
  return [inv.inviter, ...inv.invitees];
}

const TIMEOUT_BATCH = 1000;
/** How long a node may work on claimed timeouts before another node may take them over. */
const CLAIM_LEASE_MS = 5_000;

const copy = (inv: Invitation): Invitation => JSON.parse(JSON.stringify(inv)) as Invitation;

/** The invitation and, for a stored one, the record as read (the compare-and-set's expectation). */
async function load(ctx: CoreContext, inviteId: string): Promise<{ inv: Invitation; read: Invitation | null }> {
  const live = ctx.liveInvitations.get(inviteId);
  if (live) return { inv: live, read: null };
  const inv = (await ctx.storage.getInvitation(inviteId)) ?? fail(ErrorCode.INVITATION_INVALID);
  return { inv, read: copy(inv) };
}

/**
 * onlineUserOnly invitations live in this process, unless several nodes share the storage: then
 * the record is stored (never a message nor a durable event) so that any node can answer it.
 */
function inMemory(ctx: CoreContext, inv: Invitation): boolean {
  return inv.onlineUserOnly && !ctx.storage.shared;
}

/** Keeps `inv`; a stored one changes only if it is still as `read` (else someone else moved first: 8010). */
async function save(ctx: CoreContext, inv: Invitation, read: Invitation | null): Promise<void> {
  if (inMemory(ctx, inv)) {
    if (isInvitationOpen(inv)) ctx.liveInvitations.set(inv.inviteId, inv);
    else ctx.liveInvitations.delete(inv.inviteId);
  } else if (read === null) {
    await ctx.storage.putInvitation(inv);
  } else if (!(await ctx.storage.replaceInvitation(inv, read))) {
    fail(ErrorCode.INVITATION_INVALID, 'invitation already handled');
  }
}

/** The history message of one step (stored invitations only). Runs inside a transaction. */
async function stepMessage(
  ctx: CoreContext,
  inv: Invitation,
  action: InvitationAction,
  actor: UserId,
  data: string,
  invitee?: UserId,
): Promise<Message | null> {
  if (inv.onlineUserOnly) return null;
  const body: SignalBody = {
    type: 'signal',
    action,
    inviteId: inv.inviteId,
    inviter: inv.inviter,
    invitees: inv.invitees,
    data,
    timeout: inv.timeout,
  };
  if (inv.groupId !== undefined) body.groupId = inv.groupId;
  if (invitee !== undefined) body.invitee = invitee;
  const peer = actor === inv.inviter ? (invitee ?? inv.invitees[0] ?? inv.inviter) : inv.inviter;
  const to = inv.groupId ?? peer;
  const members = inv.groupId
    ? ((await ctx.storage.getGroup(inv.groupId))?.members ?? participants(inv))
    : [actor, peer];
  const draft = {
    localId: signalLocalId(ctx.ids.serverId()),
    from: actor,
    to,
    chatType: inv.groupId ? ('group' as const) : ('single' as const),
    body,
  };
  return (await storeMessage(ctx, excludedFromHistory(data) ? { ...draft, excluded: true } : draft, { members }))
    .message;
}

/** Applies one step: saves the record, writes the message, tells every participant's devices. */
function step(
  ctx: CoreContext,
  inv: Invitation,
  read: Invitation | null,
  action: InvitationAction,
  actor: UserId,
  data: string,
  invitee?: UserId,
): Promise<Answer> {
  return inTx(ctx, async (t) => {
    await save(t, inv, read);
    const message = await stepMessage(t, inv, action, actor, data, invitee);
    const event = {
      type: 'invitation' as const,
      action,
      invitation: inv,
      by: actor,
      data,
      message,
      ...(invitee !== undefined ? { invitee } : {}),
    };
    if (inv.onlineUserOnly) ctx.events.ephemeral(participants(inv), event);
    else ctx.events.durable(participants(inv), event);
    await followInvitation(t, inv, data);
    return { invitation: inv, message };
  });
}

async function invite(ctx: CoreContext, caller: Caller, p: Ops['sig.invite']['p']): Promise<Answer> {
  const invitees = [...new Set(p.invitees)];
  if (invitees.includes(caller.user)) fail(ErrorCode.INVALID_PARAMS, 'cannot invite yourself');
  if (p.groupId !== undefined) {
    const group = await requireGroupMember(ctx.storage, p.groupId, caller.user);
    const outsider = invitees.find((u) => !group.members.includes(u));
    if (outsider !== undefined) fail(ErrorCode.NOT_IN_GROUP, `${outsider} is not a member of the group`);
  } else {
    if (invitees.length !== 1) fail(ErrorCode.INVALID_PARAMS, 'invite one user, or use a group');
    if (await isBlocked(ctx, invitees[0]!, caller.user)) fail(ErrorCode.BLOCKED);
  }
  const now = ctx.clock.now();
  const timeout = p.timeout ?? 0;
  const inv: Invitation = {
    inviteId: ctx.ids.inviteId(),
    inviter: caller.user,
    invitees,
    data: p.data ?? '',
    timeout,
    onlineUserOnly: p.onlineUserOnly === true,
    createdAt: now,
    deadline: timeout > 0 ? now + timeout * 1000 : null,
    states: Object.fromEntries(invitees.map((u) => [u, 'pending'])),
  };
  if (p.groupId !== undefined) inv.groupId = p.groupId;
  if (p.offlinePushInfo !== undefined) inv.offlinePushInfo = p.offlinePushInfo;
  const answer = await step(ctx, inv, null, 'invite', caller.user, inv.data);
  ctx.timers.arm(inv.deadline);
  if (pushes(inv)) void notifyInvitation(ctx, inv, answer.message);
  return answer;
}

/**
 * Whether an invitee with no session gets a push. Not for onlineUserOnly invitations, except calls
 * that carry offlinePushInfo: a call is onlineUserOnly to stay out of history (its summary message
 * is the record), and ringing a phone whose app is closed is what its push is for.
 */
function pushes(inv: Invitation): boolean {
  if (inv.offlinePushInfo?.disablePush === true) return false;
  return !inv.onlineUserOnly || (inv.offlinePushInfo !== undefined && rtcCallType(inv.data) !== null);
}

function cancel(ctx: CoreContext, caller: Caller, p: { inviteId: string; data?: string }): Promise<Answer> {
  return inTx(ctx, async (t) => {
    const { inv, read } = await load(t, p.inviteId);
    if (inv.inviter !== caller.user) fail(ErrorCode.INVITATION_INVALID_CANCEL, 'only the inviter can cancel');
    if (!isInvitationOpen(inv)) fail(ErrorCode.INVITATION_INVALID);
    for (const u of inv.invitees) if (inv.states[u] === 'pending') inv.states[u] = 'cancelled';
    return step(t, inv, read, 'cancel', caller.user, p.data ?? '');
  });
}

function answer(
  ctx: CoreContext,
  caller: Caller,
  p: { inviteId: string; data?: string },
  state: 'accepted' | 'rejected',
): Promise<Answer> {
  // Compare-and-set: only a still-pending invitee moves, once, even when devices on several nodes race.
  return inTx(ctx, async (t) => {
    const { inv, read } = await load(t, p.inviteId);
    if (!inv.invitees.includes(caller.user)) fail(ErrorCode.INVITATION_NO_PERMISSION, 'not invited');
    if (inv.states[caller.user] !== 'pending') fail(ErrorCode.INVITATION_INVALID, 'invitation already handled');
    inv.states[caller.user] = state;
    return step(t, inv, read, state === 'accepted' ? 'accept' : 'reject', caller.user, p.data ?? '', caller.user);
  });
}

function modify(ctx: CoreContext, caller: Caller, p: { inviteId: string; data: string }): Promise<Answer> {
  return inTx(ctx, async (t) => {
    const { inv, read } = await load(t, p.inviteId);
    // The inviter's to change, and only while someone may still answer it.
    if (inv.inviter !== caller.user)
      fail(ErrorCode.INVITATION_NO_PERMISSION, 'only the inviter can modify the invitation');
    if (inv.onlineUserOnly) fail(ErrorCode.INVITATION_NO_PERMISSION, 'onlineUserOnly invitations cannot be modified');
    if (!isInvitationOpen(inv))
      fail(ErrorCode.INVITATION_INVALID, 'the invitation was already answered, cancelled or timed out');
    inv.data = p.data;
    return step(t, inv, read, 'modify', caller.user, p.data);
  });
}

async function get(ctx: CoreContext, caller: Caller, p: { inviteId: string }): Promise<{ invitation: Invitation }> {
  const { inv } = await load(ctx, p.inviteId);
  if (!participants(inv).includes(caller.user)) fail(ErrorCode.INVITATION_NO_PERMISSION, 'not part of this invitation');
  return { invitation: inv };
}

async function pending(ctx: CoreContext, caller: Caller): Promise<{ invitations: Invitation[] }> {
  const live = [...ctx.liveInvitations.values()].filter((i) => participants(i).includes(caller.user));
  return { invitations: [...(await ctx.storage.listOpenInvitations(caller.user)), ...live] };
}

/** Times out every invitation whose deadline has passed; returns the next deadline. */
export async function runInvitationTimeouts(ctx: CoreContext): Promise<number | null> {
  const now = ctx.clock.now();
  const claimed = await ctx.storage.claimDueInvitations(now, TIMEOUT_BATCH, ctx.nodeId, now + CLAIM_LEASE_MS);
  const due = [
    ...claimed,
    ...[...ctx.liveInvitations.values()].filter((i) => i.deadline !== null && i.deadline <= now),
  ];
  for (const found of due) {
    try {
      await inTx(ctx, async (t) => {
        const inv = inMemory(t, found) ? found : await t.storage.getInvitation(found.inviteId);
        if (!inv || !isInvitationOpen(inv) || inv.deadline === null || inv.deadline > now) return;
        const read = inMemory(t, inv) ? null : copy(inv);
        const timedOut = inv.invitees.filter((u) => inv.states[u] === 'pending');
        for (const u of timedOut) inv.states[u] = 'timeout';
        await save(t, inv, read);
        const message = await stepMessage(
          t,
          inv,
          'timeout',
          inv.inviter,
          inv.data,
          timedOut.length === 1 ? timedOut[0] : undefined,
        );
        for (const u of timedOut) {
          const event = {
            type: 'invitation' as const,
            action: 'timeout' as const,
            invitation: inv,
            by: u,
            invitee: u,
            data: inv.data,
            message,
          };
          if (inv.onlineUserOnly) ctx.events.ephemeral(participants(inv), event);
          else ctx.events.durable(participants(inv), event);
        }
        await followInvitation(t, inv);
      });
    } catch (e) {
      // Answered or timed out meanwhile (compare-and-set lost): nothing left to do for it.
      if (!(e instanceof NatterError && e.code === ErrorCode.INVITATION_INVALID)) throw e;
    }
  }
  if (due.length >= TIMEOUT_BATCH) return now;
  const live = [...ctx.liveInvitations.values()].map((i) => i.deadline).filter((d): d is number => d !== null);
  const stored = await ctx.storage.nextInvitationDeadline();
  const all = stored === null ? live : [...live, stored];
  return all.length ? Math.min(...all) : null;
}

export const signalingOps: OpHandlers<
  'sig.invite' | 'sig.cancel' | 'sig.accept' | 'sig.reject' | 'sig.modify' | 'sig.get' | 'sig.pending'
> = {
  'sig.invite': invite,
  'sig.cancel': cancel,
  'sig.accept': (ctx, caller, p) => answer(ctx, caller, p, 'accepted'),
  'sig.reject': (ctx, caller, p) => answer(ctx, caller, p, 'rejected'),
  'sig.modify': modify,
  'sig.get': get,
  'sig.pending': pending,
};

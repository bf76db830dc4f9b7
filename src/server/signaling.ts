// Owns call invitations with the server as the authority: the record with
// each invitee's state, compare-and-set transitions (first answer wins,
// later ones 8010), who may do what (cancel: inviter only, 8020; accept and
// reject: a pending invitee, 8011; modify: data of a stored invitation),
// server-fired timeouts, a server-stamped `signal` message in history for
// every step unless onlineUserOnly (then nothing is stored and only
// connected sessions hear of it), and the offline push hook.
import { ErrorCode } from '../protocol/errors';
import type { Ops } from '../protocol/frames';
import type { Invitation, InvitationAction, InviteeState } from '../protocol/invitation';
import { excludedFromHistory, isInvitationOpen } from '../protocol/invitation';
import type { Message, SignalBody, UserId } from '../protocol/message';
import { isBlocked } from './blocklist';
import type { Caller, CoreContext } from './context';
import { fail } from './context';
import { requireGroupMember } from './membership';
import { storeMessage } from './message-store';
import type { OpHandlers } from './op-handler';
import { followInvitation } from './rtc-lifecycle';

type Answer = { invitation: Invitation; message: Message | null };

function participants(inv: Invitation): UserId[] {
  return [inv.inviter, ...inv.invitees];
}

function load(ctx: CoreContext, inviteId: string): Invitation {
  return ctx.liveInvitations.get(inviteId) ?? ctx.storage.getInvitation(inviteId) ?? fail(ErrorCode.INVITATION_INVALID);
}

function save(ctx: CoreContext, inv: Invitation): void {
  if (inv.onlineUserOnly) {
    if (isInvitationOpen(inv)) ctx.liveInvitations.set(inv.inviteId, inv);
    else ctx.liveInvitations.delete(inv.inviteId);
  } else {
    ctx.storage.putInvitation(inv);
  }
}

/** The history message of one step (stored invitations only). Runs inside tx. */
function stepMessage(ctx: CoreContext, inv: Invitation, action: InvitationAction, actor: UserId, data: string, invitee?: UserId): Message | null {
  if (inv.onlineUserOnly) return null;
  const body: SignalBody = { type: 'signal', action, inviteId: inv.inviteId, inviter: inv.inviter, invitees: inv.invitees, data, timeout: inv.timeout };
  if (inv.groupId !== undefined) body.groupId = inv.groupId;
  if (invitee !== undefined) body.invitee = invitee;
  const peer = actor === inv.inviter ? (invitee ?? inv.invitees[0] ?? inv.inviter) : inv.inviter;
  const to = inv.groupId ?? peer;
  const members = inv.groupId ? (ctx.storage.getGroup(inv.groupId)?.members ?? participants(inv)) : [actor, peer];
  const draft = { localId: `~sig-${ctx.ids.serverId()}`, from: actor, to, chatType: inv.groupId ? ('group' as const) : ('single' as const), body };
  return storeMessage(ctx, excludedFromHistory(data) ? { ...draft, excluded: true } : draft, { members });
}

/** Applies one step: saves the record, writes the message, tells every participant's devices. */
function step(ctx: CoreContext, inv: Invitation, action: InvitationAction, actor: UserId, data: string, invitee?: UserId): Answer {
  return ctx.events.tx(() => {
    save(ctx, inv);
    const message = stepMessage(ctx, inv, action, actor, data, invitee);
    const event = { type: 'invitation' as const, action, invitation: inv, by: actor, data, message, ...(invitee !== undefined ? { invitee } : {}) };
    if (inv.onlineUserOnly) ctx.events.ephemeral(participants(inv), event);
    else ctx.events.durable(participants(inv), event);
    followInvitation(ctx, inv, data);
    return { invitation: inv, message };
  });
}

function invite(ctx: CoreContext, caller: Caller, p: Ops['sig.invite']['p']): Answer {
  const invitees = [...new Set(p.invitees)];
  if (invitees.includes(caller.user)) fail(ErrorCode.INVALID_PARAMS, 'cannot invite yourself');
  if (p.groupId !== undefined) {
    const group = requireGroupMember(ctx.storage, p.groupId, caller.user);
    const outsider = invitees.find((u) => !group.members.includes(u));
    if (outsider !== undefined) fail(ErrorCode.NOT_IN_GROUP, `${outsider} is not a member of the group`);
  } else {
    if (invitees.length !== 1) fail(ErrorCode.INVALID_PARAMS, 'invite one user, or use a group');
    if (isBlocked(ctx, invitees[0]!, caller.user)) fail(ErrorCode.BLOCKED);
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
    states: Object.fromEntries(invitees.map((u) => [u, 'pending' as InviteeState])),
  };
  if (p.groupId !== undefined) inv.groupId = p.groupId;
  if (p.offlinePushInfo !== undefined) inv.offlinePushInfo = p.offlinePushInfo;
  const answer = step(ctx, inv, 'invite', caller.user, inv.data);
  ctx.timers.arm(inv.deadline);
  notifyOffline(ctx, inv, answer.message);
  return answer;
}

function notifyOffline(ctx: CoreContext, inv: Invitation, message: Message | null): void {
  const push = ctx.options.push;
  if (!push || inv.onlineUserOnly || inv.offlinePushInfo?.disablePush === true) return;
  for (const user of inv.invitees) {
    if (ctx.sessions.isOnline(user)) continue;
    try {
      push(user, { kind: 'invitation', invitation: inv, offlinePushInfo: inv.offlinePushInfo, message });
    } catch (e) {
      (ctx.options.onError ?? console.error)(e);
    }
  }
}

function cancel(ctx: CoreContext, caller: Caller, p: { inviteId: string; data?: string }): Answer {
  return ctx.events.tx(() => {
    const inv = load(ctx, p.inviteId);
    if (inv.inviter !== caller.user) fail(ErrorCode.INVITATION_INVALID_CANCEL, 'only the inviter can cancel');
    if (!isInvitationOpen(inv)) fail(ErrorCode.INVITATION_INVALID);
    for (const u of inv.invitees) if (inv.states[u] === 'pending') inv.states[u] = 'cancelled';
    return step(ctx, inv, 'cancel', caller.user, p.data ?? '');
  });
}

function answer(ctx: CoreContext, caller: Caller, p: { inviteId: string; data?: string }, state: 'accepted' | 'rejected'): Answer {
  // Compare-and-set inside one transaction: only a still-pending invitee moves, once.
  return ctx.events.tx(() => {
    const inv = load(ctx, p.inviteId);
    if (!inv.invitees.includes(caller.user)) fail(ErrorCode.INVITATION_NO_PERMISSION, 'not invited');
    if (inv.states[caller.user] !== 'pending') fail(ErrorCode.INVITATION_INVALID, 'invitation already handled');
    inv.states[caller.user] = state;
    return step(ctx, inv, state === 'accepted' ? 'accept' : 'reject', caller.user, p.data ?? '', caller.user);
  });
}

function modify(ctx: CoreContext, caller: Caller, p: { inviteId: string; data: string }): Answer {
  return ctx.events.tx(() => {
    const inv = load(ctx, p.inviteId);
    if (!participants(inv).includes(caller.user)) fail(ErrorCode.INVITATION_NO_PERMISSION, 'not part of this invitation');
    if (inv.onlineUserOnly) fail(ErrorCode.INVITATION_NO_PERMISSION, 'onlineUserOnly invitations cannot be modified');
    inv.data = p.data;
    return step(ctx, inv, 'modify', caller.user, p.data);
  });
}

function get(ctx: CoreContext, caller: Caller, p: { inviteId: string }): { invitation: Invitation } {
  const inv = load(ctx, p.inviteId);
  if (!participants(inv).includes(caller.user)) fail(ErrorCode.INVITATION_NO_PERMISSION, 'not part of this invitation');
  return { invitation: inv };
}

function pending(ctx: CoreContext, caller: Caller): { invitations: Invitation[] } {
  const live = [...ctx.liveInvitations.values()].filter((i) => participants(i).includes(caller.user));
  return { invitations: [...ctx.storage.listOpenInvitations(caller.user), ...live] };
}

/** Times out every invitation whose deadline has passed; returns the next deadline. */
export function runInvitationTimeouts(ctx: CoreContext): number | null {
  const now = ctx.clock.now();
  const due = [...ctx.storage.listDueInvitations(now, 1000), ...[...ctx.liveInvitations.values()].filter((i) => i.deadline !== null && i.deadline <= now)];
  for (const found of due) {
    ctx.events.tx(() => {
      const inv = found.onlineUserOnly ? found : ctx.storage.getInvitation(found.inviteId);
      if (!inv || !isInvitationOpen(inv) || inv.deadline === null || inv.deadline > now) return;
      const timedOut = inv.invitees.filter((u) => inv.states[u] === 'pending');
      for (const u of timedOut) inv.states[u] = 'timeout';
      save(ctx, inv);
      const message = stepMessage(ctx, inv, 'timeout', inv.inviter, inv.data, timedOut.length === 1 ? timedOut[0] : undefined);
      for (const u of timedOut) {
        const event = { type: 'invitation' as const, action: 'timeout' as const, invitation: inv, by: u, invitee: u, data: inv.data, message };
        if (inv.onlineUserOnly) ctx.events.ephemeral(participants(inv), event);
        else ctx.events.durable(participants(inv), event);
      }
      followInvitation(ctx, inv);
    });
  }
  if (due.length >= 1000) return now;
  const live = [...ctx.liveInvitations.values()].map((i) => i.deadline).filter((d): d is number => d !== null);
  const stored = ctx.storage.nextInvitationDeadline();
  const all = stored === null ? live : [...live, stored];
  return all.length ? Math.min(...all) : null;
}

export const signalingOps: OpHandlers<'sig.invite' | 'sig.cancel' | 'sig.accept' | 'sig.reject' | 'sig.modify' | 'sig.get' | 'sig.pending'> = {
  'sig.invite': invite,
  'sig.cancel': cancel,
  'sig.accept': (ctx, caller, p) => answer(ctx, caller, p, 'accepted'),
  'sig.reject': (ctx, caller, p) => answer(ctx, caller, p, 'rejected'),
  'sig.modify': modify,
  'sig.get': get,
  'sig.pending': pending,
};

// Owns invitation state: every record seen, and which are open for this user
// (incoming: this user is an invitee still pending; outgoing: sent by this user
// with someone still pending). Openness is read from the record's states, so an
// answer given on another device closes it here too. A closed record is never
// reopened by a late or replayed event.
import { isInvitationOpen, type Invitation } from '../protocol/invitation';
import type { UserId } from '../protocol/message';
import type { InvitationsSlice } from './chat-state';
import type { StoreDraft } from './store-draft';

export function isIncomingOpen(inv: Invitation, user: UserId): boolean {
  return inv.inviter !== user && inv.states[user] === 'pending';
}

export function isOutgoingOpen(inv: Invitation, user: UserId): boolean {
  return inv.inviter === user && isInvitationOpen(inv);
}

function isOpenFor(inv: Invitation, user: UserId): boolean {
  return isIncomingOpen(inv, user) || isOutgoingOpen(inv, user);
}

/** Terminal invitee states never go back to pending: a record that reopens one is stale. */
function isStale(prev: Invitation, next: Invitation): boolean {
  for (const [u, s] of Object.entries(prev.states)) if (s !== 'pending' && next.states[u] === 'pending') return true;
  return false;
}

export function onInvitation(d: StoreDraft, inv: Invitation, live: boolean): void {
  const prev = d.peekInvitation(inv.inviteId);
  if (prev && isStale(prev, inv)) return;
  d.invitations.set(inv.inviteId, inv);
  if (live) d.ctx.inviteTouchedAt.set(inv.inviteId, d.ctx.batch);
}

/** Bootstrap: `open` are all open invitations at request time; others we show as open were closed meanwhile. */
export function onInvitationsBootstrap(d: StoreDraft, open: readonly Invitation[]): void {
  for (const inv of open) onInvitation(d, inv, false);
  d.openInvitesOnly = new Set(open.map((i) => i.inviteId));
}

function byCreated(byId: Readonly<Record<string, Invitation>>) {
  return (a: string, b: string) => (byId[a]?.createdAt ?? 0) - (byId[b]?.createdAt ?? 0);
}

export function commitInvitations(d: StoreDraft, startedAt: number | null): InvitationsSlice {
  const base = d.base.invitations;
  if (d.invitations.size === 0 && !d.openInvitesOnly) return base;
  const byId: Record<string, Invitation> = { ...base.byId };
  for (const [id, inv] of d.invitations) byId[id] = inv;
  const user = d.user;
  const keepOpen = (id: string): boolean => {
    const inv = byId[id];
    if (!inv || !isOpenFor(inv, user)) return false;
    if (!d.openInvitesOnly || d.openInvitesOnly.has(id)) return true;
    // Not in the bootstrap: keep only if a live event touched it after the request started.
    return startedAt !== null && (d.ctx.inviteTouchedAt.get(id) ?? -1) >= startedAt;
  };
  const candidates = new Set<string>([...base.incoming, ...base.outgoing, ...d.invitations.keys()]);
  const incoming: string[] = [];
  const outgoing: string[] = [];
  for (const id of candidates) {
    if (!keepOpen(id)) continue;
    const inv = byId[id] as Invitation;
    if (inv.inviter === user) outgoing.push(id);
    else incoming.push(id);
  }
  incoming.sort(byCreated(byId));
  outgoing.sort(byCreated(byId));
  return {
    byId,
    incoming: sameList(incoming, base.incoming) ? base.incoming : incoming,
    outgoing: sameList(outgoing, base.outgoing) ? base.outgoing : outgoing,
  };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

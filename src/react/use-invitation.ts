// Owns useInvitation: one call invitation by id, including its final state
// once closed (fetched when the store has not seen it), with seconds left by
// the server's deadline and the actions bound to it. The open ones of this
// user are useInvitations.
import { useMemo } from 'react';
import type { NatterError } from '../protocol/errors';
import type { Invitation, InviteeState } from '../protocol/invitation';
import { isIncomingOpen, isOutgoingOpen } from '../store/reduce-invitations';
import { selectInvitation } from '../store/selectors';
import { useChatContext } from './chat-context';
import { createInvitationActions } from './invitation-actions';
import { useChatSelector } from './use-chat-selector';
import { useFetch } from './use-fetch';
import { secondsLeft, useServerNow } from './use-server-now';

export interface OneInvitationResult {
  /** The record (final states included once closed); undefined while loading or unknown. */
  invitation: Invitation | undefined;
  direction: 'incoming' | 'outgoing' | null;
  /** Still waiting for an answer from this user (incoming) or from someone (outgoing). */
  open: boolean;
  /** This user's invitee state, or null when not an invitee. */
  myState: InviteeState | null;
  /** Whole seconds until the server's deadline; null without timeout. */
  secondsLeft: number | null;
  /** Fetching the record because the store had not seen it. */
  loading: boolean;
  /** The fetch failed (e.g. 8010 unknown invitation). */
  error: NatterError | null;
  accept(data?: string): Promise<Invitation>;
  reject(data?: string): Promise<Invitation>;
  cancel(data?: string): Promise<Invitation>;
  modify(data: string): Promise<Invitation>;
}

/** One invitation by id (fetched when the store has not seen it), with actions bound to it. */
export function useInvitation(inviteId: string): OneInvitationResult {
  const { client } = useChatContext();
  const user = useChatSelector((s) => s.user);
  const one = useChatSelector((s) => selectInvitation(s, inviteId));
  const ready = useChatSelector((s) => s.connection.ready);
  const actions = useMemo(() => createInvitationActions(client), [client]);

  const fetched = useFetch(`${user}\u0000invitation\u0000${inviteId}`, () => client.invitation(inviteId), {
    enabled: ready && one === undefined,
  });

  const now = useServerNow([one?.deadline ?? null]);

  const inv: Invitation | undefined = one ?? fetched.data;
  const direction: OneInvitationResult['direction'] = !inv
    ? null
    : inv.inviter === user
      ? 'outgoing'
      : inv.invitees.includes(user)
        ? 'incoming'
        : null;
  const open = !!inv && (direction === 'incoming' ? isIncomingOpen(inv, user) : isOutgoingOpen(inv, user));
  return {
    invitation: inv,
    direction,
    open,
    myState: inv?.states[user] ?? null,
    secondsLeft: open ? secondsLeft(inv?.deadline ?? null, now) : null,
    loading: fetched.loading,
    error: fetched.error,
    accept: (data?: string) => actions.accept(inviteId, data),
    reject: (data?: string) => actions.reject(inviteId, data),
    cancel: (data?: string) => actions.cancel(inviteId, data),
    modify: (data: string) => actions.modify(inviteId, data),
  };
}

// Owns useInvitation: open call invitations (incoming and outgoing) with
// seconds left by the server's deadline, and the actions on them; or, given an
// id, one invitation including its final state once closed.
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { NatterError } from '../protocol/errors';
import type { Invitation, InviteeState } from '../protocol/invitation';
import { isIncomingOpen, isOutgoingOpen } from '../store/reduce-invitations';
import { useChatContext } from './chat-context';
import { createInvitationActions, type InvitationActions } from './invitation-actions';
import { useChatSelector } from './use-chat-selector';
import { secondsLeft, useServerNow } from './use-server-now';

export interface InvitationView {
  inviteId: string;
  invitation: Invitation;
  /** 'incoming': this user is invited and has not answered; 'outgoing': this user invited. */
  direction: 'incoming' | 'outgoing';
  /** Whole seconds until the server times it out (ticks every second); null when it has no timeout. */
  secondsLeft: number | null;
}

export interface InvitationsResult extends InvitationActions {
  /** Invitations waiting for this user's answer, oldest first. */
  incoming: InvitationView[];
  /** Invitations this user sent that someone has not answered yet, oldest first. */
  outgoing: InvitationView[];
}

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

/** All open invitations of this user and the actions on them. */
export function useInvitation(): InvitationsResult;
/** One invitation by id (fetched when the store has not seen it), with actions bound to it. */
export function useInvitation(inviteId: string): OneInvitationResult;
export function useInvitation(inviteId?: string): InvitationsResult | OneInvitationResult {
  const { client, queryClient } = useChatContext();
  const user = useChatSelector((s) => s.user);
  const byId = useChatSelector((s) => s.invitations.byId);
  const incomingIds = useChatSelector((s) => s.invitations.incoming);
  const outgoingIds = useChatSelector((s) => s.invitations.outgoing);
  const ready = useChatSelector((s) => s.connection.ready);
  const actions = useMemo(() => createInvitationActions(client), [client]);

  const one = inviteId === undefined ? undefined : byId[inviteId];
  const fetched = useQuery(
    {
      queryKey: ['natter', user, 'invitation', inviteId ?? ''],
      queryFn: () => client.invitation(inviteId as string),
      enabled: ready && inviteId !== undefined && one === undefined,
      retry: false,
    },
    queryClient,
  );

  const deadlines = inviteId === undefined ? [...incomingIds, ...outgoingIds].map((id) => byId[id]?.deadline ?? null) : [one?.deadline ?? null];
  const now = useServerNow(deadlines);

  if (inviteId !== undefined) {
    const inv: Invitation | undefined = one ?? fetched.data;
    const direction: OneInvitationResult['direction'] = !inv ? null : inv.inviter === user ? 'outgoing' : inv.invitees.includes(user) ? 'incoming' : null;
    const open = !!inv && (direction === 'incoming' ? isIncomingOpen(inv, user) : isOutgoingOpen(inv, user));
    return {
      invitation: inv,
      direction,
      open,
      myState: inv?.states[user] ?? null,
      secondsLeft: open ? secondsLeft(inv?.deadline ?? null, now) : null,
      loading: fetched.isFetching,
      error: (fetched.error as NatterError | null) ?? null,
      accept: (data?: string) => actions.accept(inviteId, data),
      reject: (data?: string) => actions.reject(inviteId, data),
      cancel: (data?: string) => actions.cancel(inviteId, data),
      modify: (data: string) => actions.modify(inviteId, data),
    };
  }
  const view = (direction: 'incoming' | 'outgoing') => (id: string): InvitationView[] => {
    const invitation = byId[id];
    return invitation ? [{ inviteId: id, invitation, direction, secondsLeft: secondsLeft(invitation.deadline, now) }] : [];
  };
  return { ...actions, incoming: incomingIds.flatMap(view('incoming')), outgoing: outgoingIds.flatMap(view('outgoing')) };
}

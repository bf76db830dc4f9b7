// Owns useInvitations: this user's open call invitations, incoming and
// outgoing, with whole seconds left by the server's deadline (ticking), and
// the actions on invitations.
import { useMemo } from 'react';
import type { Invitation } from '../protocol/invitation';
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
  incoming: readonly InvitationView[];
  /** Invitations this user sent that someone has not answered yet, oldest first. */
  outgoing: readonly InvitationView[];
}

/** All open invitations of this user and the actions on them. */
export function useInvitations(): InvitationsResult {
  const { client } = useChatContext();
  const byId = useChatSelector((s) => s.invitations.byId);
  const incomingIds = useChatSelector((s) => s.invitations.incoming);
  const outgoingIds = useChatSelector((s) => s.invitations.outgoing);
  const actions = useMemo(() => createInvitationActions(client), [client]);
  const now = useServerNow([...incomingIds, ...outgoingIds].map((id) => byId[id]?.deadline ?? null));
  const view =
    (direction: 'incoming' | 'outgoing') =>
    (id: string): InvitationView[] => {
      const invitation = byId[id];
      return invitation
        ? [{ inviteId: id, invitation, direction, secondsLeft: secondsLeft(invitation.deadline, now) }]
        : [];
    };
  return {
    ...actions,
    incoming: incomingIds.flatMap(view('incoming')),
    outgoing: outgoingIds.flatMap(view('outgoing')),
  };
}

// Owns the invitation actions shared by the invitation hooks: each call goes
// to the server and resolves with the updated record (which the client also
// puts in its input stream, so the store shows it before the event arrives).
import type { ChatClient, InviteOptions } from '../client/chat-client-types';
import type { Invitation } from '../protocol/invitation';
import type { UserId } from '../protocol/message';

export interface InvitationActions {
  /** Invites one user (a call invitation); `timeout` seconds is enforced by the server. */
  invite(invitee: UserId, options?: InviteOptions): Promise<Invitation>;
  /** Invites group members. */
  inviteInGroup(groupId: string, invitees: UserId[], options?: InviteOptions): Promise<Invitation>;
  /** Accepts an incoming invitation (rejects with 8010 when already answered, cancelled or timed out). */
  accept(inviteId: string, data?: string): Promise<Invitation>;
  reject(inviteId: string, data?: string): Promise<Invitation>;
  /** Cancels an invitation this user sent. */
  cancel(inviteId: string, data?: string): Promise<Invitation>;
  /** Replaces the custom `data` of an open invitation. */
  modify(inviteId: string, data: string): Promise<Invitation>;
}

export function createInvitationActions(client: ChatClient): InvitationActions {
  const record = async (p: Promise<{ invitation: Invitation }>): Promise<Invitation> => (await p).invitation;
  return {
    invite: (invitee, options) => record(client.invite(invitee, options)),
    inviteInGroup: (groupId, invitees, options) => record(client.inviteInGroup(groupId, invitees, options)),
    accept: (id, data) => record(client.acceptInvitation(id, data)),
    reject: (id, data) => record(client.rejectInvitation(id, data)),
    cancel: (id, data) => record(client.cancelInvitation(id, data)),
    modify: (id, data) => record(client.modifyInvitation(id, data)),
  };
}

// Owns the ChatClient methods of signaling (invite, answer, cancel, modify,
// look up): each answer's invitation record also goes into the input stream,
// so this device shows it before the server's event arrives. They load with
// their first call (client-rare-methods.ts); pendingInvitations, which every
// sync asks, is in the first chunk (lazy-client-apis.ts).
import type { Invitation, OfflinePushInfo } from '../protocol/invitation';
import type { Message, UserId } from '../protocol/message';
import type { ClientInput } from './client-input';
import type { RequestFn } from './request-fn';
import { definedFields } from '../protocol/defined-fields';

export interface InviteOptions {
  data?: string;
  timeout?: number;
  onlineUserOnly?: boolean;
  offlinePushInfo?: OfflinePushInfo;
}

/** The signaling methods of ChatClient. */
export interface SignalingApi {
  invite(invitee: UserId, options?: InviteOptions): Promise<{ invitation: Invitation; message: Message | null }>;
  inviteInGroup(
    groupId: string,
    invitees: UserId[],
    options?: InviteOptions,
  ): Promise<{ invitation: Invitation; message: Message | null }>;
  cancelInvitation(inviteId: string, data?: string): Promise<{ invitation: Invitation; message: Message | null }>;
  acceptInvitation(inviteId: string, data?: string): Promise<{ invitation: Invitation; message: Message | null }>;
  rejectInvitation(inviteId: string, data?: string): Promise<{ invitation: Invitation; message: Message | null }>;
  modifyInvitation(inviteId: string, data: string): Promise<{ invitation: Invitation; message: Message | null }>;
  invitation(inviteId: string): Promise<Invitation>;
  pendingInvitations(): Promise<Invitation[]>;
}

/** The signaling methods that load with their first call: all but pendingInvitations. */
export type InvitationSteps = Omit<SignalingApi, 'pendingInvitations'>;

export function createInvitationSteps(request: RequestFn, input: (i: ClientInput) => void): InvitationSteps {
  async function step<T extends { invitation: Invitation }>(answer: Promise<T>): Promise<T> {
    const r = await answer;
    input({ kind: 'invitation', invitation: r.invitation });
    return r;
  }
  const withData = (inviteId: string, data: string | undefined) => ({
    inviteId,
    ...definedFields({ data }),
  });
  return {
    invite: (invitee, options = {}) => step(request('sig.invite', { invitees: [invitee], ...options })),
    inviteInGroup: (groupId, invitees, options = {}) => step(request('sig.invite', { invitees, groupId, ...options })),
    cancelInvitation: (inviteId, data) => step(request('sig.cancel', withData(inviteId, data))),
    acceptInvitation: (inviteId, data) => step(request('sig.accept', withData(inviteId, data))),
    rejectInvitation: (inviteId, data) => step(request('sig.reject', withData(inviteId, data))),
    modifyInvitation: (inviteId, data) => step(request('sig.modify', { inviteId, data })),
    invitation: async (inviteId) => (await step(request('sig.get', { inviteId }))).invitation,
  };
}

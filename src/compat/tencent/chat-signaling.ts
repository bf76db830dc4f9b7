// Owns the signaling calls of the chat instance over a natter ChatClient:
// invite, inviteInGroup and the steps on an invitation (cancel, accept,
// reject, modifyInvitation), answered as the SDK answers (`{ code, data:
// { message }, inviteID }`). Checks and timers are the server's.
import type { ChatClient, InviteOptions as NatterInviteOptions } from '../../client/chat-client-types';
import type { Invitation } from '../../protocol/invitation';
import type { Message } from '../../protocol/message';
import { natterId } from '../vendor-id';
import { toTencentMessage } from './message';
import type { InvitationStepOptions, InviteInGroupOptions, InviteOptions, SignalingResponse } from './types';

function inviteOptions(o: {
  data?: string;
  timeout?: number;
  onlineUserOnly?: boolean;
  offlinePushInfo?: NatterInviteOptions['offlinePushInfo'];
}): NatterInviteOptions {
  return {
    data: o.data ?? '',
    timeout: Math.max(0, Number(o.timeout) || 0),
    onlineUserOnly: o.onlineUserOnly === true,
    ...(o.offlinePushInfo ? { offlinePushInfo: o.offlinePushInfo } : {}),
  };
}

function answer(result: { invitation: Invitation; message: Message | null }, me: string): SignalingResponse {
  return {
    code: 0,
    data: { message: result.message ? toTencentMessage(result.message, me) : null },
    inviteID: result.invitation.inviteId,
  };
}

export async function invite(c: ChatClient, options: InviteOptions): Promise<SignalingResponse> {
  return answer(await c.invite(natterId(options.userID), inviteOptions(options)), c.user);
}

export async function inviteInGroup(c: ChatClient, options: InviteInGroupOptions): Promise<SignalingResponse> {
  const invitees = options.inviteeList.map((u) => natterId(u));
  return answer(await c.inviteInGroup(natterId(options.groupID), invitees, inviteOptions(options)), c.user);
}

export type InvitationStep = 'cancel' | 'accept' | 'reject' | 'modify';

const STEPS = {
  cancel: 'cancelInvitation',
  accept: 'acceptInvitation',
  reject: 'rejectInvitation',
  modify: 'modifyInvitation',
} as const satisfies Record<InvitationStep, keyof ChatClient>;

/** One step on an existing invitation, with the step's custom `data`. */
export async function invitationStep(
  c: ChatClient,
  step: InvitationStep,
  options: InvitationStepOptions,
): Promise<SignalingResponse> {
  return answer(await c[STEPS[step]](String(options.inviteID), options.data ?? ''), c.user);
}

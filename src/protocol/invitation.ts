// Owns call invitations (Tencent signaling): the record the server keeps, each
// invitee's state, and the actions that move it.
import type { UserId } from './primitives';

export type InvitationAction = 'invite' | 'cancel' | 'accept' | 'reject' | 'timeout' | 'modify';

/** Tencent's TSignaling.ACTION_TYPE_* values for each action. */
export const ACTION_TYPE: Record<Exclude<InvitationAction, never>, number> = {
  invite: 1,
  cancel: 2,
  accept: 3,
  reject: 4,
  timeout: 5,
  modify: 6,
};

export type InviteeState = 'pending' | 'accepted' | 'rejected' | 'cancelled' | 'timeout';

export interface OfflinePushInfo {
  disablePush?: boolean;
  disableVoipPush?: boolean;
  title?: string;
  description?: string;
  extension?: string;
  androidInfo?: Record<string, unknown>;
  apnsInfo?: Record<string, unknown>;
}

export interface Invitation {
  inviteId: string;
  inviter: UserId;
  invitees: UserId[];
  groupId?: string;
  /** Opaque custom data (Tencent's `data`), usually JSON. */
  data: string;
  /** Seconds; 0 means no timeout. */
  timeout: number;
  onlineUserOnly: boolean;
  offlinePushInfo?: OfflinePushInfo;
  createdAt: number;
  /** Server time at which pending invitees time out; null when timeout is 0. */
  deadline: number | null;
  states: Record<UserId, InviteeState>;
}

/** True while at least one invitee has not answered and the invitation was not cancelled. */
export function isInvitationOpen(inv: Invitation): boolean {
  return Object.values(inv.states).some((s) => s === 'pending');
}

/** Tencent's convention: `excludeFromHistoryMessage` inside `data` leaves unread and last message alone. */
export function excludedFromHistory(data: string): boolean {
  if (!data || data[0] !== '{') return false;
  try {
    const parsed: unknown = JSON.parse(data);
    return (
      typeof parsed === 'object' &&
      parsed !== null &&
      (parsed as { excludeFromHistoryMessage?: unknown }).excludeFromHistoryMessage === true
    );
  } catch {
    return false;
  }
}

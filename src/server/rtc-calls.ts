// Owns the live calls the media relay knows about: which device of each
// participant carries the call, who accepted, when it was first answered.
// Kept in memory only: a call is live media, nothing of it is replayed
// after a restart.
import type { Invitation } from '../protocol/invitation';
import type { UserId } from '../protocol/message';
import { rtcCallType } from '../protocol/rtc';
import type { TimerHandle } from './clock';

export interface CallMember {
  device: string;
  epoch: number;
  /** The node whose session carries the device (a device that reconnects elsewhere moves). */
  node: string;
}

export interface LiveCall {
  callId: string;
  callType: 'audio' | 'video';
  inviter: UserId;
  invitees: UserId[];
  groupId?: string;
  /** Devices carrying the call now, by user. */
  members: Map<UserId, CallMember>;
  /** Invitees who accepted (the invitation record of an onlineUserOnly call is gone once everyone answered). */
  accepted: Set<UserId>;
  /** Everyone who ever joined. */
  joined: Set<UserId>;
  /** Server time of the first accept; null while nobody answered. */
  answeredAt: number | null;
  /**
   * The highest epoch handed out in this call, by any node: a device that takes a user's place
   * gets a higher one, so peers can tell the new device's signals from the old one's.
   */
  lastEpoch: number;
  ended: boolean;
}

/** The live calls of one server core, by call id (= invitation id). */
export class RtcCalls {
  private readonly calls = new Map<string, LiveCall>();
  /** Grace timers of devices that went away (cleared when the core closes). */
  readonly timers = new Set<TimerHandle>();

  /**
   * The epoch of a device joining `call`. Counted per call rather than per node: nodes of a
   * cluster count apart, and a device taking the call over on another node must still get a
   * higher epoch than the one it replaces (join notes carry every epoch to every node).
   */
  nextEpoch(call: LiveCall): number {
    return ++call.lastEpoch;
  }

  get(callId: string): LiveCall | undefined {
    return this.calls.get(callId);
  }

  /** The call of a natter call invitation (created on first sight), or null for any other invitation. */
  of(inv: Invitation): LiveCall | null {
    const found = this.calls.get(inv.inviteId);
    if (found) return found;
    const callType = rtcCallType(inv.data);
    if (!callType) return null;
    const call: LiveCall = {
      callId: inv.inviteId,
      callType,
      inviter: inv.inviter,
      invitees: [...inv.invitees],
      members: new Map(),
      accepted: new Set(),
      joined: new Set(),
      answeredAt: null,
      lastEpoch: 0,
      ended: false,
    };
    if (inv.groupId !== undefined) call.groupId = inv.groupId;
    this.calls.set(inv.inviteId, call);
    return call;
  }

  /** This node's copy of a call another node told it of (created from `shape` when new). */
  adopt(callId: string, shape: Pick<LiveCall, 'callType' | 'inviter' | 'invitees' | 'groupId'>): LiveCall {
    const found = this.calls.get(callId);
    if (found) return found;
    const call: LiveCall = {
      callId,
      callType: shape.callType,
      inviter: shape.inviter,
      invitees: [...shape.invitees],
      members: new Map(),
      accepted: new Set(),
      joined: new Set(),
      answeredAt: null,
      lastEpoch: 0,
      ended: false,
    };
    if (shape.groupId !== undefined) call.groupId = shape.groupId;
    this.calls.set(callId, call);
    return call;
  }

  all(): LiveCall[] {
    return [...this.calls.values()];
  }

  forget(callId: string): void {
    this.calls.delete(callId);
  }
}

// Owns the wire shapes of media signaling for calls: the SDP and ICE messages
// a participant relays to another through the server, the events the relay
// pushes (never stored), the ICE server entries handed to clients, and how a
// call invitation is told apart from any other invitation.
import type { UserId } from './primitives';

/** Largest SDP (bytes) the relay forwards; a 4-party mesh offer with simulcast stays far below. */
export const RTC_MAX_SDP_BYTES = 32 * 1024;
/** Largest ICE candidate line (bytes). */
export const RTC_MAX_CANDIDATE_BYTES = 1024;
/** A mesh call carries at most this many participants; more needs an SFU media layer. */
export const RTC_MAX_PARTICIPANTS = 4;

/** One step of WebRTC negotiation, relayed as is between two participants. */
export type RtcSignal =
  | { type: 'offer' | 'answer'; sdp: string }
  | {
      type: 'candidate';
      candidate: string;
      sdpMid: string | null;
      sdpMLineIndex: number | null;
      usernameFragment?: string | null;
    };

/** The browser's RTCIceServer, as the server hands it out (TURN entries may carry short-lived credentials). */
export interface IceServer {
  urls: string | string[];
  username?: string;
  credential?: string;
}

/** A participant whose device carries its media in the call. `epoch` changes when another device takes the call over. */
export interface RtcParticipant {
  user: UserId;
  epoch: number;
}

/** What a joining device learns of the call (its invitation may be gone once everyone answered). */
export interface RtcCallInfo {
  callType: 'audio' | 'video';
  inviter: UserId;
  invitees: UserId[];
  groupId?: string;
  /** Invitees who accepted so far. */
  accepted: UserId[];
}

/** How a call ended, as its summary message says. */
export type CallOutcome = 'answered' | 'missed' | 'declined' | 'cancelled';

/** Pushed by the relay to a joined device only; never stored, never replayed. */
export type RtcEvent =
  /** Negotiation from `from` (its device of `epoch`). */
  | { type: 'rtc'; callId: string; kind: 'signal'; from: UserId; epoch: number; signal: RtcSignal }
  /**
   * `user` joined, came back after a reconnect (`rejoin`, same epoch) or moved the call to another device
   * (new epoch). `offer`: this device makes the offer to `user` (the two joined at once on different
   * nodes of a cluster, so neither found the other in `rtc.join`'s participants).
   */
  | { type: 'rtc'; callId: string; kind: 'joined'; user: UserId; epoch: number; rejoin: boolean; offer?: boolean }
  | { type: 'rtc'; callId: string; kind: 'left'; user: UserId }
  /** Another device of this user joined the call: this device is out of it. */
  | { type: 'rtc'; callId: string; kind: 'replaced' }
  | { type: 'rtc'; callId: string; kind: 'ended'; outcome: CallOutcome; durationMs: number };

/** The `data` of the cancel that withdraws the losing call of a glare: that call leaves no summary. */
export const GLARE_CANCEL_DATA = 'natter.glare';

/** The custom event name of the one summary message a call leaves in its conversation. */
export const CALL_SUMMARY_EVENT = 'natter.call';

/** What a call summary message carries in `customExts` (all strings, as custom bodies require). */
export interface CallSummaryExts {
  callId: string;
  callType: 'audio' | 'video';
  inviter: UserId;
  outcome: CallOutcome;
  /** Milliseconds from the first answer to the end; '0' when never answered. */
  durationMs: string;
  /** Everyone who joined, comma-separated. */
  joined: string;
}

/** The invitation `data` of a natter call: read by `callTypeOf` like any call data, and marked as a media call. */
export function rtcCallData(callType: 'audio' | 'video'): string {
  return JSON.stringify({ call_type: callType, rtc: true });
}

/** The media of a natter call invitation, or null for any other invitation. */
export function rtcCallType(data: string): 'audio' | 'video' | null {
  if (!data.startsWith('{')) return null;
  try {
    const o: unknown = JSON.parse(data);
    if (typeof o !== 'object' || o === null || (o as { rtc?: unknown }).rtc !== true) return null;
    return (o as { call_type?: unknown }).call_type === 'video' ? 'video' : 'audio';
  } catch {
    return null;
  }
}

/** Whether a stored message is the server's summary of a call (clients cannot send a `~` localId). */
export function isCallSummary(message: { localId: string; body: { type: string; customEvent?: string } }): boolean {
  return (
    message.localId.startsWith('~call-') &&
    message.body.type === 'custom' &&
    message.body.customEvent === CALL_SUMMARY_EVENT
  );
}

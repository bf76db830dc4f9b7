// Owns the public shape of calls on a ChatClient: the call's state as a UI
// draws it (an immutable snapshot, replaced on every change), its errors in
// words, and the CallClient API.
import type { ConversationId } from '../../protocol/ids';
import type { Invitation, OfflinePushInfo } from '../../protocol/invitation';
import type { UserId } from '../../protocol/message';
import type { CallOutcome } from '../../protocol/rtc';
import type { Unsubscribe } from '../chat-client-types';
import type { MediaLayer, PeerState } from './media-layer';

export type CallType = 'audio' | 'video';

/** The devices a call uses: the microphone, the camera, and where the others' audio plays. */
export type CallDeviceKind = 'audioinput' | 'videoinput' | 'audiooutput';

/** The device chosen for each kind (a MediaDeviceInfo `deviceId`), null for the browser's default. */
export type CallDevices = Readonly<Record<CallDeviceKind, string | null>>;

/** Why media could not be opened, or the call could not go on. */
export type CallErrorKind = 'permission-denied' | 'no-device' | 'device-in-use' | 'media-failed' | 'call-failed';

export interface CallError {
  kind: CallErrorKind;
  /** The browser's or server's own words (for logs); the UI explains `kind` in the user's language. */
  message: string;
  /** The server's code when the server refused (e.g. 4060, 4061). */
  code?: number;
}

/** How the call ended for this device. */
export type CallEndReason = CallOutcome | 'hung-up' | 'answered-elsewhere' | 'moved' | 'failed';

export interface CallParticipant {
  user: UserId;
  /** 'ringing' until the invitee answers; 'declined' / 'missed' / 'left' once out of the call. */
  state: 'ringing' | PeerState | 'declined' | 'missed' | 'left';
  stream: MediaStream | null;
  /** ICE restarts completed with this participant (after a reconnect of either side). */
  iceRestarts: number;
}

export interface CallState {
  callId: string;
  conversation: ConversationId;
  callType: CallType;
  direction: 'outgoing' | 'incoming';
  inviter: UserId;
  /**
   * 'ringing': waiting for an answer (outgoing) or for this device to join (incoming);
   * 'connecting' until media flows with someone; 'connected'; 'reconnecting' while this device's
   * connection to the server or every peer link is down; 'ended'.
   */
  phase: 'ringing' | 'connecting' | 'connected' | 'reconnecting' | 'ended';
  /** Everyone else in the call (invitees, or the inviter and the other invitees). */
  participants: CallParticipant[];
  localStream: MediaStream | null;
  muted: boolean;
  cameraOff: boolean;
  screenSharing: boolean;
  /** Local time the call was first connected (for the duration shown), null before. */
  connectedAt: number | null;
  error: CallError | null;
  ended: { reason: CallEndReason; durationMs: number } | null;
}

export interface StartCallOptions {
  /** Group calls: who to ring (default: every other member, up to 3). */
  invitees?: UserId[];
  /** Seconds the server lets it ring (default 30). */
  timeout?: number;
  /** What the server's push hook gets for a callee with no connected session (title, description, ext). */
  offlinePushInfo?: OfflinePushInfo;
}

export interface CallClientOptions {
  /** The media layer (default: the built-in WebRTC mesh). */
  media?: MediaLayer;
  /** Local time, for durations (default Date.now). */
  now?: () => number;
}

/** Calls over one ChatClient: one call at a time on this device. */
export interface CallClient {
  /** The current call (also the last one, ended, until the next starts or `dismiss`). */
  readonly current: CallState | null;
  /** Why the microphone or camera could not be opened when starting or answering (null once a call starts). */
  readonly mediaError: CallError | null;
  /** The devices chosen with `chooseDevice` (each null until chosen: the browser's default). */
  readonly devices: CallDevices;
  subscribe(listener: () => void): Unsubscribe;
  /** Rings a single conversation's peer or group members (≤ 3 others) and joins the call at once. */
  start(conversation: ConversationId, callType: CallType, options?: StartCallOptions): Promise<CallState>;
  /** Answers an incoming call on this device (other devices of this user stop ringing) and joins it. */
  accept(callId: string): Promise<void>;
  /** Joins a call this user already accepted (e.g. through the invitation modal) on this device; pass the accepted record when at hand. */
  join(call: string | Invitation): Promise<void>;
  reject(callId: string): Promise<void>;
  /** Leaves the call (cancels it while it still rings); the call ends when fewer than two remain. */
  hangUp(): Promise<void>;
  setMuted(muted: boolean): Promise<void>;
  setCameraOff(off: boolean): Promise<void>;
  /**
   * Chooses the microphone, camera or speaker (null: the browser's default). Before a call, it is what
   * the next call opens; during one, a microphone or camera is switched live (the new track replaces the
   * old one on every link, without renegotiation) and a speaker is where the call view plays the others.
   * Rejects with a CallMediaError when the device cannot be opened (the choice stays as it was).
   */
  chooseDevice(kind: CallDeviceKind, deviceId: string | null): Promise<void>;
  /** Switches the microphone or camera mid-call (`chooseDevice` with 'audioinput' or 'videoinput'). */
  switchDevice(kind: 'audio' | 'video', deviceId: string): Promise<void>;
  /** Video calls: sends the screen instead of the camera until `stopScreenShare` (or the browser's own stop). */
  startScreenShare(): Promise<void>;
  stopScreenShare(): Promise<void>;
  /** WebRTC statistics of the link with `user` (null when none). */
  stats(user: UserId): Promise<RTCStatsReport | null>;
  /** Forgets an ended call. */
  dismiss(): void;
  dispose(): void;
}

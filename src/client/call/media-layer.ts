// Owns the media-layer interface: what a call needs from whatever carries its
// audio and video. The built-in layer (webrtc-media.ts) is a mesh of browser
// RTCPeerConnections negotiated over natter's relay; an SFU or vendor stack
// (LiveKit, Agora, TRTC…) implements the same interface and may ignore the
// relay entirely (see docs/calls.md for an adapter skeleton).
import type { UserId } from '../../protocol/message';
import type { IceServer, RtcSignal } from '../../protocol/rtc';

/** One participant's link as the call UI shows it. */
export type PeerState = 'connecting' | 'connected' | 'reconnecting' | 'failed' | 'closed';

/** What the call hands a media session when it starts. */
export interface MediaSessionContext {
  callId: string;
  self: UserId;
  video: boolean;
  /** From the server's `rtc.join` answer (empty on a LAN or loopback). */
  iceServers: IceServer[];
  /** This user's microphone/camera (null when none could be opened: receive only). */
  localStream: MediaStream | null;
  /** Sends one negotiation step to `to` through natter's server (only joined participants receive it). */
  signal(to: UserId, signal: RtcSignal): void;
  /** The layer reports a participant's media (null when gone) ... */
  onRemoteStream(user: UserId, stream: MediaStream | null): void;
  /** ... and its connection state; `iceRestarts` counts completed ICE restarts with it. */
  onPeerState(user: UserId, state: PeerState, iceRestarts: number): void;
}

/** A running call's media. Every method may be called at any time; calls after `close` do nothing. */
export interface MediaSession {
  /**
   * A participant to exchange media with. `initiator`: this side makes the first offer (the
   * device that joined later). A new `epoch` for a known user means another device took its
   * place: the old link is dropped.
   */
  addPeer(user: UserId, epoch: number, initiator: boolean): void;
  removePeer(user: UserId): void;
  /** A negotiation step relayed from `from` (its device of `epoch`). */
  receive(from: UserId, epoch: number, signal: RtcSignal): void;
  /** This side's signaling was cut and is back: renegotiate ICE with every participant. */
  restartIce(): void;
  /** Sends `track` (null: stop sending that kind; no packets go out) to everyone. */
  replaceTrack(kind: 'audio' | 'video', track: MediaStreamTrack | null): Promise<void>;
  /** The connection's statistics with `user` (null when there is none). */
  stats(user: UserId): Promise<RTCStatsReport | null>;
  close(): void;
}

export interface MediaLayer {
  createSession(context: MediaSessionContext): MediaSession;
}

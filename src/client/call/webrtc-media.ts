// Owns the built-in media layer: a full mesh of browser RTCPeerConnections
// (one PeerLink per other participant, up to 4 in a call), negotiated over
// natter's relay. Signals from a participant's old device (an epoch older
// than its link) are dropped; a newer epoch replaces the link.
import type { UserId } from '../../protocol/message';
import type { RtcSignal } from '../../protocol/rtc';
import type { MediaLayer, MediaSession, MediaSessionContext } from './media-layer';
import { PeerLink } from './webrtc-peer';

class WebRtcSession implements MediaSession {
  private readonly links = new Map<UserId, PeerLink>();
  private readonly tracks: { audio: MediaStreamTrack | null; video: MediaStreamTrack | null };
  private closed = false;

  constructor(private readonly ctx: MediaSessionContext) {
    const s = ctx.localStream;
    this.tracks = { audio: s?.getAudioTracks()[0] ?? null, video: s?.getVideoTracks()[0] ?? null };
  }

  addPeer(user: UserId, epoch: number, initiator: boolean): void {
    if (this.closed || user === this.ctx.self) return;
    const old = this.links.get(user);
    if (old && old.epoch === epoch) return;
    old?.close();
    const ctx = this.ctx;
    // Reports of a link that was replaced (or not yet registered) are dropped.
    const current = (): boolean => this.links.get(user)?.epoch === epoch;
    const link = new PeerLink({
      user,
      epoch,
      // Both sides agree on who yields when their offers cross.
      polite: ctx.self > user,
      initiator,
      video: ctx.video,
      iceServers: ctx.iceServers,
      tracks: { ...this.tracks },
      localStream: ctx.localStream,
      signal: (signal) => ctx.signal(user, signal),
      onStream: (stream) => {
        if (current()) ctx.onRemoteStream(user, stream);
      },
      onState: (state, restarts) => {
        if (current()) ctx.onPeerState(user, state, restarts);
      },
      onError: (e) => console.warn('natter call: negotiation with', user, 'failed', e),
    });
    this.links.set(user, link);
  }

  removePeer(user: UserId): void {
    const link = this.links.get(user);
    if (!link) return;
    this.links.delete(user);
    link.close();
    this.ctx.onRemoteStream(user, null);
    this.ctx.onPeerState(user, 'closed', 0);
  }

  receive(from: UserId, epoch: number, signal: RtcSignal): void {
    if (this.closed) return;
    const link = this.links.get(from);
    if (link && epoch < link.epoch) return;
    if (!link || epoch > link.epoch) this.addPeer(from, epoch, false);
    this.links.get(from)?.receive(signal);
  }

  restartIce(): void {
    for (const link of this.links.values()) link.restartIce();
  }

  async replaceTrack(kind: 'audio' | 'video', track: MediaStreamTrack | null): Promise<void> {
    this.tracks[kind] = track;
    await Promise.all([...this.links.values()].map((l) => l.replaceTrack(kind, track)));
  }

  async stats(user: UserId): Promise<RTCStatsReport | null> {
    const link = this.links.get(user);
    return link ? link.pc.getStats() : null;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const link of this.links.values()) link.close();
    this.links.clear();
  }
}

/** The built-in media layer: browser WebRTC, mesh, signaling over natter's relay. */
export const webRtcMedia: MediaLayer = {
  createSession: (context) => new WebRtcSession(context),
};

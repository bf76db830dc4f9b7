// Owns one RTCPeerConnection of the built-in mesh: "perfect negotiation" (the
// polite side yields when both offer at once, so glare never wedges a link),
// trickle ICE over the relay, the local tracks on fixed audio/video
// transceivers (mute and camera-off replace the track with null so nothing is
// sent), ICE restarts, and the remote stream.
import type { UserId } from '../../protocol/message';
import type { IceServer, RtcSignal } from '../../protocol/rtc';
import type { PeerState } from './media-layer';

export interface PeerLinkOptions {
  user: UserId;
  epoch: number;
  polite: boolean;
  initiator: boolean;
  video: boolean;
  iceServers: IceServer[];
  tracks: { audio: MediaStreamTrack | null; video: MediaStreamTrack | null };
  localStream: MediaStream | null;
  signal(signal: RtcSignal): void;
  onStream(stream: MediaStream): void;
  onState(state: PeerState, iceRestarts: number): void;
  onError(error: unknown): void;
}

const ufragOf = (sdp: string | undefined): string | null => /a=ice-ufrag:(\S+)/.exec(sdp ?? '')?.[1] ?? null;

export class PeerLink {
  readonly pc: RTCPeerConnection;
  readonly epoch: number;
  private makingOffer = false;
  private ignoreOffer = false;
  private queue: Promise<void> = Promise.resolve();
  private readonly stream = new MediaStream();
  private remoteUfrag: string | null = null;
  private restarts = 0;
  private closed = false;
  private attached = false;

  constructor(private readonly o: PeerLinkOptions) {
    this.epoch = o.epoch;
    this.pc = new RTCPeerConnection({ iceServers: o.iceServers.map((s) => ({ ...s })) });
    this.pc.onicecandidate = ({ candidate }) => {
      if (candidate && candidate.candidate) {
        o.signal({
          type: 'candidate',
          candidate: candidate.candidate,
          sdpMid: candidate.sdpMid,
          sdpMLineIndex: candidate.sdpMLineIndex,
          usernameFragment: candidate.usernameFragment,
        });
      }
    };
    this.pc.ontrack = ({ track }) => {
      if (!this.stream.getTracks().includes(track)) this.stream.addTrack(track);
      o.onStream(this.stream);
    };
    this.pc.onconnectionstatechange = () => this.report();
    this.pc.oniceconnectionstatechange = () => {
      // A path that failed without any signaling outage (network change) is renegotiated too.
      if (this.pc.iceConnectionState === 'failed') this.pc.restartIce();
      this.report();
    };
    this.pc.onnegotiationneeded = () => void this.offer();
    if (o.initiator) this.attachTracks();
    this.report();
  }

  private report(): void {
    if (this.closed) return;
    const s = this.pc.connectionState;
    const state: PeerState =
      s === 'connected'
        ? 'connected'
        : s === 'disconnected'
          ? 'reconnecting'
          : s === 'failed'
            ? 'failed'
            : s === 'closed'
              ? 'closed'
              : this.restarts > 0
                ? 'reconnecting'
                : 'connecting';
    this.o.onState(state, this.restarts);
  }

  /** The initiator adds its transceivers up front; the answerer fills those the offer created. */
  private attachTracks(): void {
    if (this.attached) return;
    this.attached = true;
    const kinds: Array<'audio' | 'video'> = this.o.video ? ['audio', 'video'] : ['audio'];
    const streams = this.o.localStream ? [this.o.localStream] : [];
    for (const kind of kinds) {
      const existing = this.pc
        .getTransceivers()
        .find((t) => t.receiver.track.kind === kind && t.currentDirection !== 'stopped');
      const track = this.o.tracks[kind];
      if (existing) {
        existing.direction = 'sendrecv';
        existing.sender.setStreams?.(...streams);
        void existing.sender.replaceTrack(track);
      } else {
        this.pc.addTransceiver(track ?? kind, { direction: 'sendrecv', streams });
      }
    }
  }

  private async offer(): Promise<void> {
    if (this.closed) return;
    try {
      this.makingOffer = true;
      await this.pc.setLocalDescription();
      const d = this.pc.localDescription;
      if (d && d.type === 'offer') this.o.signal({ type: 'offer', sdp: d.sdp });
    } catch (e) {
      this.o.onError(e);
    } finally {
      this.makingOffer = false;
    }
  }

  /** Negotiation steps are applied one at a time, in the order relayed. */
  receive(signal: RtcSignal): void {
    this.queue = this.queue.then(() => this.apply(signal)).catch((e: unknown) => this.o.onError(e));
  }

  private async apply(signal: RtcSignal): Promise<void> {
    if (this.closed) return;
    const pc = this.pc;
    if (signal.type === 'candidate') {
      try {
        await pc.addIceCandidate({
          candidate: signal.candidate,
          sdpMid: signal.sdpMid,
          sdpMLineIndex: signal.sdpMLineIndex,
          ...(signal.usernameFragment ? { usernameFragment: signal.usernameFragment } : {}),
        });
      } catch (e) {
        if (!this.ignoreOffer) throw e;
      }
      return;
    }
    const collision = signal.type === 'offer' && (this.makingOffer || pc.signalingState !== 'stable');
    this.ignoreOffer = !this.o.polite && collision;
    if (this.ignoreOffer) return;
    await pc.setRemoteDescription({ type: signal.type, sdp: signal.sdp });
    const ufrag = ufragOf(signal.sdp);
    if (this.remoteUfrag !== null && ufrag !== this.remoteUfrag) this.restarts++;
    this.remoteUfrag = ufrag;
    if (signal.type === 'offer') {
      this.attachTracks();
      await pc.setLocalDescription();
      const d = pc.localDescription;
      if (d) this.o.signal({ type: 'answer', sdp: d.sdp });
    }
    this.report();
  }

  restartIce(): void {
    if (!this.closed) this.pc.restartIce();
  }

  async replaceTrack(kind: 'audio' | 'video', track: MediaStreamTrack | null): Promise<void> {
    this.o.tracks[kind] = track;
    if (!this.attached) return;
    const t = this.pc.getTransceivers().find((x) => x.receiver.track.kind === kind && x.currentDirection !== 'stopped');
    if (t) await t.sender.replaceTrack(track);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.pc.close();
  }
}

// Owns the one call of a device and its lifecycle: the snapshot (replaced on
// every change, listeners told), entering a call (local tracks, joining the
// relay, the media session fed by it), and ending it (media stopped, session
// closed, why and for how long). The API (call-client.ts) and the event
// handling (call-events.ts) both act through it.
import { ErrorCode, isNatterError } from '../../protocol/errors';
import type { OpResult } from '../../protocol/frames';
import { conversationId, type ConversationId } from '../../protocol/ids';
import type { Invitation } from '../../protocol/invitation';
import { rtcCallType } from '../../protocol/rtc';
import type { ChatClient, Unsubscribe } from '../chat-client-types';
import { participantsOf, updateParticipant, withPhase } from './call-state';
import type { CallDeviceKind, CallDevices, CallEndReason, CallError, CallState } from './call-types';
import { openLocalMedia, toCallMediaError } from './local-media';
import { LocalTracks } from './local-tracks';
import type { MediaLayer, MediaSession } from './media-layer';

export class CallCore {
  private snapshot: CallState | null = null;
  private readonly listeners = new Set<() => void>();
  mediaError: CallError | null = null;
  /** The devices the user chose (what the next call opens). */
  devices: CallDevices = { audioinput: null, videoinput: null, audiooutput: null };
  session: MediaSession | null = null;
  /** This device is in the relay's call (rtc.join answered). */
  joined = false;
  tracks: LocalTracks | null = null;
  /** Open incoming call invitations seen, for glare. */
  readonly incoming = new Map<string, Invitation>();

  constructor(
    readonly client: ChatClient,
    private readonly media: MediaLayer,
    private readonly now: () => number,
  ) {}

  get current(): CallState | null {
    return this.snapshot;
  }

  subscribe(listener: () => void): Unsubscribe {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    for (const l of [...this.listeners]) l();
  }

  set(next: CallState | null): void {
    const phased = next && withPhase(next, this.joined, this.client.state === 'open', this.now());
    if (phased === this.snapshot) return;
    this.snapshot = phased;
    this.notify();
  }

  /** Recomputes the phase (connection or join changed). */
  refresh(): void {
    if (this.snapshot) this.set(this.snapshot);
  }

  /** The call unless it ended. */
  active(): CallState | null {
    return this.snapshot && this.snapshot.phase !== 'ended' ? this.snapshot : null;
  }

  /** Changes the call `callId` if it is still the current one and has not ended. */
  patch(callId: string, change: (s: CallState) => CallState): void {
    const s = this.snapshot;
    if (s && s.callId === callId && !s.ended) this.set(change(s));
  }

  /** Records a device choice (listeners told: the store mirrors it). */
  setDevice(kind: CallDeviceKind, deviceId: string | null): void {
    if (this.devices[kind] === deviceId) return;
    this.devices = { ...this.devices, [kind]: deviceId };
    this.notify();
  }

  /** Forgets an ended call and a media error. */
  dismiss(): void {
    const had = this.mediaError !== null;
    this.mediaError = null;
    if (this.snapshot?.phase === 'ended') this.set(null);
    else if (had) this.notify();
  }

  conversationOf(inv: Invitation): ConversationId {
    const me = this.client.user;
    return inv.groupId !== undefined
      ? conversationId('group', inv.groupId)
      : conversationId('single', inv.inviter === me ? inv.invitees[0]! : inv.inviter);
  }

  /** Opens the microphone (and camera); a refusal is kept as `mediaError` for the UI, then thrown. */
  async openMedia(video: boolean): Promise<MediaStream> {
    try {
      const { audioinput, videoinput } = this.devices;
      return await openLocalMedia(video, {
        ...(audioinput !== null ? { audioDeviceId: audioinput } : {}),
        ...(videoinput !== null ? { videoDeviceId: videoinput } : {}),
      });
    } catch (e) {
      const err = toCallMediaError(e);
      this.mediaError = { kind: err.kind, message: err.message };
      this.notify();
      throw err;
    }
  }

  /** Makes `inv` this device's call with `local` media, joins the relay and starts the media session. */
  async enter(
    inv: Invitation,
    conversation: ConversationId,
    local: MediaStream,
    alreadyJoined?: OpResult<'rtc.join'>,
  ): Promise<void> {
    if (this.active()) this.finish('hung-up');
    const callType = rtcCallType(inv.data) ?? 'audio';
    const self = this.client.user;
    this.mediaError = null;
    this.tracks = new LocalTracks(local);
    this.joined = false;
    this.set({
      callId: inv.inviteId,
      conversation,
      callType,
      direction: inv.inviter === self ? 'outgoing' : 'incoming',
      inviter: inv.inviter,
      phase: 'ringing',
      participants: participantsOf(inv, self),
      localStream: local,
      muted: false,
      cameraOff: false,
      screenSharing: false,
      connectedAt: null,
      error: null,
      ended: null,
    });
    try {
      const res = alreadyJoined ?? (await this.client.request('rtc.join', { callId: inv.inviteId }));
      this.joined = true;
      this.session = this.media.createSession({
        callId: inv.inviteId,
        self,
        video: callType === 'video',
        iceServers: res.iceServers,
        localStream: local,
        signal: (to, signal) =>
          void this.client
            .request('rtc.signal', { callId: inv.inviteId, to, signal })
            .catch((e: unknown) => this.onSignalError(e)),
        onRemoteStream: (user, stream) => this.patch(inv.inviteId, (s) => updateParticipant(s, user, { stream })),
        onPeerState: (user, state, iceRestarts) =>
          this.patch(inv.inviteId, (s) => updateParticipant(s, user, { state, iceRestarts })),
      });
      // This device joined last: it makes the offers.
      for (const p of res.participants) this.session.addPeer(p.user, p.epoch, true);
      this.refresh();
    } catch (e) {
      this.fail(e);
      throw e;
    }
  }

  private onSignalError(e: unknown): void {
    // The call ended or this device lost it while a step was on its way: the events say so.
    if (
      isNatterError(e) &&
      (e.code === ErrorCode.CALL_ENDED ||
        e.code === ErrorCode.CALL_NOT_JOINED ||
        e.code === ErrorCode.CALL_PEER_NOT_JOINED)
    )
      return;
    console.warn('natter call: signal not relayed', e);
  }

  /** Ends the call with the error that stopped it. */
  fail(e: unknown): void {
    const s = this.active();
    if (!s) return;
    this.set({
      ...s,
      error: {
        kind: 'call-failed',
        message: e instanceof Error ? e.message : String(e),
        ...(isNatterError(e) ? { code: e.code } : {}),
      },
    });
    this.finish('failed');
  }

  /** Ends the call on this device: media stopped (unless kept for the next call), session closed. */
  finish(reason: CallEndReason, durationMs?: number, keepMedia = false): void {
    const s = this.active();
    this.session?.close();
    this.session = null;
    this.joined = false;
    this.tracks?.stop(keepMedia);
    this.tracks = null;
    if (!s) return;
    const duration = durationMs ?? (s.connectedAt !== null ? this.now() - s.connectedAt : 0);
    this.set({ ...s, phase: 'ended', ended: { reason, durationMs: duration } });
  }

  dispose(): void {
    this.listeners.clear();
  }
}

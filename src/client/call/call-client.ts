// Owns calls on a ChatClient: starting one (invitation + joining the relay),
// answering, hanging up, local media and its controls, the media session fed
// by relay events, rejoining with an ICE restart after a reconnect, glare
// (both sides call each other: the call with the smaller id wins, the other is
// cancelled and the winner answered), and handing the call over when another
// device of this user answers or joins.
import { ErrorCode, NatterError, isNatterError } from '../../protocol/errors';
import type { ChatEvent, OpResult } from '../../protocol/frames';
import { parseConversationId, conversationId, type ConversationId } from '../../protocol/ids';
import type { Invitation } from '../../protocol/invitation';
import { GLARE_CANCEL_DATA, RTC_MAX_PARTICIPANTS, rtcCallData, rtcCallType } from '../../protocol/rtc';
import type { ChatClient, Unsubscribe } from '../chat-client-types';
import { glareWinner, invitationOf, participantsOf, updateParticipant, withPhase } from './call-state';
import type { CallClient, CallClientOptions, CallEndReason, CallError, CallState, CallType, StartCallOptions } from './call-types';
import { openLocalMedia, toCallMediaError } from './local-media';
import { LocalTracks } from './local-tracks';
import type { MediaLayer, MediaSession } from './media-layer';
import { webRtcMedia } from './webrtc-media';

type RtcEventOf = Extract<ChatEvent, { type: 'rtc' }>;
type InvitationEvent = Extract<ChatEvent, { type: 'invitation' }>;

class NatterCallClient implements CallClient {
  private snapshot: CallState | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly media: MediaLayer;
  private readonly now: () => number;
  private session: MediaSession | null = null;
  mediaError: CallError | null = null;
  private joined = false;
  private tracks: LocalTracks | null = null;
  /** Open incoming call invitations seen, for glare. */
  private readonly incoming = new Map<string, Invitation>();
  private readonly unsubs: Unsubscribe[];

  constructor(private readonly client: ChatClient, options: CallClientOptions = {}) {
    this.media = options.media ?? webRtcMedia;
    this.now = options.now ?? (() => Date.now());
    this.unsubs = [
      client.on('rtc', (e) => this.onRtc(e)),
      client.on('invitation', (e) => this.onInvitation(e)),
      client.on('state', () => this.refresh()),
      client.on('ready', () => void this.rejoin()),
    ];
  }

  get current(): CallState | null { return this.snapshot; }

  subscribe(listener: () => void): Unsubscribe {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(next: CallState | null): void {
    const phased = next && withPhase(next, this.joined, this.client.state === 'open', this.now());
    if (phased === this.snapshot) return;
    this.snapshot = phased;
    for (const l of [...this.listeners]) l();
  }

  private refresh(): void {
    if (this.snapshot) this.set(this.snapshot);
  }

  private active(): CallState | null {
    return this.snapshot && this.snapshot.phase !== 'ended' ? this.snapshot : null;
  }

  // ---- starting and answering ----

  async start(conversation: ConversationId, callType: CallType, options: StartCallOptions = {}): Promise<CallState> {
    if (this.active()) throw new NatterError(ErrorCode.ALREADY_EXISTS, 'already in a call');
    const target = parseConversationId(conversation);
    if (!target || target.type === 'room') throw new NatterError(ErrorCode.INVALID_PARAMS, `cannot call ${conversation}`);
    let invitees = [target.target];
    if (target.type === 'group') invitees = options.invitees ?? (await this.client.group(target.target)).members.filter((u) => u !== this.client.user);
    if (invitees.length === 0) throw new NatterError(ErrorCode.INVALID_PARAMS, 'nobody to call');
    if (invitees.length >= RTC_MAX_PARTICIPANTS) throw new NatterError(ErrorCode.CALL_FULL, `a mesh call takes up to ${RTC_MAX_PARTICIPANTS} participants`);
    const local = await this.openMedia(callType === 'video');
    const invite = { data: rtcCallData(callType), timeout: options.timeout ?? 30, onlineUserOnly: true };
    let invitation: Invitation;
    try {
      ({ invitation } = target.type === 'group' ? await this.client.inviteInGroup(target.target, invitees, invite) : await this.client.invite(target.target, invite));
    } catch (e) {
      for (const t of local.getTracks()) t.stop();
      throw e;
    }
    await this.enter(invitation, conversation, local);
    this.resolveGlare();
    return this.snapshot!;
  }

  async accept(callId: string): Promise<void> {
    const inv = await this.client.invitation(callId);
    const local = await this.openMedia(rtcCallType(inv.data) === 'video');
    try {
      const { invitation } = await this.client.acceptInvitation(callId);
      await this.enter(invitation, this.conversationOf(invitation), local);
    } catch (e) {
      for (const t of local.getTracks()) t.stop();
      throw e;
    }
  }

  async join(call: string | Invitation): Promise<void> {
    const callId = typeof call === 'string' ? call : call.inviteId;
    if (this.active()?.callId === callId) return;
    if (typeof call !== 'string') {
      const local = await this.openMedia(rtcCallType(call.data) === 'video');
      await this.enter(call, this.conversationOf(call), local);
      return;
    }
    // By id (e.g. taking the call over from another device): the relay says what the call is,
    // since its invitation is gone from the server once everyone answered.
    const joined = await this.client.request('rtc.join', { callId });
    const inv = invitationOf(callId, joined.call);
    let local: MediaStream;
    try {
      local = await this.openMedia(joined.call.callType === 'video');
    } catch (e) {
      await this.client.request('rtc.leave', { callId }).catch(() => undefined);
      throw e;
    }
    await this.enter(inv, this.conversationOf(inv), local, joined);
  }

  async reject(callId: string): Promise<void> {
    await this.client.rejectInvitation(callId);
  }

  private conversationOf(inv: Invitation): ConversationId {
    return inv.groupId !== undefined ? conversationId('group', inv.groupId) : conversationId('single', inv.inviter === this.client.user ? inv.invitees[0]! : inv.inviter);
  }

  /** Opens the microphone (and camera); a refusal is kept on the snapshot for the UI, then thrown. */
  private async openMedia(video: boolean): Promise<MediaStream> {
    try {
      return await openLocalMedia(video);
    } catch (e) {
      const err = toCallMediaError(e);
      this.mediaError = { kind: err.kind, message: err.message };
      for (const l of [...this.listeners]) l();
      throw err;
    }
  }


  private async enter(inv: Invitation, conversation: ConversationId, local: MediaStream, alreadyJoined?: OpResult<'rtc.join'>): Promise<void> {
    if (this.active()) this.finish('hung-up');
    const callType = rtcCallType(inv.data) ?? 'audio';
    this.mediaError = null;
    this.tracks = new LocalTracks(local);
    this.joined = false;
    this.set({
      callId: inv.inviteId, conversation, callType, direction: inv.inviter === this.client.user ? 'outgoing' : 'incoming', inviter: inv.inviter,
      phase: 'ringing', participants: participantsOf(inv, this.client.user), localStream: local, muted: false, cameraOff: false, screenSharing: false,
      connectedAt: null, error: null, ended: null,
    });
    try {
      const res = alreadyJoined ?? (await this.client.request('rtc.join', { callId: inv.inviteId }));
      this.joined = true;
      const self = this.client.user;
      this.session = this.media.createSession({
        callId: inv.inviteId, self, video: callType === 'video', iceServers: res.iceServers, localStream: local,
        signal: (to, signal) => void this.client.request('rtc.signal', { callId: inv.inviteId, to, signal }).catch((e: unknown) => this.onSignalError(e)),
        onRemoteStream: (user, stream) => this.patch(inv.inviteId, (s) => updateParticipant(s, user, { stream })),
        onPeerState: (user, state, iceRestarts) => this.patch(inv.inviteId, (s) => updateParticipant(s, user, { state, iceRestarts })),
      });
      // This device joined last: it makes the offers.
      for (const p of res.participants) this.session.addPeer(p.user, p.epoch, true);
      this.refresh();
    } catch (e) {
      this.fail(e);
      throw e;
    }
  }

  private patch(callId: string, change: (s: CallState) => CallState): void {
    const s = this.snapshot;
    if (s && s.callId === callId && !s.ended) this.set(change(s));
  }

  private onSignalError(e: unknown): void {
    // The call ended or this device lost it while a step was on its way: the events say so.
    if (isNatterError(e) && (e.code === ErrorCode.CALL_ENDED || e.code === ErrorCode.CALL_NOT_JOINED || e.code === ErrorCode.CALL_PEER_NOT_JOINED)) return;
    console.warn('natter call: signal not relayed', e);
  }

  private fail(e: unknown): void {
    const s = this.active();
    if (!s) return;
    this.set({ ...s, error: { kind: 'call-failed', message: e instanceof Error ? e.message : String(e), ...(isNatterError(e) ? { code: e.code } : {}) } });
    this.finish('failed');
  }

  /** Ends the call on this device: media stopped, session closed. */
  private finish(reason: CallEndReason, durationMs?: number, keepMedia = false): void {
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

  async hangUp(): Promise<void> {
    const s = this.active();
    if (!s) return;
    const wasJoined = this.joined;
    this.finish('hung-up');
    const ringing = s.participants.some((p) => p.state === 'ringing');
    if (s.direction === 'outgoing' && ringing) await this.client.cancelInvitation(s.callId).catch(() => undefined);
    if (wasJoined) await this.client.request('rtc.leave', { callId: s.callId }).catch(() => undefined);
  }

  // ---- events ----

  private onRtc(e: RtcEventOf): void {
    const s = this.active();
    if (!s || e.callId !== s.callId) return;
    switch (e.kind) {
      case 'signal':
        this.session?.receive(e.from, e.epoch, e.signal);
        return;
      case 'joined':
        this.set(updateParticipant(s, e.user, { state: 'connecting' }));
        // The joiner offers; a rejoin on the same device keeps the link and restarts ICE from its side.
        this.session?.addPeer(e.user, e.epoch, false);
        return;
      case 'left':
        this.session?.removePeer(e.user);
        this.set(updateParticipant(this.snapshot!, e.user, { state: 'left', stream: null }));
        return;
      case 'replaced':
        this.finish('moved');
        return;
      case 'ended':
        this.finish(e.outcome, e.durationMs);
        return;
    }
  }

  private onInvitation(e: InvitationEvent): void {
    const inv = e.invitation;
    if (rtcCallType(inv.data) === null) return;
    const me = this.client.user;
    if (inv.invitees.includes(me) && inv.states[me] === 'pending') this.incoming.set(inv.inviteId, inv);
    else this.incoming.delete(inv.inviteId);
    const s = this.active();
    if (s && s.callId === inv.inviteId && e.invitee !== undefined && e.invitee !== me) {
      const next = participantsOf(inv, me).find((p) => p.user === e.invitee);
      const known = s.participants.find((p) => p.user === e.invitee);
      // Media states win over "accepted": only an answer or a miss moves a participant that still rings.
      if (next && known?.state === 'ringing') this.set(updateParticipant(s, e.invitee, { state: next.state }));
    }
    this.resolveGlare();
  }

  /** Both called each other: the call with the smaller id wins on both sides. */
  private resolveGlare(): void {
    const s = this.active();
    const theirs = glareWinner(s, this.incoming.values());
    if (!s || !theirs) return;
    this.incoming.delete(theirs.inviteId);
    const local = s.localStream;
    // Keep the camera and microphone open across the switch (no second permission prompt).
    this.finish('cancelled', 0, true);
    void (async () => {
      await this.client.cancelInvitation(s.callId, GLARE_CANCEL_DATA).catch(() => undefined);
      await this.client.request('rtc.leave', { callId: s.callId }).catch(() => undefined);
      const { invitation } = await this.client.acceptInvitation(theirs.inviteId);
      await this.enter(invitation, this.conversationOf(invitation), local ?? (await openLocalMedia(s.callType === 'video')));
    })().catch((e: unknown) => this.fail(e));
  }

  /** After a reconnect: join again (same device, same epoch) and restart ICE with everyone. */
  private async rejoin(): Promise<void> {
    const s = this.active();
    if (!s || !this.session) return;
    try {
      const res = await this.client.request('rtc.join', { callId: s.callId });
      this.joined = true;
      for (const p of res.participants) this.session.addPeer(p.user, p.epoch, true);
      this.session.restartIce();
      this.refresh();
    } catch (e) {
      if (isNatterError(e) && (e.code === ErrorCode.CALL_ENDED || e.code === ErrorCode.CALL_NOT_JOINED)) this.finish('answered');
      else this.fail(e);
    }
  }

  // ---- media controls ----

  async setMuted(muted: boolean): Promise<void> {
    const s = this.active();
    if (!s || !this.tracks) return;
    this.set({ ...s, muted });
    await this.tracks.mute(this.session, muted);
  }

  async setCameraOff(off: boolean): Promise<void> {
    const s = this.active();
    if (!s || !this.tracks) return;
    this.set({ ...s, cameraOff: off });
    await this.tracks.cameraOff(this.session, off, s.screenSharing);
  }

  async switchDevice(kind: 'audio' | 'video', deviceId: string): Promise<void> {
    const s = this.active();
    if (!s || !this.tracks) return;
    await this.tracks.switchDevice(this.session, kind, deviceId, s);
    this.set({ ...this.active()!, localStream: this.tracks.stream });
  }

  async startScreenShare(): Promise<void> {
    const s = this.active();
    if (!s || !this.tracks || s.callType !== 'video' || s.screenSharing) return;
    await this.tracks.startScreen(this.session, () => void this.stopScreenShare());
    this.set({ ...this.active()!, screenSharing: true });
  }

  async stopScreenShare(): Promise<void> {
    const s = this.active();
    if (!s?.screenSharing || !this.tracks) return;
    await this.tracks.stopScreen(this.session, s.cameraOff);
    this.set({ ...this.active()!, screenSharing: false });
  }

  stats(user: string): Promise<RTCStatsReport | null> {
    return this.session?.stats(user) ?? Promise.resolve(null);
  }

  dismiss(): void {
    if (this.snapshot?.phase === 'ended') this.set(null);
    this.mediaError = null;
  }

  dispose(): void {
    void this.hangUp();
    for (const u of this.unsubs) u();
    this.listeners.clear();
  }
}

const byClient = new WeakMap<ChatClient, CallClient>();

/** Calls over `client` (one CallClient per ChatClient: the same one for every caller). */
export function callClientFor(client: ChatClient, options?: CallClientOptions): CallClient {
  let calls = byClient.get(client);
  if (!calls) {
    calls = new NatterCallClient(client, options);
    byClient.set(client, calls);
  }
  return calls;
}

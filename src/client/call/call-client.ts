// Owns the CallClient API over a ChatClient: starting a call (invitation +
// joining the relay), answering, joining one accepted elsewhere or taken over
// from another device, hanging up, and the media controls. The call's state
// and lifecycle are call-core.ts's; what the server says about it,
// call-events.ts's.
import { ErrorCode, NatterError } from '../../protocol/errors';
import { parseConversationId, type ConversationId } from '../../protocol/ids';
import type { Invitation } from '../../protocol/invitation';
import { RTC_MAX_PARTICIPANTS, rtcCallData, rtcCallType } from '../../protocol/rtc';
import type { ChatClient, InviteOptions, Unsubscribe } from '../chat-client-types';
import { CallCore } from './call-core';
import { listenForCallEvents, resolveGlare } from './call-events';
import { existingCallClient, registerCallClient } from './call-registry';
import { invitationOf } from './call-state';
import type {
  CallClient,
  CallClientOptions,
  CallDeviceKind,
  CallDevices,
  CallError,
  CallState,
  CallType,
  StartCallOptions,
} from './call-types';
import { webRtcMedia } from './webrtc-media';

class NatterCallClient implements CallClient {
  private readonly core: CallCore;
  private readonly unsubs: Unsubscribe[];

  constructor(
    private readonly client: ChatClient,
    options: CallClientOptions = {},
  ) {
    this.core = new CallCore(client, options.media ?? webRtcMedia, options.now ?? (() => Date.now()));
    this.unsubs = listenForCallEvents(this.core);
  }

  get current(): CallState | null {
    return this.core.current;
  }

  get mediaError(): CallError | null {
    return this.core.mediaError;
  }

  get devices(): CallDevices {
    return this.core.devices;
  }

  subscribe(listener: () => void): Unsubscribe {
    return this.core.subscribe(listener);
  }

  async start(conversation: ConversationId, callType: CallType, options: StartCallOptions = {}): Promise<CallState> {
    const core = this.core;
    if (core.active()) throw new NatterError(ErrorCode.ALREADY_EXISTS, 'already in a call');
    const target = parseConversationId(conversation);
    if (!target || target.type === 'room')
      throw new NatterError(ErrorCode.INVALID_PARAMS, `cannot call ${conversation}`);
    let invitees = [target.target];
    if (target.type === 'group')
      invitees =
        options.invitees ?? (await this.client.group(target.target)).members.filter((u) => u !== this.client.user);
    if (invitees.length === 0) throw new NatterError(ErrorCode.INVALID_PARAMS, 'nobody to call');
    if (invitees.length >= RTC_MAX_PARTICIPANTS)
      throw new NatterError(ErrorCode.CALL_FULL, `a mesh call takes up to ${RTC_MAX_PARTICIPANTS} participants`);
    const local = await core.openMedia(callType === 'video');
    // Calls stay out of history (their summary message is the record); offline push still rings a closed app.
    const invite: InviteOptions = { data: rtcCallData(callType), timeout: options.timeout ?? 30, onlineUserOnly: true };
    if (options.offlinePushInfo) invite.offlinePushInfo = options.offlinePushInfo;
    let invitation: Invitation;
    try {
      ({ invitation } =
        target.type === 'group'
          ? await this.client.inviteInGroup(target.target, invitees, invite)
          : await this.client.invite(target.target, invite));
    } catch (e) {
      for (const t of local.getTracks()) t.stop();
      throw e;
    }
    await core.enter(invitation, conversation, local);
    resolveGlare(core);
    return core.current!;
  }

  async accept(callId: string): Promise<void> {
    const core = this.core;
    const inv = await this.client.invitation(callId);
    const local = await core.openMedia(rtcCallType(inv.data) === 'video');
    try {
      const { invitation } = await this.client.acceptInvitation(callId);
      await core.enter(invitation, core.conversationOf(invitation), local);
    } catch (e) {
      for (const t of local.getTracks()) t.stop();
      throw e;
    }
  }

  async join(call: string | Invitation): Promise<void> {
    const core = this.core;
    const callId = typeof call === 'string' ? call : call.inviteId;
    if (core.active()?.callId === callId) return;
    if (typeof call !== 'string') {
      const local = await core.openMedia(rtcCallType(call.data) === 'video');
      await core.enter(call, core.conversationOf(call), local);
      return;
    }
    // By id (e.g. taking the call over from another device): the relay says what the call is,
    // since its invitation is gone from the server once everyone answered.
    const joined = await this.client.request('rtc.join', { callId });
    const inv = invitationOf(callId, joined.call);
    let local: MediaStream;
    try {
      local = await core.openMedia(joined.call.callType === 'video');
    } catch (e) {
      await this.client.request('rtc.leave', { callId }).catch(() => undefined);
      throw e;
    }
    await core.enter(inv, core.conversationOf(inv), local, joined);
  }

  async reject(callId: string): Promise<void> {
    await this.client.rejectInvitation(callId);
  }

  async hangUp(): Promise<void> {
    const core = this.core;
    const s = core.active();
    if (!s) return;
    const wasJoined = core.joined;
    core.finish('hung-up');
    const ringing = s.participants.some((p) => p.state === 'ringing');
    if (s.direction === 'outgoing' && ringing) await this.client.cancelInvitation(s.callId).catch(() => undefined);
    if (wasJoined) await this.client.request('rtc.leave', { callId: s.callId }).catch(() => undefined);
  }

  // ---- media controls: the snapshot says the new state at once, the tracks follow ----

  async setMuted(muted: boolean): Promise<void> {
    const { core } = this;
    const s = core.active();
    if (!s || !core.tracks) return;
    core.set({ ...s, muted });
    await core.tracks.mute(core.session, muted);
  }

  async setCameraOff(off: boolean): Promise<void> {
    const { core } = this;
    const s = core.active();
    if (!s || !core.tracks) return;
    core.set({ ...s, cameraOff: off });
    await core.tracks.cameraOff(core.session, off, s.screenSharing);
  }

  async chooseDevice(kind: CallDeviceKind, deviceId: string | null): Promise<void> {
    const { core } = this;
    const s = core.active();
    const track = kind === 'audioinput' ? 'audio' : kind === 'videoinput' ? 'video' : null;
    // A camera chosen during a voice call is kept for the next video call.
    if (s && core.tracks && track && (track === 'audio' || s.callType === 'video')) {
      await core.tracks.switchDevice(core.session, track, deviceId, s);
      const now = core.active();
      if (now && core.tracks) core.set({ ...now, localStream: core.tracks.stream });
    }
    core.setDevice(kind, deviceId);
  }

  switchDevice(kind: 'audio' | 'video', deviceId: string): Promise<void> {
    return this.chooseDevice(kind === 'audio' ? 'audioinput' : 'videoinput', deviceId);
  }

  async startScreenShare(): Promise<void> {
    const { core } = this;
    const s = core.active();
    if (!s || !core.tracks || s.callType !== 'video' || s.screenSharing) return;
    await core.tracks.startScreen(core.session, () => void this.stopScreenShare());
    const now = core.active();
    if (now) core.set({ ...now, screenSharing: true });
  }

  async stopScreenShare(): Promise<void> {
    const { core } = this;
    const s = core.active();
    if (!s?.screenSharing || !core.tracks) return;
    await core.tracks.stopScreen(core.session, s.cameraOff);
    const now = core.active();
    if (now) core.set({ ...now, screenSharing: false });
  }

  stats(user: string): Promise<RTCStatsReport | null> {
    return this.core.session?.stats(user) ?? Promise.resolve(null);
  }

  dismiss(): void {
    this.core.dismiss();
  }

  dispose(): void {
    void this.hangUp();
    for (const u of this.unsubs) u();
    this.core.dispose();
  }
}

/** Calls over `client` (one CallClient per ChatClient: the same one for every caller). */
export function callClientFor(client: ChatClient, options?: CallClientOptions): CallClient {
  let calls = existingCallClient(client);
  if (!calls) {
    calls = new NatterCallClient(client, options);
    registerCallClient(client, calls);
  }
  return calls;
}

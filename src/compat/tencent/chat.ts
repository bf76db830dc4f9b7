// Owns the chat instance `TencentCloudChat.create()` returns: login/logout,
// SDK events (on/off) and the binding of a natter ChatClient's events to them.
// Its calls delegate by concept: createGroup, getMessageList and
// getConversationList (chat-history.ts), the signaling API (chat-signaling.ts),
// modifyMessage and message reactions (chat-features.ts). Timeouts and
// permissions are the server's, not this page's: see tencent.ts.
import { createChatClient } from '../../client/chat-client';
import type { ChatClient } from '../../client/chat-client-types';
import { ErrorCode, NatterError } from '../../protocol/errors';
import { clientOptionsFor, resolveServer, type EmbeddedServerLike } from '../server-option';
import { natterId } from '../vendor-id';
import { EVENT, TYPES, type SignalingEventName } from './constants';
import { getSignalingInfo, toTencentMessage } from './message';
import { bindFeatureEvents, changeReaction, getMessageReactions, modifyMessage } from './chat-features';
import { createGroup, getConversationList, getMessageList, MessageSeqs } from './chat-history';
import { invitationStep, invite, inviteInGroup } from './chat-signaling';
import { fail, toTencentError } from './errors';
import { OpenInvitations } from './open-invitations';
import { SdkEvents, type Handler } from './sdk-events';
import { SignalingListeners, signalingEventOf } from './signaling-events';
import type {
  ConversationInfo,
  CreateGroupOptions,
  EventDataMap,
  CreateOptions,
  GroupProfile,
  InvitationStepOptions,
  InviteInGroupOptions,
  InviteOptions,
  SignalingHandler,
  SignalingInfo,
  SignalingResponse,
  TencentMessage,
  TencentResponse,
} from './types';

export class TencentChat {
  readonly SDKAppID: number;
  private readonly server: EmbeddedServerLike | string;
  private readonly WebSocket: unknown;
  private natter: ChatClient | null = null;
  private unbind: (() => void) | null = null;
  private readonly events = new SdkEvents();
  private readonly signaling = new SignalingListeners();
  private readonly seqs = new MessageSeqs();

  constructor(options: CreateOptions) {
    this.SDKAppID = Number(options.SDKAppID);
    this.server = resolveServer(options.server);
    this.WebSocket = options.WebSocket;
  }

  /** The natter ChatClient behind this instance (null before login). */
  get client(): ChatClient | null {
    return this.natter;
  }

  private require(): ChatClient {
    if (!this.natter)
      throw new NatterError(ErrorCode.NOT_AUTHENTICATED, 'not logged in: call chat.login({ userID, userSig }) first');
    return this.natter;
  }

  private async call<T>(fn: (c: ChatClient) => Promise<T>): Promise<T> {
    try {
      return await fn(this.require());
    } catch (err) {
      throw toTencentError(err);
    }
  }

  on<K extends keyof EventDataMap>(
    eventName: K,
    handler: (event: { name: K; data: EventDataMap[K] }) => void,
    context?: unknown,
  ): void;
  on(eventName: string, handler: Handler, context?: unknown): void;
  on(eventName: string, handler: (event: never) => void, context?: unknown): void {
    this.events.add(eventName, handler as Handler, context);
  }

  off<K extends keyof EventDataMap>(
    eventName: K,
    handler: (event: { name: K; data: EventDataMap[K] }) => void,
    context?: unknown,
  ): void;
  off(eventName: string, handler: Handler, context?: unknown): void;
  off(eventName: string, handler: (event: never) => void, context?: unknown): void {
    this.events.remove(eventName, handler as Handler, context);
  }

  private emit(name: string, data?: unknown): void {
    this.events.emit(name, data);
  }

  setLogLevel(_level: number): void {
    // natter logs nothing by default; kept for code that calls it.
  }

  isReady(): boolean {
    return this.natter?.state === 'open';
  }

  async login(options: { userID: string; userSig?: string }): Promise<TencentResponse<{ repeatLogin: boolean }>> {
    const user = natterId(String(options.userID ?? ''));
    if (this.natter) {
      if (this.natter.user === user) return { code: 0, data: { repeatLogin: true } };
      await this.logout();
    }
    const client = createChatClient(clientOptionsFor(this.server, user, options.userSig || undefined, this.WebSocket));
    this.natter = client;
    this.unbind = this.bind(client);
    try {
      await client.connect();
    } catch (err) {
      this.unbind();
      this.unbind = null;
      this.natter = null;
      throw toTencentError(err);
    }
    return { code: 0, data: { repeatLogin: false } };
  }

  logout(): Promise<TencentResponse<Record<string, never>>> {
    const client = this.natter;
    if (client) {
      client.close();
      this.unbind?.();
      this.unbind = null;
      this.natter = null;
      this.emit(EVENT.SDK_NOT_READY);
    }
    return Promise.resolve({ code: 0, data: {} });
  }

  destroy(): Promise<TencentResponse<Record<string, never>>> {
    return this.logout();
  }

  private bind(client: ChatClient): () => void {
    const me = (): string => client.user;
    let ready = false;
    const invitations = new OpenInvitations(client, (event) => this.signaling.emit(event));
    const offs = [
      client.on('ready', () => {
        this.emit(EVENT.NET_STATE_CHANGE, { state: TYPES.NET_STATE_CONNECTED });
        // SDK_READY once per login, as the SDK does; reconnects only change the net state.
        if (!ready) {
          this.emit(EVENT.SDK_READY);
          void invitations.announcePending();
        }
        ready = true;
      }),
      client.on('state', ({ state }) => {
        if (state === 'reconnecting') this.emit(EVENT.NET_STATE_CHANGE, { state: TYPES.NET_STATE_CONNECTING });
        if (state === 'closed') this.emit(EVENT.NET_STATE_CHANGE, { state: TYPES.NET_STATE_DISCONNECTED });
      }),
      client.on('error', (e) => this.emit(EVENT.ERROR, { code: e.code, message: e.message })),
      client.on('message', (e) => {
        this.seqs.remember(e.message);
        if (e.message.from !== me()) this.emit(EVENT.MESSAGE_RECEIVED, [toTencentMessage(e.message, me())]);
      }),
      client.on('recall', (e) => this.emit(EVENT.MESSAGE_REVOKED, [toTencentMessage(e.message, me())])),
      ...bindFeatureEvents(client, (name, data) => this.emit(name, data)),
      client.on('invitation', (e) => {
        const event = signalingEventOf(e, me());
        if (event && invitations.admit(event)) this.signaling.emit(event);
      }),
    ];
    return () => offs.forEach((off) => off());
  }

  // ---- groups, messages, conversations (chat-history.ts) ----

  createGroup(
    options: CreateGroupOptions,
  ): Promise<TencentResponse<{ group: GroupProfile; overLimitUserIDList: string[] }>> {
    return this.call((c) => createGroup(c, options));
  }

  getMessageList(options: {
    conversationID: string;
    nextReqMessageID?: string;
    count?: number;
  }): Promise<TencentResponse<{ messageList: TencentMessage[]; nextReqMessageID: string; isCompleted: boolean }>> {
    return this.call((c) => getMessageList(c, this.seqs, options));
  }

  getConversationList(): Promise<TencentResponse<{ conversationList: ConversationInfo[] }>> {
    return this.call((c) => getConversationList(c));
  }

  // ---- message extensions (chat-features.ts) ----

  modifyMessage(message: TencentMessage): Promise<TencentResponse<{ message: TencentMessage }>> {
    return this.call((c) => modifyMessage(c, message));
  }
  addMessageReaction(message: TencentMessage, reactionID: string) {
    return this.call((c) => changeReaction(c, message, reactionID, false));
  }
  removeMessageReaction(message: TencentMessage, reactionID: string) {
    return this.call((c) => changeReaction(c, message, reactionID, true));
  }
  getMessageReactions(options: Parameters<typeof getMessageReactions>[1]) {
    return this.call((c) => getMessageReactions(c, options));
  }

  // ---- signaling ----

  addSignalingListener(
    eventName: SignalingEventName | string,
    handler: SignalingHandler,
    context?: unknown,
  ): Promise<void> {
    this.signaling.add(eventName, handler, context);
    return Promise.resolve();
  }

  removeSignalingListener(
    eventName: SignalingEventName | string,
    handler: SignalingHandler,
    context?: unknown,
  ): Promise<void> {
    this.signaling.remove(eventName, handler, context);
    return Promise.resolve();
  }

  invite(options: InviteOptions): Promise<SignalingResponse> {
    if (!options || !options.userID) return fail(new NatterError(ErrorCode.INVALID_PARAMS, 'invite needs a userID'));
    return this.call((c) => invite(c, options));
  }

  inviteInGroup(options: InviteInGroupOptions): Promise<SignalingResponse> {
    if (!options || !options.groupID || !Array.isArray(options.inviteeList))
      return fail(new NatterError(ErrorCode.INVALID_PARAMS, 'inviteInGroup needs a groupID and an inviteeList'));
    return this.call((c) => inviteInGroup(c, options));
  }

  cancel(options: InvitationStepOptions): Promise<SignalingResponse> {
    return this.call((c) => invitationStep(c, 'cancel', options));
  }

  accept(options: InvitationStepOptions): Promise<SignalingResponse> {
    return this.call((c) => invitationStep(c, 'accept', options));
  }

  reject(options: InvitationStepOptions): Promise<SignalingResponse> {
    return this.call((c) => invitationStep(c, 'reject', options));
  }

  modifyInvitation(options: InvitationStepOptions): Promise<SignalingResponse> {
    return this.call((c) => invitationStep(c, 'modify', options));
  }

  getSignalingInfo(message: TencentMessage | unknown): SignalingInfo | null {
    return getSignalingInfo(message);
  }
}

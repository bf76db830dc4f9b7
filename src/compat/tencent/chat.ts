// Owns the chat instance `TencentCloudChat.create()` returns: login/logout,
// SDK events (on/off), createGroup, getMessageList, getConversationList and
// the signaling API (invite, inviteInGroup, cancel, accept, reject,
// modifyInvitation, getSignalingInfo, add/removeSignalingListener) over one
// natter ChatClient, plus modifyMessage and message reactions
// (chat-features.ts). Timeouts and permissions are the server's, not this
// page's: see tencent.ts.
import { createChatClient } from '../../client/chat-client';
import type { ChatClient, InviteOptions as NatterInviteOptions } from '../../client/chat-client-types';
import { ErrorCode, NatterError, isNatterError } from '../../protocol/errors';
import type { ConversationId } from '../../protocol/ids';
import type { Invitation } from '../../protocol/invitation';
import type { Message } from '../../protocol/message';
import { clientOptionsFor, resolveServer, type EmbeddedServerLike } from '../server-option';
import { natterId } from '../vendor-id';
import { EVENT, TYPES, type SignalingEventName } from './constants';
import { getSignalingInfo, toTencentMessage } from './message';
import { bindFeatureEvents, changeReaction, getMessageReactions, modifyMessage } from './chat-features';
import { OpenInvitations } from './open-invitations';
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
  SDKEvent,
  SignalingHandler,
  SignalingInfo,
  SignalingResponse,
  TencentError,
  TencentMessage,
  TencentResponse,
} from './types';

type Handler = (event: SDKEvent) => void;

function toTencentError(err: unknown): TencentError {
  const code = isNatterError(err) ? err.code : ErrorCode.UNKNOWN;
  const e = new Error(err instanceof Error ? err.message : String(err)) as TencentError;
  e.code = code;
  return e;
}

function fail<T>(err: unknown): Promise<T> {
  return Promise.reject(toTencentError(err));
}

function conversationOf(conversationID: string): ConversationId {
  if (conversationID.startsWith('C2C')) return `single:${natterId(conversationID.slice(3))}`;
  if (conversationID.startsWith('GROUP')) return `group:${natterId(conversationID.slice(5))}`;
  throw new NatterError(ErrorCode.INVALID_PARAMS, `unknown conversationID ${conversationID}`);
}

function inviteOptions(o: {
  data?: string;
  timeout?: number;
  onlineUserOnly?: boolean;
  offlinePushInfo?: NatterInviteOptions['offlinePushInfo'];
}): NatterInviteOptions {
  return {
    data: o.data ?? '',
    timeout: Math.max(0, Number(o.timeout) || 0),
    onlineUserOnly: o.onlineUserOnly === true,
    ...(o.offlinePushInfo ? { offlinePushInfo: o.offlinePushInfo } : {}),
  };
}

export class TencentChat {
  readonly SDKAppID: number;
  private readonly server: EmbeddedServerLike | string;
  private readonly WebSocket: unknown;
  private natter: ChatClient | null = null;
  private unbind: (() => void) | null = null;
  private readonly handlers = new Map<string, Array<{ handler: Handler; context: unknown }>>();
  private readonly signaling = new SignalingListeners();
  /** Message ID → seq, so getMessageList can continue from nextReqMessageID. */
  private readonly seqs = new Map<string, number>();

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
    const list = this.handlers.get(eventName) ?? [];
    list.push({ handler: handler as Handler, context });
    this.handlers.set(eventName, list);
  }

  off<K extends keyof EventDataMap>(
    eventName: K,
    handler: (event: { name: K; data: EventDataMap[K] }) => void,
    context?: unknown,
  ): void;
  off(eventName: string, handler: Handler, context?: unknown): void;
  off(eventName: string, handler: (event: never) => void, context?: unknown): void {
    const list = this.handlers.get(eventName) ?? [];
    this.handlers.set(
      eventName,
      list.filter((x) => !(x.handler === (handler as Handler) && (context === undefined || x.context === context))),
    );
  }

  private emit(name: string, data?: unknown): void {
    for (const { handler, context } of [...(this.handlers.get(name) ?? [])]) {
      try {
        handler.call(context, data === undefined ? { name } : { name, data });
      } catch (err) {
        queueMicrotask(() => {
          throw err;
        });
      }
    }
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

  async logout(): Promise<TencentResponse<Record<string, never>>> {
    const client = this.natter;
    if (client) {
      client.close();
      this.unbind?.();
      this.unbind = null;
      this.natter = null;
      this.emit(EVENT.SDK_NOT_READY);
    }
    return { code: 0, data: {} };
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
        this.remember(e.message);
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

  private remember(m: Message): void {
    this.seqs.set(m.serverId, m.seq);
    if (this.seqs.size > 10_000) {
      const oldest = this.seqs.keys().next();
      if (!oldest.done) this.seqs.delete(oldest.value);
    }
  }

  // ---- groups, messages, conversations ----

  createGroup(
    options: CreateGroupOptions,
  ): Promise<TencentResponse<{ group: GroupProfile; overLimitUserIDList: string[] }>> {
    return this.call(async (c) => {
      const members = (options.memberList ?? []).map((m) => natterId(m.userID)).filter((u) => u !== c.user);
      const g = await c.createGroup({
        name: String(options.name ?? ''),
        ...(options.groupID ? { groupId: natterId(options.groupID) } : {}),
        ...(options.introduction ? { desc: options.introduction } : {}),
        members,
      });
      const group: GroupProfile = {
        groupID: g.groupId,
        name: g.name,
        type: options.type ?? TYPES.GRP_WORK,
        ownerID: g.owner,
        introduction: g.desc,
        memberCount: g.members.length,
        createTime: Math.floor(g.createdAt / 1000),
      };
      return { code: 0 as const, data: { group, overLimitUserIDList: [] } };
    });
  }

  getMessageList(options: {
    conversationID: string;
    nextReqMessageID?: string;
    count?: number;
  }): Promise<TencentResponse<{ messageList: TencentMessage[]; nextReqMessageID: string; isCompleted: boolean }>> {
    return this.call(async (c) => {
      const conv = conversationOf(options.conversationID);
      const before = options.nextReqMessageID ? this.seqs.get(options.nextReqMessageID) : undefined;
      const limit = Math.max(1, Math.min(15, Number(options.count) || 15));
      const page = await c.history(conv, before === undefined ? { limit } : { before, limit });
      page.messages.forEach((m) => this.remember(m));
      const messageList = [...page.messages].reverse().map((m) => toTencentMessage(m, c.user));
      return {
        code: 0 as const,
        data: { messageList, nextReqMessageID: messageList[0]?.ID ?? '', isCompleted: !page.hasMore },
      };
    });
  }

  getConversationList(): Promise<TencentResponse<{ conversationList: ConversationInfo[] }>> {
    return this.call(async (c) => {
      const list = (await c.conversations()).filter((s) => s.type !== 'room');
      const conversationList = list.map((s): ConversationInfo => {
        const m = s.lastMessage ? toTencentMessage(s.lastMessage, c.user) : null;
        return {
          conversationID: s.type === 'single' ? `C2C${s.target}` : `GROUP${s.target}`,
          type: s.type === 'single' ? 'C2C' : 'GROUP',
          unreadCount: s.unread,
          lastMessage: m
            ? {
                messageForShow: typeof m.payload.text === 'string' ? m.payload.text : `[${m.type}]`,
                lastTime: m.time,
                fromAccount: m.from,
                type: m.type,
              }
            : null,
        };
      });
      return { code: 0 as const, data: { conversationList } };
    });
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

  private answer(result: { invitation: Invitation; message: Message | null }, me: string): SignalingResponse {
    return {
      code: 0,
      data: { message: result.message ? toTencentMessage(result.message, me) : null },
      inviteID: result.invitation.inviteId,
    };
  }

  invite(options: InviteOptions): Promise<SignalingResponse> {
    if (!options || !options.userID) return fail(new NatterError(ErrorCode.INVALID_PARAMS, 'invite needs a userID'));
    return this.call(async (c) =>
      this.answer(await c.invite(natterId(options.userID), inviteOptions(options)), c.user),
    );
  }

  inviteInGroup(options: InviteInGroupOptions): Promise<SignalingResponse> {
    if (!options || !options.groupID || !Array.isArray(options.inviteeList))
      return fail(new NatterError(ErrorCode.INVALID_PARAMS, 'inviteInGroup needs a groupID and an inviteeList'));
    return this.call(async (c) =>
      this.answer(
        await c.inviteInGroup(
          natterId(options.groupID),
          options.inviteeList.map((u) => natterId(u)),
          inviteOptions(options),
        ),
        c.user,
      ),
    );
  }

  cancel(options: InvitationStepOptions): Promise<SignalingResponse> {
    return this.call(async (c) =>
      this.answer(await c.cancelInvitation(String(options.inviteID), options.data ?? ''), c.user),
    );
  }

  accept(options: InvitationStepOptions): Promise<SignalingResponse> {
    return this.call(async (c) =>
      this.answer(await c.acceptInvitation(String(options.inviteID), options.data ?? ''), c.user),
    );
  }

  reject(options: InvitationStepOptions): Promise<SignalingResponse> {
    return this.call(async (c) =>
      this.answer(await c.rejectInvitation(String(options.inviteID), options.data ?? ''), c.user),
    );
  }

  modifyInvitation(options: InvitationStepOptions): Promise<SignalingResponse> {
    return this.call(async (c) =>
      this.answer(await c.modifyInvitation(String(options.inviteID), options.data ?? ''), c.user),
    );
  }

  getSignalingInfo(message: TencentMessage | unknown): SignalingInfo | null {
    return getSignalingInfo(message);
  }
}

// Owns `new WebIM.connection(options)`: one ChatClient behind Easemob's
// connection API — open/close, listen (and 4.x addEventHandler; the set is
// listener-set.ts's, the connection-state events session-events.ts's), send,
// recall, roaming, sessions, receipts lookups, the roster (roster.ts),
// reactions and edits (connection-features.ts) — and the id bookkeeping that
// lets the app refer to its own messages by local id.
import { ulid } from '../../protocol/ulid';
import { createChatClient } from '../../client/chat-client';
import type { ChatClient } from '../../client/chat-client-types';
import { ErrorCode, NatterError } from '../../protocol/errors';
import { carriesFile, type Message } from '../../protocol/message';
import { clientOptionsFor, resolveServer, type EmbeddedServerLike } from '../server-option';
import { natterId } from '../vendor-id';
import { BoundedMap } from './bounded-map';
import { bindClientEvents } from './client-events';
import { safeCall, toWebIMError } from './errors';
import type { DownloadSource } from './file-source';
import { webimGlobals } from './globals';
import { fetchHistory, type HistoryCursor, type HistoryOptions } from './history';
import { WebIMMessage } from './message';
import { groupReadCounts, unseenGroupAcks } from './offline-group-acks';
import { sendBody, type SendResult } from './send';
import { toSessionList, type SessionList } from './session-list';
import { bindFeatureListeners, ConnectionFeatures } from './connection-features';
import { ListenerSet } from './listener-set';
import { bindSessionEvents } from './session-events';
import { contactsOf, rosterItem, RosterTracker } from './roster';
import type {
  Callbacks,
  ConnectionOptions,
  ListenerArg,
  ListenerName,
  Listeners,
  OpenOptions,
  ReceivedMessage,
  RosterItem,
  WebIMMessageBody,
} from './types';

const ID_MEMORY = 10_000;

export class Connection extends ConnectionFeatures implements DownloadSource {
  /** Roaming cursors; `conn.mr_cache = []` makes fetchHistoryMessages start again from the newest. */
  mr_cache: HistoryCursor[] = [];
  readonly context: { userId: string; accessToken: string; appKey: string };
  apiUrl: string;
  readonly server: EmbeddedServerLike | string;
  private readonly options: ConnectionOptions;
  private readonly listeners = new ListenerSet();
  private natter: ChatClient | null = null;
  private unbind: (() => void) | null = null;
  private roster: RosterTracker | null = null;
  private readonly serverIds = new BoundedMap<string, string>(ID_MEMORY);
  private readonly seqs = new BoundedMap<string, number>(ID_MEMORY);
  private readonly fileIds = new BoundedMap<string, string>(ID_MEMORY);

  constructor(options: ConnectionOptions = {}) {
    super();
    this.options = options;
    this.server = resolveServer(options.server);
    this.context = { userId: '', accessToken: '', appKey: options.appKey ?? 'natter#natter' };
    this.apiUrl = options.apiUrl ?? '';
    webimGlobals.conn = this;
  }

  /** The natter ChatClient behind this connection (null before open), for apps mixing both APIs. */
  get client(): ChatClient | null {
    return this.natter;
  }

  protected requireClient(): ChatClient {
    if (!this.natter) throw new NatterError(ErrorCode.DISCONNECTED, 'not opened: call conn.open({ user }) first');
    return this.natter;
  }

  isOpened(): boolean {
    return this.natter?.state === 'open';
  }

  getUniqueId(): string {
    return ulid();
  }

  listen(listeners: Listeners): void {
    this.listeners.listen(listeners);
  }

  /** Easemob 4.x: handlers added next to (not instead of) the `listen` set. */
  addEventHandler(id: string, listeners: Listeners): void {
    this.listeners.add(id, listeners);
  }

  removeEventHandler(id: string): void {
    this.listeners.remove(id);
  }

  protected emit<K extends ListenerName>(name: K, arg: ListenerArg<K>): void {
    this.listeners.emit(name, arg);
  }

  open(options: OpenOptions): Promise<{ user: string; access_token: string }> {
    const p = this.doOpen(options);
    // Easemob 3.x apps do not await open(): failures reach `error` and onError, so the
    // returned Promise is marked handled (it still rejects for those who await it).
    p.then(
      (r) => safeCall(options.success, r),
      (e: unknown) => safeCall(options.error, toWebIMError(e)),
    );
    return p;
  }

  private async doOpen(options: OpenOptions): Promise<{ user: string; access_token: string }> {
    if (this.natter) this.close();
    const user = natterId(String(options.user ?? ''));
    const token = options.accessToken ?? '';
    const client = createChatClient({
      ...clientOptionsFor(this.server, user, token || undefined, this.options.WebSocket),
      delivery: (this.options.delivery ?? webimGlobals.config.delivery) === true,
    });
    this.natter = client;
    this.context.userId = user;
    this.context.accessToken = token;
    const offSession = bindSessionEvents(client, (name, arg) => this.emit(name, arg));
    const offEvents = bindClientEvents(client, {
      me: () => client.user,
      emit: (name, arg) => this.emit(name, arg),
      remember: (m) => this.remember(m),
      emoji: () => webimGlobals.emoji,
      noteGroupReadCount: (id, count) => groupReadCounts(client.user).set(id, count),
      noteContacts: (change) => {
        if (this.natter !== client || !this.roster) return;
        if ('message' in change) this.roster.message(change.message);
        else this.roster.group(change.group);
      },
    });
    const offFeatures = bindFeatureListeners(client, (name, arg) => this.emit(name, arg));
    this.unbind = () => [offSession, offEvents, offFeatures].forEach((off) => off());
    try {
      await client.connect();
    } catch (err) {
      const e = toWebIMError(err);
      this.emit('onError', e);
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- Easemob's SDK rejects with its plain error object ({ type, message }), which apps read
      throw e;
    }
    // Only worth the requests when someone listens (the document registers listeners before open).
    if (this.listeners.has('onStatisticMessage')) void this.reportOfflineGroupAcks(client);
    // Following contacts costs two requests per open: only for apps that listen (or ask getRoster).
    // Open settles once they are loaded, so a change made after it is reported (loaded later, the
    // contacts would already hold it).
    if (this.listeners.has('onRoster')) await this.followRoster(client);
    return { user, access_token: token };
  }

  /** Settles once the contacts the roster follows from are loaded. */
  private followRoster(client: ChatClient): Promise<void> {
    if (this.roster) return Promise.resolve();
    this.roster = new RosterTracker(client, this.context.appKey, (items) => {
      if (this.natter === client) this.emit('onRoster', items);
    });
    return this.roster.start();
  }

  /** This user's contacts (everyone they share a single chat or a group with); onRoster follows changes from now on. */
  getRoster(option: Callbacks<RosterItem[]> = {}): Promise<RosterItem[]> {
    const p = this.requireClientAsync().then(async (c) => {
      void this.followRoster(c);
      return (await contactsOf(c)).map((u) => rosterItem(this.context.appKey, u, 'both'));
    });
    return this.settle(p, option.success, option.error);
  }

  private async reportOfflineGroupAcks(client: ChatClient): Promise<void> {
    try {
      const groupAck = await unseenGroupAcks(client, client.user);
      if (groupAck.length > 0 && this.natter === client) {
        this.emit('onStatisticMessage', { type: 'statistic', location: JSON.stringify({ group_ack: groupAck }) });
      }
    } catch {
      // Best effort: a connection closed during the scan has nobody to tell.
    }
  }

  close(): void {
    const client = this.natter;
    if (!client) return;
    client.close();
    this.unbind?.();
    this.unbind = null;
    this.roster = null;
    this.natter = null;
  }

  send(body: WebIMMessageBody | WebIMMessage): Promise<SendResult | null> {
    const b = body instanceof WebIMMessage ? body.body : body;
    return sendBody(
      {
        client: () => this.requireClient(),
        emit: (name, arg) => this.emit(name, arg),
        remember: (m) => this.remember(m),
        serverIdOf: (id) => this.serverIdOf(id),
      },
      b,
    );
  }

  recallMessage(option: {
    mid: string;
    to?: string;
    type?: string;
    success?: (res: { mid: string }) => void;
    fail?: (e: ReturnType<typeof toWebIMError>) => void;
  }): Promise<{ mid: string }> {
    const p = (async () => {
      const recalled = await this.requireClient().recall(this.serverIdOf(String(option.mid)));
      return { mid: recalled.serverId };
    })();
    return this.settle(p, option.success, option.fail);
  }

  fetchHistoryMessages(options: HistoryOptions): Promise<ReceivedMessage[]> {
    const p = fetchHistory(
      {
        client: () => this.requireClient(),
        cursors: () => {
          if (!Array.isArray(this.mr_cache)) this.mr_cache = [];
          return this.mr_cache;
        },
        remember: (m) => this.remember(m),
        seqOf: (id) => this.seqs.get(this.serverIdOf(id)),
        emoji: () => webimGlobals.emoji,
      },
      options,
    );
    // Callers with `fail` have handled it; keep the returned Promise rejecting for `await` users.
    if (options.fail) p.catch(() => undefined);
    return p;
  }

  getSessionList(): Promise<SessionList> {
    return this.requireClientAsync().then(async (c) => toSessionList(await c.conversations(), this.context.appKey));
  }

  deleteSession(option: {
    channel: string;
    chatType?: string;
    deleteRoam?: boolean;
    success?: () => void;
    error?: (e: ReturnType<typeof toWebIMError>) => void;
  }): Promise<void> {
    const p = this.requireClientAsync().then((c) => {
      const type = option.chatType === 'groupChat' ? 'group' : option.chatType === 'chatRoom' ? 'room' : 'single';
      return c.deleteConversation(`${type}:${natterId(String(option.channel))}`, {
        deleteHistory: option.deleteRoam === true,
      });
    });
    return this.settle(p, option.success, option.error);
  }

  getGroupMsgReadUser(option: {
    msgId: string;
    groupId?: string;
    success?: (res: { data: string[]; count: number }) => void;
    error?: (e: ReturnType<typeof toWebIMError>) => void;
  }): Promise<{ data: string[]; count: number }> {
    const p = this.requireClientAsync()
      .then((c) => c.groupReaders(this.serverIdOf(String(option.msgId))))
      .then((readers) => ({ data: readers, count: readers.length }));
    return this.settle(p, option.success, option.error);
  }

  // ---- bookkeeping and downloads ----

  private remember(m: Message): void {
    if (m.from === this.natter?.user) this.serverIds.set(m.localId, m.serverId);
    this.seqs.set(m.serverId, m.seq);
    if (carriesFile(m.body) && m.body.fileId) this.fileIds.set(m.body.url, m.body.fileId);
  }

  protected serverIdOf(id: string): string {
    return this.serverIds.get(id) ?? id;
  }

  fileIdOf(url: string): string | undefined {
    return this.fileIds.get(url);
  }

  headers(): Record<string, string> {
    if (typeof this.server !== 'string') return {};
    return this.context.accessToken
      ? { Authorization: `Bearer ${this.context.accessToken}` }
      : { 'X-Natter-User': this.context.userId };
  }
}

// Owns the hand-written declarations of the WebIM facade: options of
// connection and messages, the shapes listeners receive, and the listener set
// of the Easemob document. Loose where the vendor's JavaScript is loose (a
// `chatType` in an untyped option object widens to string), precise in what
// natter hands back, so an app written against the vendor calls compiles.

/** Easemob's chat types. natter calls them single / group / room. */
export type EasemobChatType = 'singleChat' | 'groupChat' | 'chatRoom';
/** The `type` a received message carries (and `recallMessage` takes). */
export type EasemobMessageKind = 'chat' | 'groupchat' | 'chatroom';

export type WebIMMessageType =
  'txt' | 'img' | 'cmd' | 'file' | 'audio' | 'video' | 'custom' | 'loc' | 'read' | 'channel' | 'delivery';

/** What `fail(e)` and `onError` get: `type` is the documented code as a string ('603' blocked, ...). */
export interface WebIMError {
  type: string;
  message: string;
  data?: { code: number; message: string };
}

export interface MessageConfig {
  allowGroupAck?: boolean;
}

/** `WebIM.utils.getFileUrl(input)`: the picked file and what the document reads off it. */
export interface WebIMFileInfo {
  url: string;
  filename: string;
  filetype: string;
  data: File | Blob;
}

/** A file given to `msg.set({ file })`: from getFileUrl, or `{ data: blob, url }` (pasted images). */
export interface WebIMFileInput {
  data?: Blob | File | null;
  url?: string;
  filename?: string;
  filetype?: string;
}

/** An attachment already on a server, sent by URL (`msg.set({ body })`). */
export interface WebIMUrlBody {
  type?: string;
  url: string;
  size?: { width?: number; height?: number };
  length?: number | string;
  filename?: string;
  filetype?: string;
  file_length?: number;
}

export interface UploadProgress {
  loaded: number;
  total: number;
  lengthComputable: boolean;
}

/** What `onFileUploadComplete` gets: Easemob's upload answer shape, plus natter's file record. */
export interface UploadComplete {
  uri: string;
  entities: Array<{ uuid: string; type: string; 'share-secret': string }>;
  url: string;
  file: { fileId?: string; url: string; name: string; size: number; mime: string };
}

export interface MessageOption {
  msg?: string;
  to?: string;
  from?: string;
  chatType?: EasemobChatType | (string & {});
  /** Legacy Easemob flag: true = chat room. */
  roomType?: boolean;
  /** Must be absent or an object: `ext: null` fails, as the document warns. */
  ext?: Record<string, unknown> | null;
  success?: (id: string, serverMsgId: string) => void;
  fail?: (e: WebIMError) => void;
  /** cmd */
  action?: string;
  /** img / file / audio / video from a file */
  file?: WebIMFileInput;
  /** img / file / audio / video by URL */
  body?: WebIMUrlBody;
  /** audio/video duration in seconds (strings accepted, as the document passes them) */
  length?: number | string;
  width?: number;
  height?: number;
  onFileUploadError?: (e: WebIMError) => void;
  onFileUploadProgress?: (e: UploadProgress) => void;
  onFileUploadComplete?: (data: UploadComplete) => void;
  flashUpload?: unknown;
  apiUrl?: string;
  /** custom */
  customEvent?: string;
  customExts?: Record<string, string>;
  params?: Record<string, unknown>;
  /** loc */
  lat?: number;
  lng?: number;
  addr?: string;
  buildingName?: string;
  /** read / delivery: the id of the message acknowledged */
  id?: string;
  msgConfig?: MessageConfig;
  ackContent?: string;
}

/** `msg.body`: what `conn.send` takes. Mutable: the document sets `msg.body.msgConfig` after `set`. */
export interface WebIMMessageBody extends Omit<MessageOption, 'id'> {
  id: string;
  type: WebIMMessageType;
  /** read / delivery: the acknowledged message (the option's `id`). */
  ackId?: string;
}

export interface EmojiSegment {
  type: 'emoji' | 'txt';
  data: string;
}

/** Fields every received message has. `id` is the server's message id. */
export interface ReceivedBase {
  id: string;
  type: EasemobMessageKind;
  chatType: EasemobChatType;
  from: string;
  to: string;
  /** Server time, ms since epoch. */
  time: number;
  ext: Record<string, unknown>;
  msgConfig?: MessageConfig;
  error: boolean;
  errorText: string;
  errorCode: number;
  /** natter's own ids, for apps that mix the facade with natter's API. */
  natter: { serverId: string; localId: string; seq: number };
}

export interface TextMessage extends ReceivedBase {
  contentsType: 'TEXT';
  data: string;
}
export interface EmojiMessage extends ReceivedBase {
  contentsType: 'EMOJI';
  data: EmojiSegment[];
}
export interface AttachmentFields {
  url: string;
  filename: string;
  filetype: string;
  file_length: number;
  secret: string;
}
export interface PictureMessage extends ReceivedBase, AttachmentFields {
  contentsType: 'IMAGE';
  width: number;
  height: number;
}
export interface FileMessage extends ReceivedBase, AttachmentFields {
  contentsType: 'FILE';
}
export interface AudioMessage extends ReceivedBase, AttachmentFields {
  contentsType: 'VOICE';
  length: number;
}
export interface VideoMessage extends ReceivedBase, AttachmentFields {
  contentsType: 'VIDEO';
  length: number;
  width: number;
  height: number;
}
export interface CmdMessage extends ReceivedBase {
  contentsType: 'COMMAND';
  action: string;
}
export interface CustomMessage extends ReceivedBase {
  contentsType: 'CUSTOM';
  customEvent: string;
  customExts: Record<string, string>;
  params: Record<string, string>;
}
export interface LocationMessage extends ReceivedBase {
  contentsType: 'LOCATION';
  lat: number;
  lng: number;
  addr: string;
  buildingName: string;
}

export type ReceivedMessage =
  | TextMessage
  | EmojiMessage
  | PictureMessage
  | FileMessage
  | AudioMessage
  | VideoMessage
  | CmdMessage
  | CustomMessage
  | LocationMessage;

/** Receipts (onReceivedMessage, onDeliveredMessage, onReadMessage, onChannelMessage). */
export interface ReceiptMessage {
  /** The acknowledged message's id (server id; onReceivedMessage: the local id). */
  id: string;
  mid: string;
  from: string;
  to: string;
  chatType?: EasemobChatType;
  type?: EasemobMessageKind;
  /** Group read receipts: message id → readers so far. */
  groupReadCount?: Record<string, number>;
}

export interface RecallMessage {
  id: string;
  mid: string;
  from: string;
  to: string;
  type: EasemobMessageKind;
  chatType: EasemobChatType;
}

/** Group acks that came while this user was offline: `location` is JSON `{ group_ack: [...] }`. */
export interface StatisticMessage {
  type: 'statistic';
  location: string;
}

export interface GroupAckEntry {
  msg_id: string;
  group_id: string;
  count: number;
  readers: string[];
}

export interface PresenceMessage {
  type: string;
  from: string;
  to: string;
  gid?: string;
  roomId?: string;
  owner?: string;
  users?: string[];
}

export type Blacklist = Record<string, { name: string }>;

/**
 * One contact as Easemob's roster lists it. natter has no friend requests:
 * contacts are mutual (`both`) from the first shared single chat or group;
 * `remove` reports a contact who no longer shares a group or a single chat.
 */
export interface RosterItem {
  name: string;
  jid: string;
  subscription: 'both' | 'remove';
  groups: string[];
}

/**
 * A group invitation as onInviteMessage gets it. natter adds members directly,
 * so the invitee is already a member when it arrives (`joined: true`):
 * agreeInviteIntoGroup keeps the membership, rejectInviteFromGroup leaves.
 */
export interface InviteMessage {
  type: 'invite';
  /** The inviter. */
  from: string;
  to: string;
  /** The group id (Easemob's name for it here); `gid` holds the same. */
  roomid: string;
  gid: string;
  reason: string;
  owner: string;
  joined: true;
}

export interface Listeners {
  onOpened?: () => void;
  onClosed?: () => void;
  onTextMessage?: (message: TextMessage) => void;
  onEmojiMessage?: (message: EmojiMessage) => void;
  onPictureMessage?: (message: PictureMessage) => void;
  onCmdMessage?: (message: CmdMessage) => void;
  onAudioMessage?: (message: AudioMessage) => void;
  onLocationMessage?: (message: LocationMessage) => void;
  onFileMessage?: (message: FileMessage) => void;
  onCustomMessage?: (message: CustomMessage) => void;
  onVideoMessage?: (message: VideoMessage) => void;
  onPresence?: (message: PresenceMessage) => void;
  /** Contacts that appeared or went away (see RosterItem: natter has no friend requests). */
  onRoster?: (roster: RosterItem[]) => void;
  /** Someone else added this user to a group (after onPresence `direct_joined`; see InviteMessage). */
  onInviteMessage?: (message: InviteMessage) => void;
  onOnline?: () => void;
  onOffline?: () => void;
  onError?: (message: WebIMError) => void;
  onBlacklistUpdate?: (list: Blacklist) => void;
  onRecallMessage?: (message: RecallMessage) => void;
  onReceivedMessage?: (message: ReceiptMessage) => void;
  onDeliveredMessage?: (message: ReceiptMessage) => void;
  onReadMessage?: (message: ReceiptMessage) => void;
  onCreateGroup?: (message: PresenceMessage) => void;
  onMutedMessage?: (message: ReceiptMessage) => void;
  onChannelMessage?: (message: ReceiptMessage) => void;
  onStatisticMessage?: (message: StatisticMessage) => void;
  /** A message's reactions changed (the whole list, as getReactionList gives it). */
  onReactionChange?: (change: {
    conversationId: string;
    messageId: string;
    reactions: Array<{ reaction: string; count: number; isAddedBySelf: boolean; userList: string[] }>;
    from: string;
  }) => void;
  /** Someone else edited a message: the message as received, with `modifiedInfo`. */
  onModifiedMessage?: (
    message: Record<string, unknown> & { modifiedInfo: { operationTime: number; operatorId: string } },
  ) => void;
}

export type ListenerName = keyof Listeners;
export type ListenerArg<K extends ListenerName> = Parameters<NonNullable<Listeners[K]>>[0];

export interface ConnectionOptions {
  /** natter: an embedded server, a ws:// URL of `natter serve`, or omitted (the page's shared server). */
  server?: import('../server-option').ServerOption;
  /** natter: WebSocket constructor for `natter serve` URLs where the platform has none (Node: the `ws` package). */
  WebSocket?: unknown;
  /** Send delivery receipts automatically (webim.config.js `delivery: true`). */
  delivery?: boolean;
  appKey?: string;
  apiUrl?: string;
  url?: string;
  isMultiLoginSessions?: boolean;
  https?: boolean;
  isAutoLogin?: boolean;
  heartBeatWait?: number;
  autoReconnectNumMax?: number;
  autoReconnectInterval?: number;
  useOwnUploadFun?: boolean;
  isDebug?: boolean;
}

export interface OpenOptions {
  user: string;
  pwd?: string;
  accessToken?: string;
  appKey?: string;
  success?: (res: { user: string; access_token: string }) => void;
  error?: (e: WebIMError) => void;
}

export interface Callbacks<T> {
  success?: (res: T) => void;
  error?: (e: WebIMError) => void;
}

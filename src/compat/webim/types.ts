// Owns the hand-written declarations of the WebIM facade: options of
// connection and messages. It re-exports the rest, so the facade imports all
// from here: the shared vocabulary (core-types.ts), the shapes listeners
// receive (received-types.ts) and the listener set (listener-types.ts). Loose where the vendor's JavaScript is loose (a
// `chatType` in an untyped option object widens to string), precise in what
// natter hands back, so an app written against the vendor calls compiles.

import type { EasemobChatType, MessageConfig, WebIMError, WebIMMessageType } from './core-types';

export type * from './core-types';
export type * from './received-types';
export type * from './listener-types';

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

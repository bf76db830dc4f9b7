// Owns the vocabulary every WebIM declaration shares: Easemob's chat types,
// message kinds and types, the error shape of callbacks, and message config.

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

// Owns `natter/compat/webim`: the `WebIM` object of Easemob's Web IM SDK
// (connection, message, utils, Emoji, conn, config) over natter's ChatClient,
// so the code examples of the Easemob messages document run unchanged with
// only the import line changed. Without a `server` option every connection in
// the page shares one embedded server; pass an embedded server or the ws://
// URL of `natter serve` to choose.
//
// Differences from Easemob worth knowing: ids outside natter's id alphabet are
// mapped (`'group id'` → `group_id`, see vendor-id.ts); history pages come
// oldest first; there are no friend requests (subscribe / unsubscribe): the
// roster (getRoster, onRoster) is everyone the user shares a single chat or a
// group with; group members are added directly, so onInviteMessage follows
// onPresence `direct_joined` and rejectInviteFromGroup leaves the group;
// onStatisticMessage reports group acks this page has not yet seen, found by
// asking the server when a connection opens; the user's own messages sent from
// another device are not handed to the message listeners (they are in history).
import { Connection } from './webim/connection';
import type { EmojiConfig } from './webim/emoji-split';
import { webimGlobals } from './webim/globals';
import { WebIMMessage } from './webim/message';
import { download, getFileUrl, parseDownloadResponse } from './webim/utils';

export type * from './webim/types';
export type { EmojiConfig } from './webim/emoji-split';
export type { HistoryOptions, HistoryCursor } from './webim/history';
export type { SessionList, ChannelInfo, SessionMeta } from './webim/session-list';
export type { DownloadOptions } from './webim/utils';
export type { CreateGroupData } from './webim/connection-groups';
export type { SendResult } from './webim/send';
export type { ServerOption, EmbeddedServerLike } from './server-option';
export { Connection, WebIMMessage };

export interface WebIMConfig {
  appkey: string;
  apiURL: string;
  xmppURL: string;
  isHttpDNS: boolean;
  isMultiLoginSessions: boolean;
  https: boolean;
  isDebug: boolean;
  autoReconnectNumMax: number;
  delivery: boolean;
  useOwnUploadFun: boolean;
  [key: string]: unknown;
}

export interface WebIMStatic {
  connection: typeof Connection;
  message: typeof WebIMMessage;
  utils: {
    getFileUrl: typeof getFileUrl;
    download: typeof download;
    parseDownloadResponse: typeof parseDownloadResponse;
  };
  /** Custom emoji: texts containing keys of `map` reach onEmojiMessage. */
  Emoji: EmojiConfig | undefined;
  /** The last connection made (assignable). */
  conn: Connection;
  /** The app's WebIMConfig (Easemob demos keep appkey, apiURL, delivery here). */
  config: WebIMConfig;
  /** Flash uploads are gone; kept so option objects that pass it still compile. */
  flashUpload: undefined;
}

export const WebIM: WebIMStatic = {
  connection: Connection,
  message: WebIMMessage,
  utils: { getFileUrl, download, parseDownloadResponse },
  get Emoji(): EmojiConfig | undefined {
    return webimGlobals.emoji ?? undefined;
  },
  set Emoji(value: EmojiConfig | undefined) {
    webimGlobals.emoji = value;
  },
  get conn(): Connection {
    return webimGlobals.conn as Connection;
  },
  set conn(value: Connection) {
    webimGlobals.conn = value;
  },
  // Easemob apps set `WebIM.config.delivery = true` (webim.config.js) and never pass it to the connection.
  get config(): WebIMConfig {
    return webimGlobals.config as WebIMConfig;
  },
  set config(value: WebIMConfig) {
    webimGlobals.config = value;
  },
  flashUpload: undefined,
};

/** @alias Also the default export: the vendor's own examples import it either way. */
export default WebIM;

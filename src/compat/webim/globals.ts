// Owns the WebIM-wide state connections read and WebIM exposes: `WebIM.conn`
// (the last connection made; apps may assign it, as Easemob's demos do) and
// `WebIM.Emoji` (read when a text arrives) and `WebIM.config` (its `delivery`
// is read when a connection opens, as Easemob's webim.config.js is). Kept here
// so the connection and the WebIM object need not import each other.
import type { EmojiConfig } from './emoji-split';

export const webimGlobals: {
  conn: unknown;
  emoji: EmojiConfig | null | undefined;
  config: { delivery?: unknown; [key: string]: unknown };
} = {
  conn: null,
  emoji: undefined,
  config: {
    appkey: 'natter#natter',
    apiURL: '',
    xmppURL: '',
    isHttpDNS: false,
    isMultiLoginSessions: true,
    https: false,
    isDebug: false,
    autoReconnectNumMax: 5,
    delivery: false,
    useOwnUploadFun: false,
  },
};

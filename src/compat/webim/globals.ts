// Owns the WebIM-wide state connections read and WebIM exposes: `WebIM.conn`
// (the last connection made; apps may assign it, as Easemob's demos do) and
// `WebIM.Emoji` (read when a text arrives). Kept here so the connection and
// the WebIM object need not import each other.
import type { EmojiConfig } from './emoji-split';

export const webimGlobals: { conn: unknown; emoji: EmojiConfig | null | undefined } = {
  conn: null,
  emoji: undefined,
};

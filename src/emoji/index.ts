// Public surface of the emoji layer (pure; no React, nothing else of natter).

export type { EmojiSegment, ImageEmojiSegment, Segment, TextSegment, UnicodeEmojiSegment } from './emoji-segment';
export { createEmojiParser, parseEmoji, type EmojiParser, type EmojiParserOptions } from './emoji-parser';
export { compileCustomEmoji, type CustomEmojiMap } from './custom-emoji-map';
export { isSafeEmojiUrl } from './is-safe-emoji-url';
export {
  buildShortcodeTable,
  shortcodeTableFromRecord,
  MAX_SHORTCODE_LENGTH,
  type ShortcodeTable,
} from './shortcode-table';
export { countEmoji, DEFAULT_LARGE_EMOJI_MAX, isEmojiOnly, segmentsToText } from './segment-helpers';
export { loadEmojiData, loadShortcodeTable } from './load-emoji-data';
export type { EmojiCategory, EmojiData, EmojiEntry, EmojiSkin } from './emoji-data';

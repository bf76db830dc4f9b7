// Public surface of EmojiText.
export { EmojiText, type EmojiTextProps } from './emoji-text';
export { linkify, safeLinkHref, type TextPiece } from './linkify';

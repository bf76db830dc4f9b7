// Public surface of natter/ui: the drop-in components, i18n and theming.
// CSS is not imported here (SSR safety): apps import natter/ui/styles.css.
export * from './i18n/index';
export * from './theme/index';
export { EmojiText, linkify, safeLinkHref, type EmojiTextProps, type TextPiece } from './emoji-text/index';
export { ReadReceipt, type ReadReceiptProps } from './read-receipt/index';
export { MessageList, mediaBox, safeUrl, isVideoCall, type MessageListProps, type MediaBox } from './message-list/index';

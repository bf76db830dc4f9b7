// Public surface of natter/ui: the drop-in components, i18n and theming.
// CSS is not imported here (SSR safety): apps import natter/ui/styles.css.
export * from './i18n/index';
export * from './theme/index';
export { EmojiText, linkify, safeLinkHref, type EmojiTextProps, type TextPiece } from './emoji-text/index';
export { ReadReceipt, type ReadReceiptProps } from './read-receipt/index';
export {
  MessageList,
  mediaBox,
  safeUrl,
  isVideoCall,
  type MessageListProps,
  type MediaBox,
} from './message-list/index';
// UI engineer B's components.
export {
  MessageInput,
  EmojiPickerButton,
  attachmentKind,
  checkFile,
  imageSizeFromBytes,
  readImageSize,
  insertAt,
  type MessageInputProps,
  type EmojiPickerButtonProps,
  type AttachmentKind,
  type FileProblem,
  type ImageSize,
} from './message-input/index';
export {
  CallInviteModal,
  callTypeOf,
  callData,
  type CallInviteModalProps,
  type CallEnding,
  type CallType,
} from './call-invite-modal/index';
export {
  ConversationList,
  Avatar,
  initialsOf,
  messagePreview,
  type ConversationListProps,
  type AvatarProps,
  type Preview,
} from './conversation-list/index';
export {
  UnreadBadge,
  CountBadge,
  formatCount,
  type UnreadBadgeProps,
  type CountBadgeProps,
} from './unread-badge/index';
export { Chat, type ChatProps } from './chat/index';
export { NewConversationDialog, type NewConversationDialogProps } from './new-conversation/index';
export { MessageSearch, HighlightedText, type MessageSearchProps } from './message-search/index';
export type { ModalScope } from './modal-dialog';
export {
  CallView,
  CallSummaryLine,
  CallDevicePicker,
  type CallViewProps,
  type CallDevicePickerProps,
} from './call/index';

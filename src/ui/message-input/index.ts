// Public surface of MessageInput and its pure helpers.
export { MessageInput, type MessageInputProps } from './message-input';
export { EmojiPickerButton, type EmojiPickerButtonProps } from './emoji-picker-button';
export { attachmentKind, type AttachmentKind } from './attachment-kind';
export { checkFile, type FileProblem } from './check-file';
export { imageSizeFromBytes, readImageSize, type ImageSize } from '../../react/index';
export { insertAt } from './insert-at-caret';

// Public surface of MessageList.
export { MessageList, type MessageListProps } from './message-list';
export { mediaBox, type MediaBox } from './media-size';
export { safeUrl } from './safe-url';
export { isVideoCall } from './call-event';

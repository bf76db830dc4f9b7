// Public surface of MessageList.
export { MessageList, type MessageListProps } from './message-list';
export { aboveOf, dividerIndex, localDay, GROUP_GAP_MS, type Above } from './row-facts';
export { mediaBox, MEDIA_MAX_WIDTH, MEDIA_MAX_HEIGHT, type MediaBox } from './media-size';
export { safeUrl, osmUrl } from './safe-url';
export { isVideoCall } from './call-event';

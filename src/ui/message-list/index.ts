// Public surface of MessageList.
export { MessageList, type MessageListProps } from './message-list';
export { buildRows, nextLayout, FIRST_INDEX_START, GROUP_GAP_MS, type Row, type Layout } from './build-rows';
export { mediaBox, MEDIA_MAX_WIDTH, MEDIA_MAX_HEIGHT, type MediaBox } from './media-size';
export { safeUrl, osmUrl } from './safe-url';
export { isVideoCall } from './call-event';

// Public surface of ConversationList.
export { ConversationList, type ConversationListProps } from './conversation-list';
export { Avatar, initialsOf, type AvatarProps } from './avatar';
export { messagePreview, type Preview } from './message-preview';

// Owns the mapping between Easemob's chat types (singleChat / groupChat /
// chatRoom, and the chat / groupchat / chatroom of received messages and
// recall) and natter's single / group / room.
import type { ChatType } from '../../protocol/message';
import type { EasemobChatType, EasemobMessageKind } from './types';

export function toNatterChatType(chatType: string | undefined, roomType?: boolean): ChatType {
  switch (chatType) {
    case 'groupChat':
    case 'groupchat':
      return 'group';
    case 'chatRoom':
    case 'chatroom':
      return 'room';
    case undefined:
    case '':
      return roomType ? 'room' : 'single';
    default:
      return 'single';
  }
}

export function toEasemobChatType(type: ChatType): EasemobChatType {
  return type === 'group' ? 'groupChat' : type === 'room' ? 'chatRoom' : 'singleChat';
}

export function toEasemobKind(type: ChatType): EasemobMessageKind {
  return type === 'group' ? 'groupchat' : type === 'room' ? 'chatroom' : 'chat';
}

// Owns the strings of ConversationList and UnreadBadge, in every locale.
// Starter keys; UI engineer B owns and extends this file.
import type { Locale } from './locale';

export interface ConversationListStrings {
  /** Accessible name of the list. */
  listLabel: string;
  empty: string;
  imagePreview: string;
  filePreview: string;
  audioPreview: string;
  videoPreview: string;
  locationPreview: string;
  /** Badge's accessible text, e.g. "3 unread". */
  unread(count: number): string;
}

const en: ConversationListStrings = {
  listLabel: 'Conversations',
  empty: 'No conversations yet',
  imagePreview: '[Image]',
  filePreview: '[File]',
  audioPreview: '[Voice]',
  videoPreview: '[Video]',
  locationPreview: '[Location]',
  unread: (n) => `${n} unread`,
};

const zhCN: ConversationListStrings = {
  listLabel: '会话',
  empty: '暂无会话',
  imagePreview: '[图片]',
  filePreview: '[文件]',
  audioPreview: '[语音]',
  videoPreview: '[视频]',
  locationPreview: '[位置]',
  unread: (n) => `${n} 条未读`,
};

export const conversationListStrings: Record<Locale, ConversationListStrings> = { en, 'zh-CN': zhCN };

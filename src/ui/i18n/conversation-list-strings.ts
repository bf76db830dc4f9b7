// Owns the strings of ConversationList and UnreadBadge, in every locale.
import type { BuiltInLocale } from './locale';

export interface ConversationListStrings {
  /** Accessible name of the list. */
  listLabel: string;
  empty: string;
  loading: string;
  imagePreview: string;
  filePreview: string;
  audioPreview: string;
  videoPreview: string;
  locationPreview: string;
  /** Custom message preview, e.g. "[gift]". */
  customPreview(event: string): string;
  recalledByYou: string;
  recalledBy(name: string): string;
  /** Group sender prefix, e.g. "Ann: ". */
  senderPrefix(name: string): string;
  /** Badge's accessible text, e.g. "3 unread". */
  unread(count: number): string;
  /** Delete button's accessible name. */
  deleteConversation(name: string): string;
  deleteLabel: string;
  deleteFailed(message: string): string;
  /** Accessible text of a muted conversation's mark. */
  muted: string;
  /** Mute toggle's accessible names. */
  muteConversation(name: string): string;
  unmuteConversation(name: string): string;
  muteFailed(message: string): string;
  /** Mute menu choice: mute for an hour. */
  muteForHour: string;
  /** Mute menu choice: mute for eight hours. */
  muteForEightHours: string;
  /** Mute menu choice: mute for a week. */
  muteForWeek: string;
  /** Mute menu choice: mute until unmuted. */
  muteUntilTurnedOn: string;
  /** A conversation muted until a time; `when` is a date and time in the locale's format. */
  mutedUntil(when: string): string;
  /** Chat layout: the empty pane, the back button on narrow screens, call errors. */
  selectConversation: string;
  backToList: string;
  /** A user's presence (the dot beside a person, and its accessible name). */
  presenceOnline: string;
  presenceAway: string;
  presenceOffline: string;
  /** An offline person's last-seen time under their name; `when` is relative ("5 minutes ago", from Intl). */
  lastSeen(when: string): string;
  callFailed(message: string): string;
}

const en: ConversationListStrings = {
  listLabel: 'Conversations',
  empty: 'No conversations yet',
  loading: 'Loading conversations…',
  imagePreview: '[Image]',
  filePreview: '[File]',
  audioPreview: '[Voice]',
  videoPreview: '[Video]',
  locationPreview: '[Location]',
  customPreview: (e) => `[${e}]`,
  recalledByYou: 'You recalled a message',
  recalledBy: (name) => `${name} recalled a message`,
  senderPrefix: (name) => `${name}: `,
  unread: (n) => `${n} unread`,
  deleteConversation: (name) => `Delete conversation with ${name}`,
  deleteLabel: 'Delete',
  deleteFailed: (m) => `Could not delete: ${m}`,
  muted: 'Muted',
  muteConversation: (name) => `Mute conversation with ${name}`,
  unmuteConversation: (name) => `Unmute conversation with ${name}`,
  muteFailed: (m) => `Could not change notifications: ${m}`,
  muteForHour: 'For 1 hour',
  muteForEightHours: 'For 8 hours',
  muteForWeek: 'For 1 week',
  muteUntilTurnedOn: 'Until I turn it back on',
  mutedUntil: (when) => `Muted until ${when}`,
  selectConversation: 'Select a conversation to start chatting',
  backToList: 'Back to conversations',
  presenceOnline: 'Online',
  presenceAway: 'Away',
  presenceOffline: 'Offline',
  lastSeen: (when) => `Last seen ${when}`,
  callFailed: (m) => `Could not start the call: ${m}`,
};

const zhCN: ConversationListStrings = {
  listLabel: '会话',
  empty: '暂无会话',
  loading: '正在加载会话…',
  imagePreview: '[图片]',
  filePreview: '[文件]',
  audioPreview: '[语音]',
  videoPreview: '[视频]',
  locationPreview: '[位置]',
  customPreview: (e) => `[${e}]`,
  recalledByYou: '你撤回了一条消息',
  recalledBy: (name) => `${name} 撤回了一条消息`,
  senderPrefix: (name) => `${name}：`,
  unread: (n) => `${n} 条未读`,
  deleteConversation: (name) => `删除与 ${name} 的会话`,
  deleteLabel: '删除',
  deleteFailed: (m) => `删除失败：${m}`,
  muted: '已静音',
  muteConversation: (name) => `将与 ${name} 的会话设为免打扰`,
  unmuteConversation: (name) => `取消与 ${name} 的会话的免打扰`,
  muteFailed: (m) => `无法更改通知设置：${m}`,
  muteForHour: '1 小时',
  muteForEightHours: '8 小时',
  muteForWeek: '1 周',
  muteUntilTurnedOn: '直到我重新开启',
  mutedUntil: (when) => `免打扰至 ${when}`,
  selectConversation: '选择一个会话开始聊天',
  backToList: '返回会话列表',
  presenceOnline: '在线',
  presenceAway: '离开',
  presenceOffline: '离线',
  lastSeen: (when) => `最后在线：${when}`,
  callFailed: (m) => `无法发起通话：${m}`,
};

export const conversationListStrings: Record<BuiltInLocale, ConversationListStrings> = { en, 'zh-CN': zhCN };

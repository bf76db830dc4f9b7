// Owns the strings of the message list, read receipts and emoji text, in every locale.
import type { BuiltInLocale } from './locale';

export interface MessageListStrings {
  /** Accessible name of the message log. */
  logLabel: string;
  /** While the list itself loads (Chat loads it in a chunk of its own). */
  loadingMessages: string;
  loadingOlder: string;
  historyStart: string;
  historyError: string;
  retryHistory: string;
  empty: string;
  unreadDivider: string;
  /** "N new messages" jump button. */
  newMessages(count: number): string;
  jumpToLatest: string;
  today: string;
  yesterday: string;
  recalled: string;
  recalledByYou: string;
  statusPending: string;
  statusSent: string;
  statusDelivered: string;
  statusRead: string;
  statusFailed: string;
  /** Group read count mark, e.g. "Read by 3". */
  readBy(count: number): string;
  retry: string;
  discard: string;
  failedWithCode(code: number, message: string): string;
  messageActions: string;
  recall: string;
  recallFailed(message: string): string;
  copyText: string;
  showReaders: string;
  readersList(names: string): string;
  imageAlt(name: string): string;
  openImage(name: string): string;
  closeLightbox: string;
  lightboxLabel: string;
  download: string;
  /** File card label: name and human size. */
  fileSize(size: string): string;
  audioLabel(duration: string): string;
  videoLabel: string;
  openMap: string;
  location: string;
  customMessage(event: string): string;
  uploading(percent: number): string;
  /** Signaling event lines. */
  callInvite(inviter: string, video: boolean): string;
  callAccepted(who: string): string;
  callRejected(who: string): string;
  callCancelled(inviter: string): string;
  callTimeout(who: string): string;
  callModified: string;
  you: string;
  /** Screen-reader prefix naming who sent a message and when. */
  messageFrom(sender: string, time: string): string;
}

const en: MessageListStrings = {
  logLabel: 'Messages',
  loadingMessages: 'Loading messages…',
  loadingOlder: 'Loading older messages…',
  historyStart: 'Beginning of the conversation',
  historyError: 'Could not load older messages.',
  retryHistory: 'Try again',
  empty: 'No messages yet',
  unreadDivider: 'Unread messages',
  newMessages: (n) => (n === 1 ? '1 new message' : `${n} new messages`),
  jumpToLatest: 'Jump to latest',
  today: 'Today',
  yesterday: 'Yesterday',
  recalled: 'Message recalled',
  recalledByYou: 'You recalled a message',
  statusPending: 'Sending',
  statusSent: 'Sent',
  statusDelivered: 'Delivered',
  statusRead: 'Read',
  statusFailed: 'Not sent',
  readBy: (n) => `Read by ${n}`,
  retry: 'Retry',
  discard: 'Delete',
  failedWithCode: (code, message) => `Not sent (${code}): ${message}`,
  messageActions: 'Message actions',
  recall: 'Recall',
  recallFailed: (m) => `Could not recall: ${m}`,
  copyText: 'Copy text',
  showReaders: 'Who read it',
  readersList: (names) => `Read by: ${names}`,
  imageAlt: (name) => `Image ${name}`,
  openImage: (name) => `Open image ${name}`,
  closeLightbox: 'Close',
  lightboxLabel: 'Image viewer',
  download: 'Download',
  fileSize: (size) => size,
  audioLabel: (d) => `Voice message, ${d}`,
  videoLabel: 'Video',
  openMap: 'Open in map',
  location: 'Location',
  customMessage: (e) => `[${e}]`,
  uploading: (p) => `Uploading ${p}%`,
  callInvite: (who, video) => `${who} started a ${video ? 'video' : 'voice'} call`,
  callAccepted: (who) => `${who} answered the call`,
  callRejected: (who) => `${who} declined the call`,
  callCancelled: (who) => `${who} cancelled the call`,
  callTimeout: (who) => `Missed call (${who} did not answer)`,
  callModified: 'Call updated',
  you: 'You',
  messageFrom: (sender, time) => `${sender}, ${time}`,
};

const zhCN: MessageListStrings = {
  logLabel: '消息',
  loadingMessages: '正在加载消息…',
  loadingOlder: '正在加载更早的消息…',
  historyStart: '已经到顶了',
  historyError: '无法加载更早的消息。',
  retryHistory: '重试',
  empty: '暂无消息',
  unreadDivider: '以下为未读消息',
  newMessages: (n) => `${n} 条新消息`,
  jumpToLatest: '回到最新',
  today: '今天',
  yesterday: '昨天',
  recalled: '消息已撤回',
  recalledByYou: '你撤回了一条消息',
  statusPending: '发送中',
  statusSent: '已发送',
  statusDelivered: '已送达',
  statusRead: '已读',
  statusFailed: '发送失败',
  readBy: (n) => `${n} 人已读`,
  retry: '重发',
  discard: '删除',
  failedWithCode: (code, message) => `发送失败（${code}）：${message}`,
  messageActions: '消息操作',
  recall: '撤回',
  recallFailed: (m) => `撤回失败：${m}`,
  copyText: '复制文字',
  showReaders: '查看已读成员',
  readersList: (names) => `已读：${names}`,
  imageAlt: (name) => `图片 ${name}`,
  openImage: (name) => `查看图片 ${name}`,
  closeLightbox: '关闭',
  lightboxLabel: '图片查看',
  download: '下载',
  fileSize: (size) => size,
  audioLabel: (d) => `语音消息，${d}`,
  videoLabel: '视频',
  openMap: '在地图中打开',
  location: '位置',
  customMessage: (e) => `[${e}]`,
  uploading: (p) => `上传中 ${p}%`,
  callInvite: (who, video) => `${who} 发起了${video ? '视频' : '语音'}通话`,
  callAccepted: (who) => `${who} 已接听`,
  callRejected: (who) => `${who} 已拒绝`,
  callCancelled: (who) => `${who} 已取消通话`,
  callTimeout: (who) => `未接通话（${who} 未应答）`,
  callModified: '通话已更新',
  you: '你',
  messageFrom: (sender, time) => `${sender}，${time}`,
};

export const messageListStrings: Record<BuiltInLocale, MessageListStrings> = { en, 'zh-CN': zhCN };

// Owns the strings of the conversation features in the drop-in UI:
// reactions, replies, edits, deletes, pins, mentions, threads, forwarding.
import type { BuiltInLocale } from './locale';

export interface FeatureStrings {
  react: string;
  reactions: string;
  /** Accessible name of one reaction button. */
  reaction(emoji: string, count: number, mine: boolean): string;
  reply: string;
  edit: string;
  deleteForMe: string;
  deleteForEveryone: string;
  pin: string;
  unpin: string;
  edited: string;
  /** Beside a message on which this user's edit or reaction waits to be sent (offline). */
  changePending: string;
  /** Accessible description of that mark: which of this user's actions on it wait (`actions`: their menu labels). */
  changeWaiting(actions: string): string;
  /** One of this user's actions on a message that the server refused (and that was undone), with its reason. */
  changeRefused(action: string, reason: string): string;
  /** The button that puts such a notice away. */
  dismissRefused: string;
  forwarded(from: string): string;
  /** The quote in a reply's bubble (a button that goes to the original). */
  inReplyTo(from: string): string;
  quoteGone: string;
  replyingTo(from: string): string;
  editingMessage: string;
  cancelReply: string;
  cancelEdit: string;
  saveEdit: string;
  pinned: string;
  deletedForYou: string;
  actionFailed(message: string): string;
  /** A pinned message in the pins strip (a button that goes to it): its sender and text. */
  goToPinned(from: string): string;
  /** Accessible name of the unpin button beside one pinned message. */
  unpinFrom(from: string): string;
  /** Accessible name of the mention suggestion list. */
  mentionSuggestions: string;
  /** The `@all` suggestion in a group. */
  mentionEveryone: string;
  /** Announced when suggestions appear. */
  mentionsAvailable(count: number): string;
  /** Accessible name of the mention badge in the conversation list. */
  mentionBadge(count: number): string;
  /** A mention of this user inside a message (screen readers hear it as such). */
  mentionsYou: string;
  replyInThread: string;
  /** The summary under a thread root (a button that opens the thread). */
  threadReplies(count: number): string;
  /** Unread replies of a thread this user follows (beside the reply count, and in the thread panel). */
  threadUnread(count: number): string;
  thread: string;
  closeThread: string;
  threadEmpty: string;
  threadLoadOlder: string;
  threadReplyLabel: string;
  send: string;
  forward: string;
  forwardTitle: string;
  forwardTo: string;
  cancel: string;
  forwardNone: string;
  forwardFailed(conversation: string, message: string): string;
}

export const featureStrings: Record<BuiltInLocale, FeatureStrings> = {
  en: {
    react: 'Add reaction',
    reactions: 'Reactions',
    reaction: (emoji, count, mine) =>
      `${emoji} ${count} ${count === 1 ? 'reaction' : 'reactions'}${mine ? ', including yours' : ''}`,
    reply: 'Reply',
    edit: 'Edit',
    deleteForMe: 'Delete for me',
    deleteForEveryone: 'Delete for everyone',
    pin: 'Pin',
    unpin: 'Unpin',
    edited: 'edited',
    changePending: 'not sent yet',
    changeWaiting: (actions) => `${actions}: waiting to be sent`,
    changeRefused: (action, reason) => `${action} was not applied: ${reason}`,
    dismissRefused: 'Dismiss',
    forwarded: (from) => `Forwarded from ${from}`,
    inReplyTo: (from) => `In reply to ${from}`,
    quoteGone: 'This message was deleted',
    replyingTo: (from) => `Replying to ${from}`,
    editingMessage: 'Editing message',
    cancelReply: 'Cancel reply',
    cancelEdit: 'Cancel editing',
    saveEdit: 'Save',
    pinned: 'Pinned messages',
    deletedForYou: 'You deleted this message',
    actionFailed: (message) => `Could not do that: ${message}`,
    goToPinned: (from) => `Pinned message from ${from}`,
    unpinFrom: (from) => `Unpin the message from ${from}`,
    mentionSuggestions: 'People to mention',
    mentionEveryone: 'Everyone in this group',
    mentionsAvailable: (count) =>
      `${count} ${count === 1 ? 'suggestion' : 'suggestions'}. Up and down arrows to choose, Enter to insert.`,
    mentionBadge: (count) => `${count} ${count === 1 ? 'mention' : 'mentions'} of you`,
    mentionsYou: 'mentions you',
    replyInThread: 'Reply in thread',
    threadReplies: (count) => `${count} ${count === 1 ? 'reply' : 'replies'}`,
    threadUnread: (count) => `${count} new`,
    thread: 'Thread',
    closeThread: 'Close thread',
    threadEmpty: 'No replies yet',
    threadLoadOlder: 'Load earlier replies',
    threadReplyLabel: 'Reply in thread',
    send: 'Send',
    forward: 'Forward',
    forwardTitle: 'Forward message',
    forwardTo: 'Forward to',
    cancel: 'Cancel',
    forwardNone: 'No conversations to forward to',
    forwardFailed: (conversation, message) => `Could not forward to ${conversation}: ${message}`,
  },
  'zh-CN': {
    react: '添加表情回应',
    reactions: '表情回应',
    reaction: (emoji, count, mine) => `${emoji} ${count} 个回应${mine ? '，包括你' : ''}`,
    reply: '引用回复',
    edit: '编辑',
    deleteForMe: '仅为我删除',
    deleteForEveryone: '为所有人删除',
    pin: '置顶',
    unpin: '取消置顶',
    edited: '已编辑',
    changePending: '尚未发送',
    changeWaiting: (actions) => `${actions}：等待发送`,
    changeRefused: (action, reason) => `“${action}”未生效：${reason}`,
    dismissRefused: '知道了',
    forwarded: (from) => `转发自 ${from}`,
    inReplyTo: (from) => `回复 ${from}`,
    quoteGone: '该消息已被删除',
    replyingTo: (from) => `回复 ${from}`,
    editingMessage: '正在编辑消息',
    cancelReply: '取消回复',
    cancelEdit: '取消编辑',
    saveEdit: '保存',
    pinned: '置顶消息',
    deletedForYou: '你删除了这条消息',
    actionFailed: (message) => `操作失败：${message}`,
    goToPinned: (from) => `${from} 的置顶消息`,
    unpinFrom: (from) => `取消置顶 ${from} 的消息`,
    mentionSuggestions: '可提及的成员',
    mentionEveryone: '群内所有人',
    mentionsAvailable: (count) => `${count} 个建议。使用上下方向键选择，按回车插入。`,
    mentionBadge: (count) => `有 ${count} 条消息提到了你`,
    mentionsYou: '提到了你',
    replyInThread: '在话题中回复',
    threadReplies: (count) => `${count} 条回复`,
    threadUnread: (count) => `${count} 条新回复`,
    thread: '话题',
    closeThread: '关闭话题',
    threadEmpty: '暂无回复',
    threadLoadOlder: '加载更早的回复',
    threadReplyLabel: '在话题中回复',
    send: '发送',
    forward: '转发',
    forwardTitle: '转发消息',
    forwardTo: '转发给',
    cancel: '取消',
    forwardNone: '没有可转发的会话',
    forwardFailed: (conversation, message) => `无法转发给 ${conversation}：${message}`,
  },
};

/** Quick reactions offered first (the emoji picker offers the rest). */
export const QUICK_REACTIONS: readonly string[] = ['👍', '❤️', '😂', '😮', '😢', '🙏'];

// Owns the strings of the conversation features in the drop-in UI:
// reactions, replies, edits, deletes, pins.
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
}

export const featureStrings: Record<BuiltInLocale, FeatureStrings> = {
  en: {
    react: 'Add reaction',
    reactions: 'Reactions',
    reaction: (emoji, count, mine) => `${emoji} ${count} ${count === 1 ? 'reaction' : 'reactions'}${mine ? ', including yours' : ''}`,
    reply: 'Reply',
    edit: 'Edit',
    deleteForMe: 'Delete for me',
    deleteForEveryone: 'Delete for everyone',
    pin: 'Pin',
    unpin: 'Unpin',
    edited: 'edited',
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
  },
};

/** Quick reactions offered first (the emoji picker offers the rest). */
export const QUICK_REACTIONS: readonly string[] = ['👍', '❤️', '😂', '😮', '😢', '🙏'];

// Owns the strings of MessageInput (paste-to-send, file picker, emoji picker), in every locale.
// Starter keys; UI engineer B owns and extends this file.
import type { Locale } from './locale';

export interface InputStrings {
  /** Accessible name of the textbox. */
  messageLabel: string;
  placeholder: string;
  send: string;
  attachFile: string;
  emoji: string;
  removeAttachment: string;
  cancelUpload: string;
}

const en: InputStrings = {
  messageLabel: 'Message',
  placeholder: 'Write a message',
  send: 'Send',
  attachFile: 'Attach a file',
  emoji: 'Emoji',
  removeAttachment: 'Remove',
  cancelUpload: 'Cancel upload',
};

const zhCN: InputStrings = {
  messageLabel: '消息',
  placeholder: '输入消息',
  send: '发送',
  attachFile: '添加文件',
  emoji: '表情',
  removeAttachment: '移除',
  cancelUpload: '取消上传',
};

export const inputStrings: Record<Locale, InputStrings> = { en, 'zh-CN': zhCN };

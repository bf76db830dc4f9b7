// Owns the strings of MessageInput (paste-to-send, file picker, drop zone,
// emoji picker, typing line), in every locale.
import type { BuiltInLocale } from './locale';

export interface InputStrings {
  /** Accessible name of the textbox. */
  messageLabel: string;
  placeholder: string;
  send: string;
  attachFile: string;
  emoji: string;
  /** Accessible name of the emoji picker's popup. */
  emojiPickerLabel: string;
  emojiLoading: string;
  emojiLoadFailed: string;
  removeAttachment: string;
  cancelUpload: string;
  /** Accessible name of the list of staged attachments. */
  attachmentsLabel: string;
  /** While the staged files' previews load (a chunk of their own). */
  preparingFiles: string;
  /** Per-attachment buttons and progress, named after the file. */
  sendFile(name: string): string;
  removeFile(name: string): string;
  cancelUploadOf(name: string): string;
  uploadingFile(name: string): string;
  retrySend: string;
  /** Preview image alt text. */
  previewAlt(name: string): string;
  /** e.g. "1.2 MB · 640×480". */
  imageDetails(size: string, width: number, height: number): string;
  dropHint: string;
  dismissError: string;
  /** Client-side refusals, before any upload. */
  tooLarge(name: string, size: string, max: string): string;
  typeNotAllowed(name: string, mime: string): string;
  emptyFile(name: string): string;
  /** The server refused the upload or the message. */
  sendFailed(name: string, code: number, message: string): string;
  textTooLong(length: number, max: number): string;
  /** Typing line under the input. */
  typing(names: string[]): string;
}

const en: InputStrings = {
  messageLabel: 'Message',
  placeholder: 'Write a message',
  send: 'Send',
  attachFile: 'Attach a file',
  emoji: 'Emoji',
  emojiPickerLabel: 'Emoji picker',
  emojiLoading: 'Loading emoji…',
  emojiLoadFailed: 'Could not load the emoji picker.',
  removeAttachment: 'Remove',
  cancelUpload: 'Cancel upload',
  attachmentsLabel: 'Attachments',
  preparingFiles: 'Preparing files…',
  sendFile: (name) => `Send ${name}`,
  removeFile: (name) => `Remove ${name}`,
  cancelUploadOf: (name) => `Cancel upload of ${name}`,
  uploadingFile: (name) => `Uploading ${name}`,
  retrySend: 'Try again',
  previewAlt: (name) => `Preview of ${name}`,
  imageDetails: (size, w, h) => `${size} · ${w}×${h}`,
  dropHint: 'Drop files to send',
  dismissError: 'Dismiss',
  tooLarge: (name, size, max) => `${name} is too large (${size}; the limit is ${max}).`,
  typeNotAllowed: (name, mime) => `${name} cannot be sent: files of type ${mime || 'unknown'} are not allowed.`,
  emptyFile: (name) => `${name} is empty.`,
  sendFailed: (name, code, message) => `${name} was not sent (${code}): ${message}`,
  textTooLong: (length, max) => `Message too long (${length}/${max} characters).`,
  typing: (names) =>
    names.length === 1
      ? `${names[0]} is typing…`
      : names.length === 2
        ? `${names[0]} and ${names[1]} are typing…`
        : 'Several people are typing…',
};

const zhCN: InputStrings = {
  messageLabel: '消息',
  placeholder: '输入消息',
  send: '发送',
  attachFile: '添加文件',
  emoji: '表情',
  emojiPickerLabel: '表情选择',
  emojiLoading: '正在加载表情…',
  emojiLoadFailed: '表情加载失败。',
  removeAttachment: '移除',
  cancelUpload: '取消上传',
  attachmentsLabel: '附件',
  preparingFiles: '正在准备文件…',
  sendFile: (name) => `发送 ${name}`,
  removeFile: (name) => `移除 ${name}`,
  cancelUploadOf: (name) => `取消上传 ${name}`,
  uploadingFile: (name) => `正在上传 ${name}`,
  retrySend: '重试',
  previewAlt: (name) => `${name} 预览`,
  imageDetails: (size, w, h) => `${size} · ${w}×${h}`,
  dropHint: '松开即可发送文件',
  dismissError: '关闭',
  tooLarge: (name, size, max) => `${name} 太大（${size}，上限 ${max}）。`,
  typeNotAllowed: (name, mime) => `无法发送 ${name}：不允许 ${mime || '未知'} 类型的文件。`,
  emptyFile: (name) => `${name} 是空文件。`,
  sendFailed: (name, code, message) => `${name} 发送失败（${code}）：${message}`,
  textTooLong: (length, max) => `消息过长（${length}/${max} 字）。`,
  typing: (names) => (names.length <= 2 ? `${names.join('、')} 正在输入…` : '多人正在输入…'),
};

export const inputStrings: Record<BuiltInLocale, InputStrings> = { en, 'zh-CN': zhCN };

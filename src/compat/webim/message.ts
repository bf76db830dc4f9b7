// Owns `new WebIM.message(type, id)`: a message under construction whose
// `body` (what `conn.send` takes) is filled by `set(option)` and
// `setChatType(type)`. `set` merges, as the document calls it twice for a
// group channel ack; `body` stays a plain mutable object because the
// document sets `msg.body.msgConfig` after `set`.
import type { MessageOption, WebIMFileInput, WebIMMessageBody, WebIMMessageType } from './types';

const TYPES = new Set<WebIMMessageType>([
  'txt',
  'img',
  'cmd',
  'file',
  'audio',
  'video',
  'custom',
  'loc',
  'read',
  'channel',
  'delivery',
]);

export class WebIMMessage {
  readonly id: string;
  readonly type: WebIMMessageType;
  body: WebIMMessageBody;
  /** Attachment metadata the document reads off a fresh message (`msg.file.filename`, `msg.width`, ...). */
  file: WebIMFileInput;
  filetype: string | undefined;
  width: number | undefined;
  height: number | undefined;
  length: number | string | undefined;

  constructor(type: WebIMMessageType, id: string) {
    if (!TYPES.has(type)) throw new TypeError(`WebIM.message: unknown message type ${String(type)}`);
    this.type = type;
    this.id = String(id);
    this.body = { id: this.id, type };
    this.file = {};
    this.filetype = undefined;
    this.width = undefined;
    this.height = undefined;
    this.length = undefined;
  }

  set(option: MessageOption): void {
    const { id: ackId, ...rest } = option;
    Object.assign(this.body, rest);
    // Receipts name the acknowledged message with `id`; the body keeps its own id.
    if (ackId !== undefined && (this.type === 'read' || this.type === 'delivery')) this.body.ackId = String(ackId);
    this.body.id = this.id;
    this.body.type = this.type;
    if (option.file) {
      this.file = option.file;
      this.filetype = option.file.filetype;
    }
    if (option.width !== undefined) this.width = option.width;
    if (option.height !== undefined) this.height = option.height;
    if (option.length !== undefined) this.length = option.length;
  }

  setChatType(chatType: MessageOption['chatType']): void {
    if (chatType !== undefined) this.body.chatType = chatType;
  }
}

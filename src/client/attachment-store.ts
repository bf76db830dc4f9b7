// Owns the saved form of an attachment whose message is not sent yet (the
// file's bytes and what its message is made from) and the contract of the
// store that keeps them between page loads (the offline cache's `files`
// store): a reload uploads the kept bytes again and sends the message with
// its original localId. Bytes over the store's limit are not kept; the
// message is then restored as failed with ATTACHMENT_NOT_KEPT.
import type { FileKind } from './file-message';
import type { PendingMessage } from './pending-message';

/** The numbers a file message is built with besides the upload's own answer. */
export interface SavedFileOptions {
  name?: string;
  width?: number;
  height?: number;
  duration?: number;
}

export interface SavedAttachment {
  /** The message without its body (the body is built from the upload). */
  base: Omit<PendingMessage, 'status' | 'body'>;
  kind: FileKind;
  options: SavedFileOptions;
  name: string;
  size: number;
  mime: string;
  /** The bytes, or null when they were over the limit. */
  file: Blob | null;
}

export interface AttachmentStore {
  /** Largest file (bytes) whose bytes are kept. */
  readonly maxBytes: number;
  /** Every attachment kept last time. */
  load(): Promise<SavedAttachment[]>;
  /** Keeps one, by `base.localId` (queued write). */
  put(attachment: SavedAttachment): void;
  /** Forgets one: uploaded, or its message discarded (queued write, after the put). */
  delete(localId: string): void;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const KINDS: readonly FileKind[] = ['img', 'file', 'audio', 'video'];

/** A kept attachment as it can be sent again, or null (older format, bad shape). */
export function restoreAttachment(v: unknown): SavedAttachment | null {
  if (!isRecord(v) || !isRecord(v.base) || !isRecord(v.options)) return null;
  const { kind, name, size, mime, file } = v;
  if (!KINDS.includes(kind as FileKind) || typeof name !== 'string' || typeof mime !== 'string') return null;
  if (typeof size !== 'number' || !(file === null || file instanceof Blob)) return null;
  const { localId, to, from, conversation, createdAt } = v.base;
  if (typeof localId !== 'string' || typeof to !== 'string' || typeof from !== 'string') return null;
  if (typeof conversation !== 'string' || typeof createdAt !== 'number') return null;
  return v as unknown as SavedAttachment;
}

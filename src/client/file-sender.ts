// Owns sending attachments as messages: the message enters the outbox at
// once (pending, with upload progress 0..1, so a UI can show it), the file is
// uploaded, and only then does the message go to the server with its final
// body. A refused upload fails the message; a retry uploads again. An upload
// that cannot reach the server waits for the connection, like a send. With an
// attachment store (the browser's offline cache) the bytes survive a reload:
// the next session uploads them and sends the message with its localId.
import { ErrorCode, NatterError, isNatterError } from '../protocol/errors';
import type { UploadedFile } from '../protocol/link';
import type { Message } from '../protocol/message';
import type { AttachmentStore, SavedAttachment, SavedFileOptions } from './attachment-store';
import type { PendingMessage, SendFileOptions } from './pending-message';
import { fileMessageBody, fileName, type FileKind } from './file-message';
import type { UploadInput } from './file-upload';
import type { Outbox } from './outbox';
import { later } from './timers';

interface Job {
  file: Blob;
  kind: FileKind;
  options: SendFileOptions;
  /** The upload could not reach the server: run again once connected. */
  waiting: boolean;
}

/** Upload failures after which the same upload may succeed once the connection is back. */
const WAIT_FOR_CONNECTION = new Set<number>([
  ErrorCode.DISCONNECTED,
  ErrorCode.SHUTTING_DOWN,
  ErrorCode.STORAGE_UNAVAILABLE,
]);

export function toNatterError(err: unknown): NatterError {
  if (err instanceof NatterError) return err;
  if (isNatterError(err)) return new NatterError(err.code, err.message, err.retryAfter);
  return new NatterError(ErrorCode.UNKNOWN, err instanceof Error ? err.message : String(err));
}

export interface FileSenderDeps {
  outbox: Outbox;
  upload(file: Blob, input: UploadInput): Promise<UploadedFile>;
  isOpen(): boolean;
  store?: AttachmentStore;
}

const placeholderOf = (kind: FileKind, name: string, size: number, mime: string, options: SavedFileOptions) =>
  fileMessageBody(kind, { url: '', name, size, mime }, options);

function savedOptions(options: SendFileOptions): SavedFileOptions {
  const { name, width, height, duration } = options;
  return {
    ...(name !== undefined ? { name } : {}),
    ...(width !== undefined ? { width } : {}),
    ...(height !== undefined ? { height } : {}),
    ...(duration !== undefined ? { duration } : {}),
  };
}

export class FileSender {
  /** Messages whose attachment is not uploaded yet (kept so a retry can upload again). */
  private readonly jobs = new Map<string, Job>();
  /** Restored messages whose bytes were not kept (over the store's limit): they cannot be sent. */
  private readonly lost = new Map<string, NatterError>();
  private readonly outbox: Outbox;

  constructor(private readonly deps: FileSenderDeps) {
    this.outbox = deps.outbox;
  }

  /** `base` is the pending message without its body; the body is built from the file. */
  send(
    base: Omit<PendingMessage, 'status' | 'body'>,
    kind: FileKind,
    file: Blob,
    options: SendFileOptions,
  ): Promise<Message> {
    const name = fileName(file, options.name);
    const mime = file.type || 'application/octet-stream';
    const placeholder = placeholderOf(kind, name, file.size, mime, options);
    const p = this.outbox.add({ ...base, body: placeholder, progress: 0 }, { preparing: true });
    this.jobs.set(base.localId, { file, kind, options, waiting: false });
    const store = this.deps.store;
    if (store) {
      const kept = file.size <= store.maxBytes ? file : null;
      store.put({ base, kind, options: savedOptions(options), name, size: file.size, mime, file: kept });
    }
    this.run(base.localId);
    return p;
  }

  /** True when retrying `localId` must upload first. */
  needsUpload(localId: string): boolean {
    return this.jobs.has(localId) && this.outbox.get(localId)?.status === 'failed';
  }

  retry(localId: string): Promise<Message> {
    const lost = this.lost.get(localId);
    if (lost) return Promise.reject(lost);
    const upload = this.needsUpload(localId);
    const p = this.outbox.retry(localId, { preparing: upload });
    if (upload) this.run(localId);
    return p;
  }

  forget(localId: string): void {
    this.jobs.delete(localId);
    this.lost.delete(localId);
    this.deps.store?.delete(localId);
  }

  /** The connection is (again) open: start the uploads that were waiting for it. */
  flush(): void {
    for (const [localId, job] of this.jobs) if (job.waiting) this.run(localId);
  }

  /** Takes back the attachments the last session kept (once the outbox has restored its sends). */
  async restore(): Promise<void> {
    const store = this.deps.store;
    if (!store) return;
    await this.outbox.restored;
    const list = (await store.load()).sort((a, b) => a.base.createdAt - b.base.createdAt);
    for (const a of list) this.restoreOne(a);
  }

  private restoreOne(a: SavedAttachment): void {
    const localId = a.base.localId;
    if (this.jobs.has(localId)) return; // this session's own
    const entry = this.outbox.get(localId);
    if (entry && entry.status !== 'failed') {
      // Uploaded before the reload: the outbox holds the message with its final body.
      this.deps.store?.delete(localId);
      return;
    }
    const placeholder = { ...a.base, body: placeholderOf(a.kind, a.name, a.size, a.mime, a.options) };
    if (a.file === null) {
      const error = new NatterError(
        ErrorCode.ATTACHMENT_NOT_KEPT,
        `${a.name} (${a.size} bytes) was over the offline limit of ${this.deps.store?.maxBytes} bytes and was not kept across the reload; attach it again`,
      );
      this.lost.set(localId, error);
      if (!entry) {
        this.outbox.add(placeholder, { preparing: true }).catch(() => undefined);
        this.outbox.fail(localId, error);
      }
      return;
    }
    const job: Job = { file: a.file, kind: a.kind, options: { ...a.options }, waiting: false };
    this.jobs.set(localId, job);
    // A failed upload stays failed (a retry uploads); one that had not finished starts again.
    if (entry) return;
    this.outbox.add({ ...placeholder, progress: 0 }, { preparing: true }).catch(() => undefined);
    this.run(localId);
  }

  private run(localId: string): void {
    const job = this.jobs.get(localId);
    if (!job) return;
    job.waiting = !this.deps.isOpen();
    if (job.waiting) return;
    const { file, kind, options } = job;
    const input: UploadInput = {
      onProgress: (loaded, total) => {
        options.onProgress?.(loaded, total);
        this.outbox.progress(localId, total > 0 ? loaded / total : 1);
      },
    };
    if (options.name !== undefined) input.name = options.name;
    if (options.signal) input.signal = options.signal;
    if (options.width !== undefined) input.width = options.width;
    if (options.height !== undefined) input.height = options.height;
    if (options.duration !== undefined) input.duration = options.duration;
    this.deps.upload(file, input).then(
      (uploaded) => {
        this.jobs.delete(localId);
        this.outbox.ready(localId, fileMessageBody(kind, uploaded, options));
        // After the outbox has saved the final body: a reload in between finds the message, not the bytes.
        this.deps.store?.delete(localId);
      },
      (err: unknown) => {
        const error = toNatterError(err);
        if (WAIT_FOR_CONNECTION.has(error.code) && this.jobs.get(localId) === job) {
          // Runs again on the next welcome; if the socket still looks open, also after a pause.
          job.waiting = true;
          if (this.deps.isOpen()) later(error.retryAfter ?? 1000, () => job.waiting && this.run(localId));
          return;
        }
        this.outbox.fail(localId, error);
      },
    );
  }
}

// Owns sending attachments as messages: the message enters the outbox at
// once (pending, with upload progress 0..1, so a UI can show it), the file is
// uploaded, and only then does the message go to the server with its final
// body. A refused upload fails the message; a retry uploads again.
import { ErrorCode, NatterError, isNatterError } from '../protocol/errors';
import type { UploadedFile } from '../protocol/link';
import type { Message } from '../protocol/message';
import type { PendingMessage, SendFileOptions } from './pending-message';
import { fileMessageBody, type FileKind } from './file-message';
import { fileName, type UploadInput } from './file-upload';
import type { Outbox } from './outbox';

interface Job {
  file: Blob;
  kind: FileKind;
  options: SendFileOptions;
}

export function toNatterError(err: unknown): NatterError {
  if (err instanceof NatterError) return err;
  if (isNatterError(err)) return new NatterError(err.code, err.message, err.retryAfter);
  return new NatterError(ErrorCode.UNKNOWN, err instanceof Error ? err.message : String(err));
}

export class FileSender {
  /** Messages whose attachment is not uploaded yet (kept so a retry can upload again). */
  private readonly jobs = new Map<string, Job>();

  constructor(
    private readonly outbox: Outbox,
    private readonly upload: (file: Blob, input: UploadInput) => Promise<UploadedFile>,
  ) {}

  /** `base` is the pending message without its body; the body is built from the file. */
  send(
    base: Omit<PendingMessage, 'status' | 'body'>,
    kind: FileKind,
    file: Blob,
    options: SendFileOptions,
  ): Promise<Message> {
    const name = fileName(file, options.name);
    const placeholder = fileMessageBody(
      kind,
      { url: '', name, size: file.size, mime: file.type || 'application/octet-stream' },
      options,
    );
    const p = this.outbox.add({ ...base, body: placeholder, progress: 0 }, { preparing: true });
    this.jobs.set(base.localId, { file, kind, options });
    this.run(base.localId);
    return p;
  }

  /** True when retrying `localId` must upload first. */
  needsUpload(localId: string): boolean {
    return this.jobs.has(localId) && this.outbox.get(localId)?.status === 'failed';
  }

  retry(localId: string): Promise<Message> {
    const upload = this.needsUpload(localId);
    const p = this.outbox.retry(localId, { preparing: upload });
    if (upload) this.run(localId);
    return p;
  }

  forget(localId: string): void {
    this.jobs.delete(localId);
  }

  private run(localId: string): void {
    const job = this.jobs.get(localId);
    if (!job) return;
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
    this.upload(file, input).then(
      (uploaded) => {
        this.jobs.delete(localId);
        this.outbox.ready(localId, fileMessageBody(kind, uploaded, options));
      },
      (err: unknown) => this.outbox.fail(localId, toNatterError(err)),
    );
  }
}

// Owns sending attachments as messages: the message enters the outbox at
// once (pending, with upload progress 0..1, so a UI can show it), the file is
// uploaded, and only then does the message go to the server with its final
// body. A refused upload fails the message; a retry uploads again. An upload
// that cannot reach the server waits for the connection, like a send. With an
// attachment store (the browser's offline cache) the bytes survive a reload:
// the next session uploads them and sends the message with its localId.
// Running an upload and taking back kept attachments is in the upload chunk
// (file-jobs.ts), loaded when a file is first uploaded or restored.
import { definedFields } from '../protocol/defined-fields';
import { toNatterError, type NatterError } from '../protocol/errors';
import type { Message } from '../protocol/message';
import type { SavedFileOptions } from './attachment-store';
import type { PendingMessage, SendFileOptions } from './pending-message';
import { fileName, placeholderOf, type FileKind } from './file-message';
import { loadUploadChunk } from './load-upload-chunk';
import type { Outbox } from './outbox';
import type { FileJob, FileJobs, FileSenderDeps } from './upload-job';

function savedOptions(options: SendFileOptions): SavedFileOptions {
  const { name, width, height, duration } = options;
  return definedFields({ name, width, height, duration });
}

export class FileSender implements FileJobs {
  /** Messages whose attachment is not uploaded yet (kept so a retry can upload again). */
  readonly jobs = new Map<string, FileJob>();
  /** Restored messages whose bytes were not kept (over the store's limit): they cannot be sent. */
  readonly lost = new Map<string, NatterError>();
  readonly outbox: Outbox;

  constructor(readonly deps: FileSenderDeps) {
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
    const list = await store.load();
    // Most starts have nothing kept: the upload code is then not fetched (nor run) while the page starts.
    if (list.length === 0) return;
    (await loadUploadChunk()).restoreAttachments(this, list);
  }

  /** Uploads the job of `localId` now, or marks it waiting for the connection. */
  run(localId: string): void {
    const job = this.jobs.get(localId);
    if (!job) return;
    job.waiting = !this.deps.isOpen();
    if (job.waiting) return;
    loadUploadChunk().then(
      (jobs) => jobs.startUpload(this, localId, job),
      (err: unknown) => this.outbox.fail(localId, toNatterError(err)),
    );
  }
}

// Owns the file sender's work that waits for the upload chunk: running one
// upload (progress into the outbox, the final body once uploaded, waiting for
// the connection when it cannot reach the server) and taking back the
// attachments the last session kept. Loaded with the upload code, when a file
// is first uploaded or a kept attachment restored (file-sender.ts).
import { ErrorCode, NatterError, toNatterError } from '../protocol/errors';
import type { SavedAttachment } from './attachment-store';
import { fileMessageBody, placeholderOf } from './file-message';
import type { UploadInput } from './file-upload';
import { later } from './timers';
import type { FileJob, FileJobs } from './upload-job';

/** Upload failures after which the same upload may succeed once the connection is back. */
const WAIT_FOR_CONNECTION = new Set<number>([
  ErrorCode.DISCONNECTED,
  ErrorCode.SHUTTING_DOWN,
  ErrorCode.STORAGE_UNAVAILABLE,
]);

export function startUpload(sender: FileJobs, localId: string, job: FileJob): void {
  const { outbox, deps } = sender;
  const { file, kind, options } = job;
  const input: UploadInput = {
    onProgress: (loaded, total) => {
      options.onProgress?.(loaded, total);
      outbox.progress(localId, total > 0 ? loaded / total : 1);
    },
  };
  if (options.name !== undefined) input.name = options.name;
  if (options.signal) input.signal = options.signal;
  if (options.width !== undefined) input.width = options.width;
  if (options.height !== undefined) input.height = options.height;
  if (options.duration !== undefined) input.duration = options.duration;
  deps.upload(file, input).then(
    (uploaded) => {
      sender.jobs.delete(localId);
      outbox.ready(localId, fileMessageBody(kind, uploaded, options));
      // After the outbox has saved the final body: a reload in between finds the message, not the bytes.
      deps.store?.delete(localId);
    },
    (err: unknown) => {
      const error = toNatterError(err);
      if (WAIT_FOR_CONNECTION.has(error.code) && sender.jobs.get(localId) === job) {
        // Runs again on the next welcome; if the socket still looks open, also after a pause.
        job.waiting = true;
        if (deps.isOpen()) later(error.retryAfter ?? 1000, () => job.waiting && sender.run(localId));
        return;
      }
      outbox.fail(localId, error);
    },
  );
}

/** Takes back `list`, the attachments the last session kept, oldest first. */
export function restoreAttachments(sender: FileJobs, list: SavedAttachment[]): void {
  for (const a of list.sort((x, y) => x.base.createdAt - y.base.createdAt)) restoreOne(sender, a);
}

function restoreOne(sender: FileJobs, a: SavedAttachment): void {
  const { outbox, deps } = sender;
  const localId = a.base.localId;
  if (sender.jobs.has(localId)) return; // this session's own
  const entry = outbox.get(localId);
  if (entry && entry.status !== 'failed') {
    // Uploaded before the reload: the outbox holds the message with its final body.
    deps.store?.delete(localId);
    return;
  }
  const placeholder = { ...a.base, body: placeholderOf(a.kind, a.name, a.size, a.mime, a.options) };
  if (a.file === null) {
    const error = new NatterError(
      ErrorCode.ATTACHMENT_NOT_KEPT,
      `${a.name} (${a.size} bytes) was over the offline limit of ${deps.store?.maxBytes} bytes and was not kept across the reload; attach it again`,
    );
    sender.lost.set(localId, error);
    if (!entry) {
      outbox.add(placeholder, { preparing: true }).catch(() => undefined);
      outbox.fail(localId, error);
    }
    return;
  }
  const job: FileJob = { file: a.file, kind: a.kind, options: { ...a.options }, waiting: false };
  sender.jobs.set(localId, job);
  // A failed upload stays failed (a retry uploads); one that had not finished starts again.
  if (entry) return;
  outbox.add({ ...placeholder, progress: 0 }, { preparing: true }).catch(() => undefined);
  sender.run(localId);
}

// Owns the shapes the file sender (file-sender.ts) and its upload chunk
// (file-jobs.ts) share: one file waiting to be uploaded, and the sender's state
// the chunk works on.
import type { NatterError } from '../protocol/errors';
import type { UploadedFile } from '../protocol/link';
import type { AttachmentStore } from './attachment-store';
import type { FileKind } from './file-message';
import type { UploadInput } from './file-upload';
import type { Outbox } from './outbox';
import type { SendFileOptions } from './pending-message';

export interface FileJob {
  file: Blob;
  kind: FileKind;
  options: SendFileOptions;
  /** The upload could not reach the server: run again once connected. */
  waiting: boolean;
}

export interface FileSenderDeps {
  outbox: Outbox;
  upload(file: Blob, input: UploadInput): Promise<UploadedFile>;
  isOpen(): boolean;
  store?: AttachmentStore;
}

/** The file sender as its upload chunk sees it. */
export interface FileJobs {
  /** Messages whose attachment is not uploaded yet (kept so a retry can upload again). */
  readonly jobs: Map<string, FileJob>;
  /** Restored messages whose bytes were not kept (over the store's limit): they cannot be sent. */
  readonly lost: Map<string, NatterError>;
  readonly outbox: Outbox;
  readonly deps: FileSenderDeps;
  /** Uploads the job of `localId` now, or marks it waiting for the connection. */
  run(localId: string): void;
}

// Owns `WebIM.utils`: getFileUrl (a picked file from an `<input type=file>`
// as `{ url, filename, filetype, data }`), download (an attachment URL to a
// Blob, called as `download.call(conn, option)`) and parseDownloadResponse
// (that Blob to an object URL for `<video src>` / `<audio src>`).
import { pageDefaultServer } from '../server-option';
import { toWebIMError } from './errors';
import { extensionOf, fetchAttachment, type DownloadSource } from './file-source';
import { webimGlobals } from './globals';
import type { WebIMError, WebIMFileInfo } from './types';

export interface DownloadOptions {
  url: string;
  headers?: Record<string, string>;
  secret?: string;
  accessToken?: string;
  onFileDownloadComplete?: (response: Blob) => void;
  onFileDownloadError?: (e: WebIMError) => void;
}

interface FileInputLike {
  files?: ArrayLike<File> | null;
}

function objectUrl(blob: Blob): string {
  const create = (globalThis.URL as { createObjectURL?: (b: Blob) => string } | undefined)?.createObjectURL;
  if (typeof create !== 'function') return '';
  try {
    return create.call(globalThis.URL, blob);
  } catch {
    return '';
  }
}

/** The picked file of `input` (an element or its id). With nothing picked: empty name and type, empty data. */
export function getFileUrl(input: HTMLInputElement | FileInputLike | string | null): WebIMFileInfo {
  const el = typeof input === 'string' ? (globalThis.document?.getElementById(input) as FileInputLike | null) : input;
  const file = el?.files && el.files.length > 0 ? el.files[0] : undefined;
  if (!file) return { url: '', filename: '', filetype: '', data: new Blob([]) };
  const filename = file.name || '';
  return { url: objectUrl(file), filename, filetype: extensionOf(filename), data: file };
}

function isDownloadSource(v: unknown): v is DownloadSource {
  return typeof v === 'object' && v !== null && typeof (v as DownloadSource).fileIdOf === 'function' && 'server' in v;
}

function sourceFor(self: unknown): DownloadSource {
  if (isDownloadSource(self)) return self;
  if (isDownloadSource(webimGlobals.conn)) return webimGlobals.conn;
  return { server: pageDefaultServer(), fileIdOf: () => undefined, headers: () => ({}) };
}

/** Fetches `option.url` (from the page's embedded server, or over HTTP) and hands over a Blob. */
export function download(this: unknown, option: DownloadOptions): Promise<Blob> {
  const src = sourceFor(this);
  const p = fetchAttachment(src, option.url, option.headers ?? {}).then(
    ({ bytes, type }) => new Blob([bytes as BlobPart], { type }),
  );
  p.then(
    (blob) => option.onFileDownloadComplete?.(blob),
    (err: unknown) => option.onFileDownloadError?.(toWebIMError(err)),
  );
  if (option.onFileDownloadError) p.catch(() => undefined);
  return p;
}

/** An object URL for a downloaded Blob ('' where the page cannot make one). */
export function parseDownloadResponse(this: unknown, response: Blob): string {
  return response ? objectUrl(response) : '';
}

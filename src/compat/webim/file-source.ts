// Owns the file plumbing of the WebIM facade: reading a picked File whatever
// Blob implementation the page has (jsdom's lacks arrayBuffer), guessing a
// MIME type from an extension, and fetching an attachment's bytes — from the
// embedded server in the page, or over HTTP from `natter serve`.
import type { EmbeddedServerLike } from '../server-option';

const MIME: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  bmp: 'image/bmp',
  webp: 'image/webp',
  mp3: 'audio/mpeg',
  amr: 'audio/amr',
  wav: 'audio/wav',
  ogg: 'audio/ogg',
  m4a: 'audio/mp4',
  mp4: 'video/mp4',
  wmv: 'video/x-ms-wmv',
  avi: 'video/x-msvideo',
  rmvb: 'application/vnd.rn-realmedia-vbr',
  mkv: 'video/x-matroska',
  zip: 'application/zip',
  txt: 'text/plain',
  doc: 'application/msword',
  pdf: 'application/pdf',
};

export function extensionOf(name: string): string {
  const clean = name.split(/[?#]/)[0] ?? '';
  const dot = clean.lastIndexOf('.');
  const slash = clean.lastIndexOf('/');
  return dot > slash && dot < clean.length - 1 ? clean.slice(dot + 1).toLowerCase() : '';
}

export function mimeOf(nameOrType: string, fallback = 'application/octet-stream'): string {
  return MIME[nameOrType.toLowerCase()] ?? MIME[extensionOf(nameOrType)] ?? fallback;
}

export function basename(url: string): string {
  const clean = url.split(/[?#]/)[0] ?? '';
  const last = clean.slice(clean.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

function readWithFileReader(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('could not read file'));
    reader.readAsArrayBuffer(blob);
  });
}

/**
 * A Blob whose bytes the client can read (`arrayBuffer()`), keeping name and type. Where the
 * page's Blob cannot read itself (jsdom), a copy of the page's own kind is given the method, so
 * the page's XMLHttpRequest can still send it to `natter serve`.
 */
export async function readableBlob(blob: Blob, name: string, type: string): Promise<Blob> {
  if (typeof blob.arrayBuffer === 'function') return blob;
  const bytes = await readWithFileReader(blob);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const copy = typeof File === 'function' ? new File([buffer], name, { type }) : new Blob([buffer], { type });
  Object.defineProperty(copy, 'arrayBuffer', { value: () => Promise.resolve(buffer.slice(0)), configurable: true });
  return copy;
}

export interface DownloadSource {
  server: EmbeddedServerLike | string | null;
  /** fileIds of attachment URLs this connection has seen. */
  fileIdOf(url: string): string | undefined;
  headers(): Record<string, string>;
}

/** The bytes and type behind an attachment URL. */
export async function fetchAttachment(
  src: DownloadSource,
  url: string,
  headers: Record<string, string> = {},
): Promise<{ bytes: Uint8Array; type: string }> {
  const server = src.server;
  if (server && typeof server !== 'string' && server.core) {
    for (const id of [src.fileIdOf(url), basename(url)]) {
      if (!id) continue;
      const found = await server.core.getFile(id);
      if (found) return { bytes: found.bytes, type: found.meta.mime };
    }
  }
  const res = await fetch(url, { headers: { ...src.headers(), ...stripAccept(headers) } });
  if (!res.ok) throw new Error(`download failed: HTTP ${res.status}`);
  return {
    bytes: new Uint8Array(await res.arrayBuffer()),
    type: res.headers.get('content-type') ?? 'application/octet-stream',
  };
}

// The vendor examples send `Accept: audio/mp4` for any attachment; natter serves the stored type whatever is accepted.
function stripAccept(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() !== 'accept') out[k] = v;
  return out;
}

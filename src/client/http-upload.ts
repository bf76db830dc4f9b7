// Owns file uploads over the host's HTTP API (`POST /files` on the same origin
// as the WebSocket), with XMLHttpRequest when present for upload progress,
// else fetch. The WebSocket transport loads it with the first upload.
import { ErrorCode, NatterError } from '../protocol/errors';
import type { UploadRequest, UploadedFile } from '../protocol/link';

/** Uploads `req` to `base`/files as `token`'s holder (or the dev-mode `user`); the stored file's record. */
export function httpUpload(
  base: string,
  token: string | undefined,
  user: string | undefined,
  req: UploadRequest,
): Promise<UploadedFile> {
  const url = uploadUrl(base, req);
  const headers = authHeaders(token, user);
  headers['Content-Type'] = req.mime;
  const hasXhr = typeof (globalThis as { XMLHttpRequest?: unknown }).XMLHttpRequest === 'function';
  return hasXhr ? uploadWithXhr(url, headers, req) : uploadWithFetch(url, headers, req);
}

function uploadUrl(base: string, req: UploadRequest): string {
  const q = new URLSearchParams({ name: req.name });
  if (req.width !== undefined) q.set('width', String(req.width));
  if (req.height !== undefined) q.set('height', String(req.height));
  if (req.duration !== undefined) q.set('duration', String(req.duration));
  return `${base}/files?${q.toString()}`;
}

function authHeaders(token: string | undefined, user: string | undefined): Record<string, string> {
  if (token) return { Authorization: `Bearer ${token}` };
  if (user) return { 'X-Natter-User': user };
  return {};
}

function parseAnswer(status: number, text: string): UploadedFile {
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: reported below with the status.
  }
  if (status >= 200 && status < 300 && body && typeof body === 'object' && 'file' in body) {
    return (body as { file: UploadedFile }).file;
  }
  const b = body as { code?: unknown; message?: unknown } | null;
  const code = typeof b?.code === 'number' ? b.code : status === 413 ? ErrorCode.TOO_LARGE : ErrorCode.UNKNOWN;
  throw new NatterError(code, typeof b?.message === 'string' ? b.message : `upload failed (HTTP ${status})`);
}

function uploadWithXhr(url: string, headers: Record<string, string>, req: UploadRequest): Promise<UploadedFile> {
  return new Promise<UploadedFile>((resolve, reject) => {
    // Aborted while this module was loading: the abort event has already fired.
    if (req.signal?.aborted) return reject(new NatterError(ErrorCode.NOT_ALLOWED, 'upload aborted'));
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    for (const [k, v] of Object.entries(headers)) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (ev) => req.onProgress?.(ev.loaded, ev.lengthComputable ? ev.total : req.data.size);
    xhr.onload = () => {
      try {
        const file = parseAnswer(xhr.status, xhr.responseText);
        req.onProgress?.(req.data.size, req.data.size);
        resolve(file);
      } catch (err) {
        reject(err);
      }
    };
    xhr.onerror = () => reject(new NatterError(ErrorCode.DISCONNECTED, 'upload failed: network error'));
    xhr.onabort = () => reject(new NatterError(ErrorCode.NOT_ALLOWED, 'upload aborted'));
    req.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(req.data);
  });
}

async function uploadWithFetch(
  url: string,
  headers: Record<string, string>,
  req: UploadRequest,
): Promise<UploadedFile> {
  // fetch cannot report upload progress: report the start and the end.
  req.onProgress?.(0, req.data.size);
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', headers, body: req.data, ...(req.signal ? { signal: req.signal } : {}) });
  } catch (err) {
    if (req.signal?.aborted) throw new NatterError(ErrorCode.NOT_ALLOWED, 'upload aborted');
    throw new NatterError(ErrorCode.DISCONNECTED, `upload failed: ${err instanceof Error ? err.message : String(err)}`);
  }
  const file = parseAnswer(res.status, await res.text());
  req.onProgress?.(req.data.size, req.data.size);
  return file;
}

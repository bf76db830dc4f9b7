// Owns answering a download: the stored bytes with their type, length and an
// RFC 6266 Content-Disposition, as a whole or as one byte range (what media
// elements ask for when seeking), never runnable as a page of this origin.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { UploadedFile } from '../protocol/link';

export function serveFile(
  req: IncomingMessage,
  res: ServerResponse,
  found: { meta: UploadedFile; bytes: Uint8Array },
): void {
  const { meta, bytes } = found;
  const media = /^(image|audio|video)\//.test(meta.mime);
  const headers: Record<string, string> = {
    'Content-Type': meta.mime,
    'Content-Disposition': contentDisposition(media ? 'inline' : 'attachment', meta.name),
    'Accept-Ranges': 'bytes',
    'X-Content-Type-Options': 'nosniff',
    // Uploaded content is never allowed to run as a page of this origin.
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cache-Control': 'private, max-age=31536000, immutable',
  };
  const body = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // One byte range (what media elements ask for when seeking); anything else gets the whole file.
  const range = parseRange(req.headers.range, body.length);
  if (range === 'unsatisfiable') {
    res.writeHead(416, { ...headers, 'Content-Range': `bytes */${body.length}`, 'Content-Length': '0' }).end();
    return;
  }
  const [start, end] = range ?? [0, body.length - 1];
  if (range) headers['Content-Range'] = `bytes ${start}-${end}/${body.length}`;
  headers['Content-Length'] = String(Math.max(0, end - start + 1));
  res.writeHead(range ? 206 : 200, headers);
  if (req.method === 'HEAD') res.end();
  else res.end(body.subarray(start, end + 1));
}

/** `bytes=a-b`, `bytes=a-` or `bytes=-n` → inclusive [start, end]; null when absent or not a single range. */
function parseRange(header: string | undefined, size: number): [number, number] | null | 'unsatisfiable' {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  let start: number;
  let end: number;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return [start, end];
}

/** RFC 6266: an ASCII `filename` fallback plus the exact name as RFC 5987 `filename*`. */
function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

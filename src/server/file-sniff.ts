// Owns content sniffing for uploads: does a file's leading bytes match the
// type it claims? Each allowed MIME type has a magic-byte test; text/plain
// must be valid UTF-8 without NUL bytes.

const ascii = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));

function startsWith(bytes: Uint8Array, sig: number[], offset = 0): boolean {
  if (bytes.length < offset + sig.length) return false;
  return sig.every((b, i) => bytes[offset + i] === b);
}

const isRiff = (b: Uint8Array, kind: string): boolean => startsWith(b, ascii('RIFF')) && startsWith(b, ascii(kind), 8);
const isFtyp = (b: Uint8Array): boolean => startsWith(b, ascii('ftyp'), 4);
const isEbml = (b: Uint8Array): boolean => startsWith(b, [0x1a, 0x45, 0xdf, 0xa3]);
const isOgg = (b: Uint8Array): boolean => startsWith(b, ascii('OggS'));
const isMp3 = (b: Uint8Array): boolean =>
  startsWith(b, ascii('ID3')) || (b.length >= 2 && b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0);

function isText(b: Uint8Array): boolean {
  if (b.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}

const sniffers: Record<string, (b: Uint8Array) => boolean> = {
  'image/png': (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  'image/jpeg': (b) => startsWith(b, [0xff, 0xd8, 0xff]),
  'image/gif': (b) => startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a')),
  'image/webp': (b) => isRiff(b, 'WEBP'),
  'image/bmp': (b) => startsWith(b, ascii('BM')),
  'application/pdf': (b) => startsWith(b, ascii('%PDF-')),
  'application/zip': (b) => startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || startsWith(b, [0x50, 0x4b, 0x05, 0x06]),
  'audio/mpeg': isMp3,
  'audio/mp3': isMp3,
  'audio/mp4': isFtyp,
  'audio/x-m4a': isFtyp,
  'video/mp4': isFtyp,
  'video/quicktime': isFtyp,
  'video/webm': isEbml,
  'audio/webm': isEbml,
  'audio/ogg': isOgg,
  'video/ogg': isOgg,
  'application/ogg': isOgg,
  'audio/wav': (b) => isRiff(b, 'WAVE'),
  'audio/x-wav': (b) => isRiff(b, 'WAVE'),
  'audio/wave': (b) => isRiff(b, 'WAVE'),
  'audio/amr': (b) => startsWith(b, ascii('#!AMR')),
  'text/plain': isText,
};

/** `image/PNG; charset=x` → `image/png`. */
export function normalizeMime(mime: string): string {
  return (mime.split(';')[0] ?? '').trim().toLowerCase();
}

/** True when the bytes look like `mime`; types without a known signature never match. */
export function contentMatches(mime: string, bytes: Uint8Array): boolean {
  const test = sniffers[normalizeMime(mime)];
  return test ? test(bytes) : false;
}

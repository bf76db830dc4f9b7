// Owns reading an image's pixel size from its header bytes (PNG, GIF, JPEG,
// WebP, BMP), so an image message carries width/height and the list can
// reserve its space before it loads. Reading the header works the same in
// every browser, in workers, in Node and in jsdom, with no decoding and no DOM.
// The client's upload fills in an image's size with it when the app gave none
// (a pasted image, a vendor facade's file); the drop-in UI shows it early.

export interface ImageSize {
  width: number;
  height: number;
}

const HEAD_BYTES = 512 * 1024;

function u16be(b: Uint8Array, i: number): number {
  return ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
}
function u16le(b: Uint8Array, i: number): number {
  return (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
}
function u24le(b: Uint8Array, i: number): number {
  return u16le(b, i) | ((b[i + 2] ?? 0) << 16);
}
function u32be(b: Uint8Array, i: number): number {
  return (b[i] ?? 0) * 0x1000000 + (((b[i + 1] ?? 0) << 16) | ((b[i + 2] ?? 0) << 8) | (b[i + 3] ?? 0));
}
function i32le(b: Uint8Array, i: number): number {
  return (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8) | ((b[i + 2] ?? 0) << 16) | ((b[i + 3] ?? 0) << 24);
}
function ascii(b: Uint8Array, i: number, s: string): boolean {
  for (let k = 0; k < s.length; k++) if (b[i + k] !== s.charCodeAt(k)) return false;
  return true;
}

function jpegSize(b: Uint8Array): ImageSize | null {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1] ?? 0;
    if (marker === 0xff) {
      i++;
      continue;
    }
    const len = u16be(b, i + 2);
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: u16be(b, i + 5), width: u16be(b, i + 7) };
    }
    i += 2 + len;
  }
  return null;
}

function webpSize(b: Uint8Array): ImageSize | null {
  if (ascii(b, 12, 'VP8 ')) return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  if (ascii(b, 12, 'VP8L')) {
    const bits = (b[21] ?? 0) | ((b[22] ?? 0) << 8) | ((b[23] ?? 0) << 16) | ((b[24] ?? 0) << 24);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (ascii(b, 12, 'VP8X')) return { width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
  return null;
}

/** Pixel size from the first bytes of an image, or null when the format is unknown or the header is cut. */
export function imageSizeFromBytes(b: Uint8Array): ImageSize | null {
  let size: ImageSize | null = null;
  if (b.length >= 24 && b[0] === 0x89 && ascii(b, 1, 'PNG') && ascii(b, 12, 'IHDR'))
    size = { width: u32be(b, 16), height: u32be(b, 20) };
  else if (b.length >= 10 && (ascii(b, 0, 'GIF87a') || ascii(b, 0, 'GIF89a')))
    size = { width: u16le(b, 6), height: u16le(b, 8) };
  else if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) size = jpegSize(b);
  else if (b.length >= 30 && ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP')) size = webpSize(b);
  else if (b.length >= 26 && ascii(b, 0, 'BM'))
    size = { width: Math.abs(i32le(b, 18)), height: Math.abs(i32le(b, 22)) };
  return size && size.width > 0 && size.height > 0 ? size : null;
}

/** Pixel size of an image Blob, read from its header; null when unknown. Never throws. */
export async function readImageSize(file: Blob): Promise<ImageSize | null> {
  try {
    const head = file.slice(0, HEAD_BYTES);
    // A Blob made readable by hand (the Easemob facade's copy in pages without Blob.arrayBuffer)
    // can be read whole, while its slices cannot.
    const bytes =
      typeof head.arrayBuffer === 'function'
        ? await head.arrayBuffer()
        : (await file.arrayBuffer()).slice(0, HEAD_BYTES);
    return imageSizeFromBytes(new Uint8Array(bytes));
  } catch {
    return null;
  }
}

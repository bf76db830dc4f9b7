// An image's pixel size read from its header bytes (client/image-size.ts):
// every format the kit reads, and null for what it cannot.
import { describe, expect, test } from 'vitest';
import { imageSizeFromBytes } from '../../src/client/image-size';

describe('imageSizeFromBytes', () => {
  const bytes = (...parts: (number[] | string)[]) =>
    new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));
  test('PNG, GIF, JPEG, WebP (VP8, VP8L, VP8X) and BMP headers', () => {
    expect(
      imageSizeFromBytes(bytes([0x89], 'PNG', [13, 10, 26, 10, 0, 0, 0, 13], 'IHDR', [0, 0, 2, 128, 0, 0, 1, 224])),
    ).toEqual({ width: 640, height: 480 });
    expect(imageSizeFromBytes(bytes('GIF89a', [10, 0, 20, 0]))).toEqual({ width: 10, height: 20 });
    const jpeg = bytes([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 17, 8, 0, 30, 0, 40, 3]);
    expect(imageSizeFromBytes(jpeg)).toEqual({ width: 40, height: 30 });
    const vp8 = bytes('RIFF', [0, 0, 0, 0], 'WEBP', 'VP8 ', [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 50, 0, 60, 0]);
    expect(imageSizeFromBytes(vp8)).toEqual({ width: 50, height: 60 });
    const vp8x = bytes('RIFF', [0, 0, 0, 0], 'WEBP', 'VP8X', [0, 0, 0, 0, 0, 0, 0, 0, 99, 0, 0, 49, 0, 0]);
    expect(imageSizeFromBytes(vp8x)).toEqual({ width: 100, height: 50 });
    const bmp = bytes('BM', new Array(16).fill(0), [8, 0, 0, 0, 0xf8, 0xff, 0xff, 0xff]);
    expect(imageSizeFromBytes(bmp)).toEqual({ width: 8, height: 8 });
  });
  test('unknown or cut headers give null', () => {
    expect(imageSizeFromBytes(bytes('hello'))).toBeNull();
    expect(imageSizeFromBytes(bytes([0x89], 'PNG'))).toBeNull();
    expect(imageSizeFromBytes(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 4]))).toBeNull();
  });
});

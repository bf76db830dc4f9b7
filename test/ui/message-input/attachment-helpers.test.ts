// Pure helpers of MessageInput: caret insertion, image sizes from headers,
// message type by MIME, and the client-side check against server limits.
import { describe, expect, test } from 'vitest';
import { attachmentKind, checkFile, imageSizeFromBytes, insertAt } from '../../../src/ui/message-input';

describe('insertAt', () => {
  test('inserts at the caret, replaces a selection, clamps out-of-range positions', () => {
    expect(insertAt('ab', '😀', 1, 1)).toEqual({ value: 'a😀b', caret: 3 });
    expect(insertAt('hello world', '👋', 0, 5)).toEqual({ value: '👋 world', caret: 2 });
    expect(insertAt('ab', 'x', null, null)).toEqual({ value: 'abx', caret: 3 });
    expect(insertAt('ab', 'x', 99, -4)).toEqual({ value: 'abx', caret: 3 });
  });
});

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

test('message type by MIME', () => {
  expect(attachmentKind('image/PNG')).toBe('img');
  expect(attachmentKind('audio/ogg; codecs=opus')).toBe('audio');
  expect(attachmentKind('video/mp4')).toBe('video');
  expect(attachmentKind('application/pdf')).toBe('file');
  expect(attachmentKind('')).toBe('file');
});

test('checkFile against announced limits', () => {
  const limits = { maxFileBytes: 10, allowedFileTypes: ['image/png'] };
  const blob = (size: number, type: string) => new Blob([new Uint8Array(size)], { type });
  expect(checkFile(blob(5, 'image/png'), limits)).toBeNull();
  expect(checkFile(blob(11, 'image/png'), limits)).toEqual({ kind: 'tooLarge', size: 11, max: 10 });
  expect(checkFile(blob(5, 'image/gif'), limits)).toEqual({ kind: 'typeNotAllowed', mime: 'image/gif' });
  expect(checkFile(blob(0, 'image/png'), limits)).toEqual({ kind: 'empty' });
  expect(checkFile(blob(500, 'x/y'), null)).toBeNull();
});

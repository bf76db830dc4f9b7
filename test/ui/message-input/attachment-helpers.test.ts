// Pure helpers of MessageInput: caret insertion,
// message type by MIME, and the client-side check against server limits.
import { describe, expect, test } from 'vitest';
import { attachmentKind, checkFile, insertAt } from '../../../src/ui/message-input';

describe('insertAt', () => {
  test('inserts at the caret, replaces a selection, clamps out-of-range positions', () => {
    expect(insertAt('ab', '😀', 1, 1)).toEqual({ value: 'a😀b', caret: 3 });
    expect(insertAt('hello world', '👋', 0, 5)).toEqual({ value: '👋 world', caret: 2 });
    expect(insertAt('ab', 'x', null, null)).toEqual({ value: 'abx', caret: 3 });
    expect(insertAt('ab', 'x', 99, -4)).toEqual({ value: 'abx', caret: 3 });
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

import { describe, expect, it } from 'vitest';
import { isSafeEmojiUrl } from '../../src/emoji/index';

describe('isSafeEmojiUrl', () => {
  it.each([
    'static/faces/ee_1.png',
    './faces/ee_1.png',
    '../faces/ee_1.png',
    '/faces/ee_1.png',
    'ee_1.png',
    'faces/smile%20big.png',
    'faces/x.png?v=2#frag',
    'faces/javascript:alert(1)', // a path segment, not a scheme
    'javascript%3Aalert(1)', // encoded colon: a relative path
    'http://cdn.example.com/f/ee_1.png',
    'https://cdn.example.com/f/ee_1.png',
    'HTTPS://CDN.EXAMPLE.COM/F.PNG',
    'https://cdn.example.com:8443/f.png',
    'faces/微笑.png',
  ])('accepts %s', (url) => {
    expect(isSafeEmojiUrl(url)).toBe(true);
  });

  it.each([
    ['javascript scheme', 'javascript:alert(1)'],
    ['mixed case', 'JaVaScRiPt:alert(1)'],
    ['leading space', ' javascript:alert(1)'],
    ['tab inside scheme', 'java\tscript:alert(1)'],
    ['newline inside scheme', 'java\nscript:alert(1)'],
    ['CR inside scheme', 'java\rscript:alert(1)'],
    ['NUL', 'java\u0000script:alert(1)'],
    ['zero-width space', 'java\u200Bscript:alert(1)'],
    ['BOM prefix', '\uFEFFjavascript:alert(1)'],
    ['bidi override', '\u202Egnp.x/faces'],
    ['no-break space', 'faces/\u00A0x.png'],
    ['line separator', 'faces/\u2028x.png'],
    ['lone surrogate', 'faces/\uD800.png'],
    ['data URL', 'data:image/png;base64,AAAA'],
    ['data SVG', 'data:image/svg+xml,<svg onload=alert(1)>'],
    ['vbscript', 'vbscript:msgbox(1)'],
    ['blob', 'blob:https://example.com/uuid'],
    ['file', 'file:///etc/passwd'],
    ['ftp', 'ftp://example.com/x.png'],
    ['protocol-relative', '//evil.example/x.png'],
    ['backslash protocol-relative', '/\\evil.example/x.png'],
    ['double backslash', '\\\\evil.example\\x.png'],
    ['http without slashes', 'http:evil.example/x.png'],
    ['http with one slash', 'http:/evil.example/x.png'],
    ['http with three slashes', 'http:///evil.example/x.png'],
    ['http without host', 'http://'],
    ['space inside', 'faces/a b.png'],
    ['empty', ''],
    ['too long', `faces/${'a'.repeat(5000)}.png`],
  ])('refuses %s', (_name, url) => {
    expect(isSafeEmojiUrl(url)).toBe(false);
  });

  it('refuses non-strings', () => {
    for (const value of [undefined, null, 1, {}, ['a.png'], { toString: () => 'a.png' }]) {
      expect(isSafeEmojiUrl(value)).toBe(false);
    }
  });
});

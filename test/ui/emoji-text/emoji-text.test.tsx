// @vitest-environment jsdom
// EmojiText: parser segments become text, <img> (custom emoji, safe URLs only,
// alt = key) and spans (Unicode emoji); emoji-only text is drawn large; only
// http(s)/mailto links become anchors; hostile text stays text.
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { EmojiText, linkify, safeLinkHref } from '../../../src/ui/index';

afterEach(cleanup);
const faces = { path: 'static/faces/', map: { '[):]': 'ee_1.png', '[微笑]': 'ee_2.png' } };

describe('EmojiText', () => {
  it('renders custom map keys as images whose alt is the key', () => {
    const { container } = render(<EmojiText text="hi [):] and [微笑]!" customEmoji={faces} />);
    const imgs = Array.from(container.querySelectorAll('img'));
    expect(imgs.map((i) => [i.getAttribute('src'), i.getAttribute('alt')])).toEqual([
      ['static/faces/ee_1.png', '[):]'],
      ['static/faces/ee_2.png', '[微笑]'],
    ]);
    expect(container.textContent).toBe('hi  and !');
  });

  it('renders Unicode emoji (ZWJ sequences, skin tones, flags) as one span each', () => {
    const { container } = render(<EmojiText text="a 👩‍👩‍👧 b 👍🏽 c 🇫🇷" />);
    const spans = Array.from(container.querySelectorAll('.natter-emoji--unicode')).map((s) => s.textContent);
    expect(spans).toEqual(['👩‍👩‍👧', '👍🏽', '🇫🇷']);
  });

  it('draws emoji-only text large, and mixed text normal size', () => {
    const only = render(<EmojiText text=" 😀😀 " />).container.firstElementChild as HTMLElement;
    expect(only.classList.contains('natter-emoji-text--large')).toBe(true);
    const mixed = render(<EmojiText text="ok 😀" />).container.firstElementChild as HTMLElement;
    expect(mixed.classList.contains('natter-emoji-text--large')).toBe(false);
    const many = render(<EmojiText text="😀😀😀😀" />).container.firstElementChild as HTMLElement;
    expect(many.classList.contains('natter-emoji-text--large')).toBe(false);
    const custom = render(<EmojiText text="[):]" customEmoji={faces} />).container.firstElementChild as HTMLElement;
    expect(custom.hasAttribute('data-emoji-only')).toBe(true);
  });

  it('resolves :shortcodes: from a table when given one', () => {
    const { container } = render(<EmojiText text="nice :thumbsup:" shortcodes={{ thumbsup: '👍' }} />);
    expect(container.querySelector('.natter-emoji--unicode')?.textContent).toBe('👍');
    const plain = render(<EmojiText text="nice :thumbsup:" />).container;
    expect(plain.textContent).toBe('nice :thumbsup:');
  });

  it('makes http(s) and mailto links anchors that open safely', () => {
    const { container } = render(
      <EmojiText text="see https://example.com/a?b=1, www.example.org. or mailto:ann@example.com" />,
    );
    const links = Array.from(container.querySelectorAll('a'));
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      'https://example.com/a?b=1',
      'https://www.example.org/',
      'mailto:ann@example.com',
    ]);
    expect(links.map((a) => a.textContent)).toEqual([
      'https://example.com/a?b=1',
      'www.example.org',
      'mailto:ann@example.com',
    ]);
    for (const a of links) {
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
      expect(a.getAttribute('target')).toBe('_blank');
    }
  });

  it('never links other schemes', () => {
    const { container } = render(
      <EmojiText text="javascript:alert(1) data:text/html,<b>x</b> vbscript:msgbox file:///etc/passwd" />,
    );
    expect(container.querySelectorAll('a')).toHaveLength(0);
    expect(container.textContent).toBe(
      'javascript:alert(1) data:text/html,<b>x</b> vbscript:msgbox file:///etc/passwd',
    );
  });

  it('keeps a closing parenthesis that belongs to the URL and drops sentence punctuation', () => {
    expect(linkify('(see https://en.wikipedia.org/wiki/Foo_(bar)).')).toEqual([
      { type: 'text', text: '(see ' },
      {
        type: 'link',
        text: 'https://en.wikipedia.org/wiki/Foo_(bar)',
        href: 'https://en.wikipedia.org/wiki/Foo_(bar)',
      },
      { type: 'text', text: ').' },
    ]);
    expect(safeLinkHref('https://')).toBeNull();
    expect(safeLinkHref('mailto:nobody')).toBeNull();
  });

  it('renders HTML in text as text', () => {
    const payload = '<img src=x onerror="alert(1)"><script>alert(2)</script><a href="javascript:alert(3)">x</a>';
    const { container } = render(<EmojiText text={payload} />);
    expect(container.querySelectorAll('img, script, a')).toHaveLength(0);
    expect(container.textContent).toBe(payload);
  });

  it('leaves custom keys with unsafe URLs as text', () => {
    const hostile = {
      path: '',
      map: {
        '[x]': 'javascript:alert(1)',
        '[y]': 'data:image/svg+xml,<svg onload=alert(1)>',
        '[z]': '//evil.example/z.png',
        '[ok]': 'https://cdn.example/ok.png',
      },
    };
    const { container } = render(<EmojiText text="[x][y][z][ok]" customEmoji={hostile} />);
    const imgs = Array.from(container.querySelectorAll('img'));
    expect(imgs.map((i) => i.getAttribute('src'))).toEqual(['https://cdn.example/ok.png']);
    expect(container.textContent).toBe('[x][y][z]');
  });
});

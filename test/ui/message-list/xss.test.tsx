// @vitest-environment jsdom
// Hostile content renders inert: HTML and javascript: links in text, custom
// emoji maps with script URLs or markup in keys, file names with markup, and
// image/file/audio/video/thumbnail URLs with javascript:, data:, vbscript: or
// protocol-relative hosts. Nothing becomes an element, an event handler, or a
// src/href outside http(s), blob: or a same-origin path.
import { cleanup, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Message, MessageBody } from '../../../src/protocol/message';
import { conversationKey } from '../../../src/server/conversation-key';
import { MemoryStorage } from '../../../src/server/memory-storage';
import { MessageList } from '../../../src/ui/index';
import { createListHarness, revealList, type ListHarness } from './list-harness';

let h: ListHarness;
beforeEach(() => {
  h = createListHarness();
});
afterEach(() => {
  cleanup();
  h.close();
});

const SCRIPT_URLS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:image/svg+xml,<svg onload=alert(1)>',
  'vbscript:msgbox(1)',
  '//evil.example/x.png',
  '\\\\evil.example\\x.png',
];

/** Every src/href in `root` is http(s), blob: or a path on this origin. */
function assertInert(root: HTMLElement): void {
  expect(root.querySelectorAll('script, iframe, object, embed, svg foreignObject')).toHaveLength(0);
  for (const el of Array.from(root.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) {
      expect(attr.name.startsWith('on'), `${el.tagName} ${attr.name}`).toBe(false);
      if (['src', 'href', 'poster', 'action', 'formaction', 'xlink:href'].includes(attr.name)) {
        const v = attr.value;
        expect(
          /^(https?:\/\/[^/\\]|blob:|\/[^/\\]|[a-z0-9._-]+\/|mailto:)/i.test(v),
          `${el.tagName} ${attr.name}=${v}`,
        ).toBe(true);
      }
    }
  }
}

describe('hostile message content', () => {
  it('renders HTML and script links in text as text', async () => {
    const bob = await h.client('bob');
    const alice = await h.client('alice');
    const payloads = [
      '<img src=x onerror="alert(1)">',
      '<script>alert(document.cookie)</script>',
      '<a href="javascript:alert(1)">click</a> javascript:alert(2)',
      '"><svg/onload=alert(3)>',
      '[x](javascript:alert(4)) http://ok.example/"onmouseover="alert(5)',
    ];
    for (const p of payloads) await bob.sendText('single:alice', p);
    const { container } = h.renderAs(alice, <MessageList conversationId="single:bob" markReadOnView={false} />);
    await screen
      .findByText(payloads[4] as string, { exact: false, collapseWhitespace: false, selector: '.natter-emoji-text' })
      .catch(() => undefined);
    await revealList(container);
    const shown = Array.from(container.querySelectorAll('.natter-emoji-text')).map((e) => e.textContent);
    expect(shown).toEqual(payloads);
    assertInert(container);
    // The only anchor is the http link; a quote ends the URL and the rest stays text.
    const links = Array.from(container.querySelectorAll('a'));
    expect(links.map((a) => [a.getAttribute('href'), a.textContent])).toEqual([
      ['http://ok.example/', 'http://ok.example/'],
    ]);
  });

  it('ignores custom emoji with script URLs and keeps markup in keys as text', async () => {
    const bob = await h.client('bob');
    const alice = await h.client('alice');
    const map = {
      path: '',
      map: {
        '[a]': 'javascript:alert(1)',
        '[b]': 'data:image/svg+xml,<svg onload=alert(1)>',
        '[c]': '//evil.example/c.png',
        '[<img src=x onerror=alert(1)>]': 'https://cdn.example/ok.png',
        '[d]': 'https://cdn.example/d.png" onerror="alert(1)',
      },
    };
    await bob.sendText('single:alice', '[a][b][c][<img src=x onerror=alert(1)>][d]');
    const { container } = h.renderAs(
      alice,
      <MessageList conversationId="single:bob" markReadOnView={false} customEmoji={map} />,
    );
    await screen.findByRole('log');
    await revealList(container);
    const imgs = Array.from(container.querySelectorAll('img'));
    expect(imgs.map((i) => [i.getAttribute('src'), i.getAttribute('alt')])).toEqual([
      ['https://cdn.example/ok.png', '[<img src=x onerror=alert(1)>]'],
    ]);
    expect(container.querySelector('.natter-emoji-text')?.textContent).toBe('[a][b][c][d]');
    assertInert(container);
  });

  it('renders hostile file names as text and drops script URLs from every media type', async () => {
    // natter's server refuses these URLs (4005); the UI must stay inert when another server, an
    // older one or a compromised one, lets them through — so they are written into storage directly.
    const name = '"><img src=x onerror=alert(1)>.png';
    const bodies: MessageBody[] = [];
    for (const url of SCRIPT_URLS) {
      bodies.push({ type: 'img', url, name, size: 10, mime: 'image/png', width: 10, height: 10 });
      bodies.push({ type: 'file', url, name, size: 10, mime: 'application/pdf' });
      bodies.push({ type: 'audio', url, name, size: 10, mime: 'audio/mpeg', duration: 1 });
      bodies.push({ type: 'video', url, name, size: 10, mime: 'video/mp4', thumb: url, width: 10, height: 10 });
    }
    const memory = new MemoryStorage();
    const key = conversationKey('single', 'alice', 'bob');
    memory.transaction(() => {
      for (const body of bodies) {
        const seq = memory.nextSeq(key);
        const message: Message = {
          serverId: `hostile-${seq}`,
          localId: `hostile-${seq}`,
          from: 'bob',
          to: 'alice',
          chatType: 'single',
          seq,
          ts: Date.now(),
          body,
        };
        memory.insertMessage({ key, message });
      }
    });
    h.close();
    h = createListHarness({ storage: memory });
    const bob = await h.client('bob');
    const alice = await h.client('alice');
    // One real message so that both users have the conversation.
    await bob.sendText('single:alice', 'hi');
    const { container } = h.renderAs(
      alice,
      <MessageList conversationId="single:bob" markReadOnView={false} pageSize={100} />,
      { viewport: 100_000 },
    );
    await screen.findAllByText(name, { selector: '.natter-file-name' });
    await revealList(container);
    expect(container.querySelectorAll('[data-natter-message]')).toHaveLength(bodies.length + 1);
    // No media element, link or image button was made from any of these URLs.
    expect(container.querySelectorAll('img, audio, video, a')).toHaveLength(0);
    expect(container.querySelectorAll('.natter-file-name')).toHaveLength(SCRIPT_URLS.length);
    for (const el of Array.from(container.querySelectorAll('.natter-file-name'))) expect(el.textContent).toBe(name);
    assertInert(container);
  });

  it('links a location only to the map, whatever its address says', async () => {
    const bob = await h.client('bob');
    const alice = await h.client('alice');
    await bob.send('alice', 'single', {
      type: 'loc',
      lat: 1,
      lng: 2,
      addr: '<a href="javascript:alert(1)">here</a>',
      buildingName: '<b>x</b>',
    });
    const { container } = h.renderAs(
      alice,
      <MessageList conversationId="single:bob" markReadOnView={false} mapUrl={() => 'javascript:alert(1)'} />,
    );
    await screen.findByText('<b>x</b>');
    await revealList(container);
    expect(screen.getByText('<a href="javascript:alert(1)">here</a>')).toBeTruthy();
    // The app's map link was a script URL: no link at all.
    expect(container.querySelectorAll('a')).toHaveLength(0);
    assertInert(container);
  });
});

// natter/ui on a server: importing the UI (its source index and the natter/ui
// entry) and rendering components with react-dom/server in plain Node, where
// `window` and `document` do not exist, works and leaves them undefined; and no
// component module imports CSS (styles come only through natter/ui/styles.css).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createChatClient } from '../../src/client/chat-client';
import { ChatProvider } from '../../src/react/index';
import { createEmbeddedServer } from '../../src/server/embedded-server';

const UI_DIR = resolve(import.meta.dirname, '../../src/ui');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('natter/ui without a DOM', () => {
  it('runs in an environment without window or document', () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
  });

  it('imports the UI source index and the natter/ui entry', async () => {
    const ui = await import('../../src/ui/index');
    const entry = await import('../../src/entries/ui');
    expect(typeof ui.MessageList).toBe('function');
    expect(entry.MessageList).toBe(ui.MessageList);
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
  });

  it('renders EmojiText, ReadReceipt and MessageList to a string', async () => {
    const { EmojiText, ReadReceipt, MessageList, LocaleProvider } = await import('../../src/ui/index');
    const text = renderToString(
      createElement(EmojiText, {
        text: 'hi 😀 https://natter.example [x]',
        customEmoji: { path: '/f/', map: { '[x]': 'x.png' } },
      }),
    );
    expect(text).toContain('<a class="natter-link" href="https://natter.example/"');
    expect(text).toContain('src="/f/x.png"');
    expect(renderToString(createElement(ReadReceipt, { status: 'read', group: true, readCount: 2 }))).toContain(
      'Read by 2',
    );

    const server = createEmbeddedServer();
    try {
      const client = createChatClient({ transport: server.connect(), user: 'alice', delivery: false });
      const html = renderToString(
        createElement(
          LocaleProvider,
          { locale: 'zh-CN' },
          createElement(ChatProvider, { client }, createElement(MessageList, { conversationId: 'single:bob' })),
        ),
      );
      expect(html).toContain('role="log"');
      expect(html).toContain('aria-label="消息"');
      client.close();
    } finally {
      server.close();
    }
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
  });

  it('has no CSS imports in component modules', () => {
    const offenders = sourceFiles(UI_DIR).filter((f) =>
      /^\s*import\s+['"][^'"]+\.css['"]/m.test(readFileSync(f, 'utf8')),
    );
    expect(offenders.map((f) => relative(UI_DIR, f))).toEqual([]);
  });
});

// @vitest-environment jsdom
// A long loaded history is given to the virtualizer from its newest messages
// (the history window), yet every loaded message stays reachable: by keyboard
// (Home, End) and by scrolling up, which grows the window until the beginning
// of the conversation is shown; messages loaded while the window starts further
// down leave what is drawn as it was.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatClient } from '../../../src/client/chat-client-types';
import type { Message } from '../../../src/protocol/message';
import { ChatProvider } from '../../../src/react/index';
import { createChatStore, type ChatStore } from '../../../src/store/index';
import { microtaskScheduler } from '../../../src/store/ingest-queue';
import { MessageList } from '../../../src/ui/index';
import { HISTORY_WINDOW } from '../../../src/ui/message-list/use-history-window';
import { createListHarness, revealList, until, type ListHarness } from './list-harness';

const COUNT = 2_500;
const CONVERSATION = 'single:bob';

let h: ListHarness;
beforeEach(() => {
  h = createListHarness();
});
afterEach(() => {
  cleanup();
  h.close();
});

/** Messages `from .. from + count - 1` of the conversation as the server would send them (text `m<i>`). */
function history(from: number, count: number): Message[] {
  return Array.from({ length: count }, (_, k) => {
    const i = from + k;
    return {
      serverId: `s${i}`,
      localId: `l${i}`,
      from: 'bob',
      to: 'alice',
      chatType: 'single' as const,
      seq: 10_000 + i,
      ts: Date.UTC(2026, 0, 1) + i * 1000,
      body: { type: 'txt' as const, msg: `m${i}` },
    };
  });
}

function loadInto(store: ChatStore, messages: Message[]): void {
  store.apply([{ kind: 'history', conversation: CONVERSATION, page: { messages, cursor: null, hasMore: false } }]);
}

async function openLongHistory(): Promise<{ container: HTMLElement; store: ChatStore; client: ChatClient }> {
  const client = await h.client('alice');
  const store = createChatStore(client);
  loadInto(store, history(0, COUNT));
  const { container } = render(
    <ChatProvider client={client} store={store} schedule={microtaskScheduler}>
      <MessageList conversationId={CONVERSATION} markReadOnView={false} />
    </ChatProvider>,
  );
  await screen.findByText(`m${COUNT - 1}`);
  await revealList(container);
  return { container, store, client };
}

/** Message index of the virtualizer's item 0: a drawn row's message index less its item index. */
function windowStart(container: HTMLElement): number {
  const row = container.querySelector<HTMLElement>('[data-item]');
  if (!row) throw new Error('no row drawn');
  return Number(row.getAttribute('data-index')) - Number(row.getAttribute('data-item'));
}

function focusedText(): string {
  return (document.activeElement as HTMLElement | null)?.querySelector('.natter-emoji-text')?.textContent ?? '';
}

describe('history window', () => {
  it('gives the virtualizer the newest messages, and reaches the oldest and back by keyboard', async () => {
    const user = userEvent.setup();
    const { container } = await openLongHistory();
    expect(windowStart(container)).toBe(COUNT - HISTORY_WINDOW);
    const scroller = container.querySelector<HTMLElement>('.natter-message-list-scroller')!;
    // jsdom does not tell the list that its scroll position was written: the test does.
    const scrolled = (done: () => boolean) => () => {
      fireEvent.scroll(scroller);
      return done();
    };
    await user.tab();
    await user.tab();
    expect(focusedText()).toBe(`m${COUNT - 1}`);
    await user.keyboard('{Home}');
    await until(
      scrolled(() => focusedText() === 'm0'),
      'focus on the oldest message',
    );
    expect(windowStart(container)).toBe(0);
    await user.keyboard('{End}');
    await until(
      scrolled(() => focusedText() === `m${COUNT - 1}`),
      'focus on the newest message',
    );
  });

  it('grows as the reader scrolls up, to the beginning of the conversation', async () => {
    const { container } = await openLongHistory();
    const scroller = container.querySelector<HTMLElement>('.natter-message-list-scroller')!;
    const starts = new Set<number>();
    await until(
      () => {
        starts.add(windowStart(container));
        scroller.scrollTop = 0;
        fireEvent.scroll(scroller);
        return screen.queryByText('Beginning of the conversation') && screen.queryByText('m0');
      },
      'the beginning of the conversation',
      10_000,
    );
    // Grown in steps (doubling), not all at once.
    expect([...starts].sort((a, b) => b - a)).toEqual([1500, 500, 0].filter((s) => starts.has(s)));
    expect(starts.size).toBeGreaterThan(1);
  });

  it('leaves what is drawn as it was when older messages load while the window starts further down', async () => {
    const { container, store } = await openLongHistory();
    const drawn = () => Array.from(container.querySelectorAll('.natter-emoji-text')).map((e) => e.textContent);
    const before = drawn();
    const start = windowStart(container);
    loadInto(store, history(-50, 50));
    await until(() => windowStart(container) === start + 50, 'the window to keep its first message');
    expect(drawn()).toEqual(before);
    expect(screen.queryByText('m-50')).toBeNull();
  });
});

// @vitest-environment jsdom
// ConversationList with many conversations against a real embedded server:
// only the rows in view are in the DOM (each says where it sits in the whole
// list), a conversation with a new message is drawn at the top, and the
// keyboard reaches rows that were not drawn yet, loading the list's next pages
// (50 conversations first, then 200 at a time) as it nears the end of the loaded ones. jsdom has no layout: the
// list gets a 640 px viewport, 64 px rows and a scroll position, as in a browser.
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { ChatClient } from '../../../src/client/chat-client-types';
import { createManualClock, type ManualClock } from '../../../src/server/clock';
import { ConversationList } from '../../../src/ui/conversation-list';
import { polyfillElementScrolling } from '../../support/jsdom-polyfills';
import { createUiHarness, type UiHarness } from '../chat/ui-harness';

const PEERS = 120;
let h: UiHarness;
let alice: ChatClient;
let peers: ChatClient[];
let clock: ManualClock;

function mockLayout(): void {
  const define = (name: 'clientHeight' | 'offsetHeight' | 'scrollHeight', size: (el: HTMLElement) => number | null) => {
    const original =
      Object.getOwnPropertyDescriptor(HTMLElement.prototype, name) ??
      Object.getOwnPropertyDescriptor(Element.prototype, name);
    Object.defineProperty(HTMLElement.prototype, name, {
      configurable: true,
      get(this: HTMLElement) {
        return size(this) ?? (original?.get?.call(this) as number | undefined) ?? 0;
      },
    });
  };
  define('clientHeight', (el) => (el.classList.contains('natter-conversations') ? 640 : null));
  define('offsetHeight', (el) => (el.classList.contains('natter-conversation') ? 64 : null));
  define('scrollHeight', (el) =>
    el.classList.contains('natter-conversations')
      ? parseFloat(el.querySelector<HTMLElement>('ul')?.style.height ?? '') || 0
      : null,
  );
  // jsdom keeps no scroll position: the list's is kept here and announced like a browser's.
  const tops = new WeakMap<Element, number>();
  const original = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollTop');
  Object.defineProperty(Element.prototype, 'scrollTop', {
    configurable: true,
    get(this: Element) {
      return tops.get(this) ?? (original?.get?.call(this) as number | undefined) ?? 0;
    },
    set(this: Element, top: number) {
      if (!this.classList.contains('natter-conversations')) return original?.set?.call(this, top);
      tops.set(this, top);
      this.dispatchEvent(new Event('scroll'));
    },
  });
}

beforeAll(() => {
  polyfillElementScrolling();
  mockLayout();
});

beforeEach(async () => {
  clock = createManualClock(Date.now());
  h = createUiHarness({ clock, rateLimit: false });
  alice = await h.client('alice');
  peers = [];
  for (let i = 0; i < PEERS; i++) {
    const peer = await h.client(`p${i}`);
    clock.advance(1000);
    await peer.sendText('single:alice', `hello from p${i}`);
    peers.push(peer);
  }
});

afterEach(() => {
  cleanup();
  h.close();
});

const rows = () => within(screen.getByRole('navigation', { name: 'Conversations' })).queryAllByRole('listitem');
const names = () => rows().map((r) => r.querySelector('.natter-conversation__name')?.textContent);
/** The virtualizer is a chunk of its own: every row is drawn until it is in, then rows say where they sit. */
const virtualized = () => waitFor(() => expect(rows()[0]).toHaveAttribute('aria-posinset', '1'), { timeout: 15_000 });

describe('a long conversation list', () => {
  test('draws only the rows in view, each placed in the list (size unknown while pages remain)', async () => {
    h.renderAs(alice, <ConversationList />);
    await waitFor(() => expect(names()[0]).toBe(`p${PEERS - 1}`));
    await virtualized();
    expect(rows().length).toBeGreaterThan(5);
    expect(rows().length).toBeLessThan(30);
    expect(rows()[0]).toHaveAttribute('aria-setsize', '-1');
    expect(rows()[0]).toHaveAttribute('aria-posinset', '1');
  });

  test('scrolled to the end, the list loads the remaining pages and then gives its full size', async () => {
    h.renderAs(alice, <ConversationList />);
    await waitFor(() => expect(names()[0]).toBe(`p${PEERS - 1}`));
    const nav = screen.getByRole('navigation', { name: 'Conversations' });
    await waitFor(
      () => {
        nav.scrollTop = nav.scrollHeight - nav.clientHeight;
        expect(names()).toContain('p0');
      },
      { timeout: 5000 },
    );
    const last = rows().find((r) => r.querySelector('.natter-conversation__name')?.textContent === 'p0');
    expect(last).toHaveAttribute('aria-posinset', String(PEERS));
    expect(last).toHaveAttribute('aria-setsize', String(PEERS));
  });

  test('a conversation far down the list with a new message is drawn at the top', async () => {
    h.renderAs(alice, <ConversationList />);
    await waitFor(() => expect(names()[0]).toBe(`p${PEERS - 1}`));
    await virtualized();
    expect(names()).not.toContain('p0');
    clock.advance(1000);
    await peers[0]!.sendText('single:alice', 'news from p0');
    await waitFor(() => expect(names()[0]).toBe('p0'));
    expect(rows()[0]).toHaveTextContent('news from p0');
  });

  test('End moves focus to the last conversation loaded, and on through the next pages to the very last', async () => {
    const user = userEvent.setup();
    h.renderAs(alice, <ConversationList />);
    await waitFor(() => expect(names()[0]).toBe(`p${PEERS - 1}`));
    const first = rows()[0]!.querySelector('button') as HTMLButtonElement;
    first.focus();
    await user.keyboard('{End}');
    await waitFor(() => expect(document.activeElement).toHaveAttribute('data-conversation', `single:p${PEERS - 50}`));
    await waitFor(async () => {
      await user.keyboard('{End}');
      expect(document.activeElement).toHaveAttribute('data-conversation', 'single:p0');
    });
  });
});

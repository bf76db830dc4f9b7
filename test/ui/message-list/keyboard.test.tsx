// @vitest-environment jsdom
// Messages are reachable by keyboard: the list holds one roving tab stop (the
// newest message by default) that arrow keys, Home and End move, scrolling the
// virtualized list to the message that receives focus.
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MessageList } from '../../../src/ui/index';
import { createListHarness, revealList, until, type ListHarness } from './list-harness';

let h: ListHarness;
beforeEach(() => {
  h = createListHarness();
});
afterEach(() => {
  cleanup();
  h.close();
});

function focusedText(): string {
  return (
    (document.activeElement as HTMLElement | null)?.querySelector('.natter-emoji-text, .natter-event-text')
      ?.textContent ?? ''
  );
}

function tabStops(container: HTMLElement): string[] {
  return Array.from(container.querySelectorAll('[data-natter-message][tabindex="0"]')).map(
    (e) => e.querySelector('.natter-emoji-text')?.textContent ?? '',
  );
}

describe('keyboard navigation', () => {
  it('has one tab stop among the messages, moved by arrows, Home and End', async () => {
    const user = userEvent.setup();
    const bob = await h.client('bob');
    const alice = await h.client('alice');
    for (const t of ['one', 'two', 'three', 'four']) await bob.sendText('single:alice', t);
    const { container } = h.renderAs(alice, <MessageList conversationId="single:bob" markReadOnView={false} />);
    await screen.findByText('four');
    await revealList(container);
    expect(tabStops(container)).toEqual(['four']);
    // Tab reaches the scroll area, then the newest message.
    await user.tab();
    expect(document.activeElement?.classList.contains('natter-message-list-scroller')).toBe(true);
    await user.tab();
    expect(focusedText()).toBe('four');
    await user.keyboard('{ArrowUp}');
    await until(() => focusedText() === 'three', 'focus on "three"');
    expect(tabStops(container)).toEqual(['three']);
    await user.keyboard('{Home}');
    await until(() => focusedText() === 'one', 'focus on "one"');
    await user.keyboard('{ArrowUp}');
    expect(focusedText()).toBe('one');
    await user.keyboard('{End}');
    await until(() => focusedText() === 'four', 'focus on "four"');
    await user.keyboard('{ArrowDown}');
    expect(focusedText()).toBe('four');
  });

  it('moves into the messages with an arrow key from the scroll area', async () => {
    const user = userEvent.setup();
    const bob = await h.client('bob');
    const alice = await h.client('alice');
    for (const t of ['a', 'b']) await bob.sendText('single:alice', t);
    const { container } = h.renderAs(alice, <MessageList conversationId="single:bob" markReadOnView={false} />);
    await screen.findByText('b');
    await revealList(container);
    await user.tab();
    await user.keyboard('{ArrowUp}');
    await until(() => focusedText() !== '', 'a focused message');
    expect(['a', 'b']).toContain(focusedText());
  });

  it('steps over separators and headers onto event lines too', async () => {
    const user = userEvent.setup();
    const bob = await h.client('bob');
    const alice = await h.client('alice');
    await bob.sendText('single:alice', 'before');
    const m = await bob.sendText('single:alice', 'gone');
    await bob.recall(m.serverId);
    await alice.sendText('single:bob', 'after');
    const { container } = h.renderAs(alice, <MessageList conversationId="single:bob" markReadOnView={false} />);
    await screen.findByText('after');
    await revealList(container);
    await user.tab();
    await user.tab();
    expect(focusedText()).toBe('after');
    await user.keyboard('{ArrowUp}');
    await until(() => focusedText() === 'Message recalled', 'focus on the recall line');
    await user.keyboard('{ArrowUp}');
    await until(() => focusedText() === 'before', 'focus on "before"');
  });
});

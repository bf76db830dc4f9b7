// @vitest-environment jsdom
// MessageList over a real embedded server: a named log, date separators, sender
// groups, the unread divider, command messages hidden, call steps and recalls as
// event lines, polite announcements, paging older history at the top, and a DOM
// that holds only what is on screen.
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock, type ManualClock } from '../../../src/server/clock';
import { MessageList } from '../../../src/ui/index';
import { createListHarness, revealList, until, type ListHarness } from './list-harness';

let h: ListHarness;
let clock: ManualClock;
const DAY1 = new Date(2026, 0, 14, 9, 0).getTime();

beforeEach(() => {
  clock = createManualClock(DAY1);
  h = createListHarness({ clock });
});
afterEach(() => {
  cleanup();
  h.close();
});

function texts(container: HTMLElement, selector: string): string[] {
  return Array.from(container.querySelectorAll(selector)).map((e) => e.textContent ?? '');
}

describe('MessageList', () => {
  it('is a log with an accessible name, date separators and messages grouped by sender', async () => {
    const bob = await h.client('bob');
    await bob.sendText('single:alice', 'morning');
    await bob.sendText('single:alice', 'are you there?');
    clock.advance(24 * 3600_000);
    // Alice connects on day 2 (her client learns the server's time at welcome).
    const alice = await h.client('alice');
    await bob.sendText('single:alice', 'hello again');
    await alice.sendText('single:bob', 'yes!');
    await alice.sendText('single:bob', 'here');
    const { container } = h.renderAs(alice, <MessageList conversationId="single:bob" markReadOnView={false} />);
    const log = await screen.findByRole('log', { name: 'Messages' });
    await waitFor(() => expect(within(log).getByText('here')).toBeTruthy());
    expect(texts(container, '.natter-day-separator')).toEqual(['Yesterday', 'Today']);
    // Sender groups: bob (day 1), bob (day 2), alice (own group, no name shown).
    expect(texts(container, '.natter-group-header')).toEqual(['bob', 'bob', '']);
    const rows = Array.from(container.querySelectorAll('[data-natter-message]'));
    expect(rows.map((r) => r.classList.contains('natter-message--group-start'))).toEqual([
      true,
      false,
      true,
      true,
      false,
    ]);
    expect(rows.map((r) => r.classList.contains('natter-message--own'))).toEqual([false, false, false, true, true]);
  });

  it('puts the unread divider before the first unread message and keeps it there after marking read', async () => {
    const bob = await h.client('bob');
    const alice = await h.client('alice');
    await bob.sendText('single:alice', 'old 1');
    const second = await bob.sendText('single:alice', 'old 2');
    await alice.markRead('single:bob', second.seq);
    await bob.sendText('single:alice', 'new 1');
    await bob.sendText('single:alice', 'new 2');
    const { container } = h.renderAs(alice, <MessageList conversationId="single:bob" />);
    await screen.findByText('new 2');
    await revealList(container);
    const order = Array.from(container.querySelectorAll('.natter-unread-divider, [data-natter-message]')).map((e) =>
      e.classList.contains('natter-unread-divider') ? '--' : (e.querySelector('.natter-emoji-text')?.textContent ?? ''),
    );
    expect(order).toEqual(['old 1', 'old 2', '--', 'new 1', 'new 2']);
    expect(screen.getByRole('separator', { name: 'Unread messages' })).toBeTruthy();
    // At the bottom the list marks the conversation read (on every device); the divider stays put.
    await until(
      async () => (await alice.conversations()).find((c) => c.id === 'single:bob')?.unread === 0,
      'read on view',
    );
    expect(container.querySelectorAll('.natter-unread-divider')).toHaveLength(1);
  });

  it('does not mark read when told not to', async () => {
    const bob = await h.client('bob');
    const alice = await h.client('alice');
    await bob.sendText('single:alice', 'unread');
    h.renderAs(alice, <MessageList conversationId="single:bob" markReadOnView={false} />);
    await screen.findByText('unread');
    await new Promise((r) => setTimeout(r, 50));
    expect((await alice.conversations()).find((c) => c.id === 'single:bob')?.unread).toBe(1);
  });

  it('hides command messages and shows call steps and recalls as event lines', async () => {
    const bob = await h.client('bob');
    const alice = await h.client('alice');
    await bob.send('alice', 'single', { type: 'cmd', action: 'typing' });
    const { invitation } = await bob.invite('alice', { data: JSON.stringify({ type: 'video' }), timeout: 30 });
    await alice.rejectInvitation(invitation.inviteId);
    const oops = await bob.sendText('single:alice', 'oops');
    await bob.recall(oops.serverId);
    const { container } = h.renderAs(alice, <MessageList conversationId="single:bob" markReadOnView={false} />);
    await screen.findByText('Message recalled');
    expect(texts(container, '.natter-event-text')).toEqual([
      'bob started a video call',
      'alice declined the call',
      'Message recalled',
    ]);
    expect(container.textContent).not.toContain('typing');
    expect(container.textContent).not.toContain('oops');
  });

  it('replaces a message recalled while on screen', async () => {
    const bob = await h.client('bob');
    const alice = await h.client('alice');
    const m = await bob.sendText('single:alice', 'take this back');
    h.renderAs(alice, <MessageList conversationId="single:bob" markReadOnView={false} />);
    await screen.findByText('take this back');
    await bob.recall(m.serverId);
    await screen.findByText('Message recalled');
    expect(screen.queryByText('take this back')).toBeNull();
  });

  it('announces messages from others in a polite live region', async () => {
    const bob = await h.client('bob');
    const alice = await h.client('alice');
    await bob.sendText('single:alice', 'first');
    h.renderAs(alice, <MessageList conversationId="single:bob" markReadOnView={false} />);
    await screen.findByText('first');
    const status = screen.getByRole('status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    await bob.sendText('single:alice', 'ping');
    await waitFor(() => expect(status.textContent).toBe('bob: ping'));
    await alice.sendText('single:bob', 'pong');
    await screen.findByText('pong');
    expect(status.textContent).toBe('bob: ping');
  });

  it('loads older pages when the top is reached, down to the start of the conversation', async () => {
    const bob = await h.client('bob');
    const alice = await h.client('alice');
    for (let i = 1; i <= 45; i++) await bob.sendText('single:alice', `n${i}`);
    // A tall viewport: the top of each page is on screen, so the first message is drawn and the next page loads.
    const { container } = h.renderAs(
      alice,
      <MessageList conversationId="single:bob" pageSize={10} markReadOnView={false} />,
      { viewport: 5000, rowHeight: 30 },
    );
    await screen.findByText('n1', {}, { timeout: 5000 });
    await screen.findByText('Beginning of the conversation');
    const shown = texts(container, '.natter-emoji-text');
    expect(shown).toEqual(Array.from({ length: 45 }, (_, i) => `n${i + 1}`));
  });

  it('keeps only the rows on screen in the DOM', async () => {
    const bob = await h.client('bob');
    const alice = await h.client('alice');
    for (let i = 1; i <= 150; i++) await bob.sendText('single:alice', `r${i}`);
    await alice.markRead('single:bob');
    // 300 px of 30 px rows: about ten rows, however many messages are loaded.
    const { container } = h.renderAs(
      alice,
      <MessageList conversationId="single:bob" pageSize={150} markReadOnView={false} />,
      { viewport: 300, rowHeight: 30 },
    );
    await screen.findByText('r150');
    const rendered = container.querySelectorAll('[data-index]').length;
    expect(rendered).toBeLessThanOrEqual(30);
    expect(screen.queryByText('r1')).toBeNull();
    expect(screen.getByText('r150')).toBeTruthy();
  });

  it('shows the empty state for a conversation without messages', async () => {
    const alice = await h.client('alice');
    h.renderAs(alice, <MessageList conversationId="single:nobody" />);
    await screen.findByText('No messages yet');
  });

  it('speaks Chinese with locale="zh-CN"', async () => {
    const bob = await h.client('bob');
    const alice = await h.client('alice');
    const m = await bob.sendText('single:alice', '你好');
    await bob.recall(m.serverId);
    const { container } = h.renderAs(
      alice,
      <MessageList conversationId="single:bob" locale="zh-CN" markReadOnView={false} />,
    );
    await screen.findByRole('log', { name: '消息' });
    await screen.findByText('消息已撤回');
    await revealList(container);
    expect(screen.getByRole('separator', { name: '今天' })).toBeTruthy();
  });
});

describe('MessageList opening position', () => {
  // Where it opens (at the divider) is checked in Chromium (test/browser/message-list.test.ts);
  // jsdom cannot scroll, so here only what follows from it: nothing unread is marked read.
  it('does not mark unread messages read when the conversation opens at the unread divider', async () => {
    const bob = await h.client('bob');
    const alice = await h.client('alice');
    for (let i = 1; i <= 20; i++) await bob.sendText('single:alice', `seen ${i}`);
    await alice.markRead('single:bob');
    for (let i = 1; i <= 20; i++) await bob.sendText('single:alice', `unseen ${i}`);
    const { container } = h.renderAs(alice, <MessageList conversationId="single:bob" pageSize={50} />, {
      viewport: 300,
      rowHeight: 30,
    });
    await until(() => container.querySelector('[data-natter-message]'), 'rows');
    await new Promise((r) => setTimeout(r, 500));
    expect((await alice.conversations()).find((c) => c.id === 'single:bob')?.unread).toBe(20);
  });
});

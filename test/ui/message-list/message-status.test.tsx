// @vitest-environment jsdom
// Status marks and actions on one's own messages: pending → sent, delivered,
// read, a group's read count and who read it, failed with its code and a Retry
// that goes through the hook, and recall from the actions menu (by keyboard),
// offered only within the server's window.
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock, type ManualClock } from '../../../src/server/clock';
import { MessageList } from '../../../src/ui/index';
import { createListHarness, revealList, type ListHarness } from './list-harness';

let h: ListHarness;
let clock: ManualClock;
beforeEach(() => {
  clock = createManualClock(Date.now());
  h = createListHarness({ clock });
});
afterEach(() => {
  cleanup();
  h.close();
});

function rowOf(text: string): HTMLElement {
  const el = screen.getByText(text).closest('[data-natter-message]');
  if (!el) throw new Error(`no row for ${text}`);
  return el as HTMLElement;
}

async function mark(text: string): Promise<string | null> {
  await revealList(document.body);
  return rowOf(text).querySelector('.natter-receipt')?.getAttribute('aria-label') ?? null;
}

describe('own message status', () => {
  it('shows pending while offline, then sent; then delivered and read as the peer acts', async () => {
    const bob = await h.client('bob');
    const alice = await h.client('alice', { reconnect: false });
    await alice.sendText('single:bob', 'hi bob');
    h.renderAs(alice, <MessageList conversationId="single:bob" />);
    await screen.findByText('hi bob');
    alice.dropConnection();
    const queued = alice.sendText('single:bob', 'while offline');
    await screen.findByText('while offline');
    expect(await mark('while offline')).toBe('Sending');
    await alice.connect();
    const stored = await queued;
    await waitFor(async () => expect(await mark('while offline')).toBe('Sent'));
    await bob.sendDeliveryReceipt([stored.serverId]);
    await waitFor(async () => expect(await mark('while offline')).toBe('Delivered'));
    await bob.markRead('single:alice');
    await waitFor(async () => expect(await mark('while offline')).toBe('Read'));
    expect(await mark('hi bob')).toBe('Read');
    // Each own message is shown once: the pending copy became the stored one.
    expect(screen.getAllByText('while offline')).toHaveLength(1);
  });

  it('shows a group read count and who read the message', async () => {
    const user = userEvent.setup();
    const alice = await h.client('alice');
    const bob = await h.client('bob');
    const carol = await h.client('carol');
    await alice.createGroup({ groupId: 'team', name: 'Team', members: ['bob', 'carol'] });
    const m = await alice.send('team', 'group', { type: 'txt', msg: 'standup?' }, { config: { allowGroupAck: true } });
    h.renderAs(alice, <MessageList conversationId="group:team" />);
    await screen.findByText('standup?');
    expect(await mark('standup?')).toBe('Sent');
    await bob.sendReadReceipt(m.serverId);
    await waitFor(async () => expect(await mark('standup?')).toBe('Read by 1'));
    await carol.sendReadReceipt(m.serverId);
    await waitFor(async () => expect(await mark('standup?')).toBe('Read by 2'));
    await user.click(within(rowOf('standup?')).getByRole('button', { name: 'Message actions' }));
    await user.click(screen.getByRole('menuitem', { name: 'Who read it' }));
    const readers = await within(rowOf('standup?')).findByRole('status');
    expect(readers.textContent).toMatch(/^Read by: (bob, carol|carol, bob)$/);
  });

  it('shows a refused send with its code, and Retry sends it again through the hook', async () => {
    const user = userEvent.setup();
    const bob = await h.client('bob');
    const alice = await h.client('alice');
    await bob.createGroup({ groupId: 'club', name: 'Club', members: [] });
    h.renderAs(alice, <MessageList conversationId="group:club" />);
    // Not a member yet: the history request is refused.
    await screen.findByText('Could not load older messages.');
    await expect(alice.send('club', 'group', { type: 'txt', msg: 'let me in' })).rejects.toMatchObject({ code: 602 });
    await screen.findByText('let me in');
    await revealList(document.body);
    expect(await mark('let me in')).toBe('Not sent');
    const alert = within(rowOf('let me in')).getByRole('alert');
    expect(alert.textContent).toMatch(/^Not sent \(602\)/);
    await bob.addGroupMembers('club', ['alice']);
    await user.click(within(rowOf('let me in')).getByRole('button', { name: 'Retry' }));
    await waitFor(async () => expect(await mark('let me in')).toBe('Sent'));
    expect(within(rowOf('let me in')).queryByRole('alert')).toBeNull();
    const history = await bob.history('group:club');
    expect(history.messages.map((x) => x.body.type === 'txt' && x.body.msg)).toEqual(['let me in']);
  });

  it('discards a failed send with Delete', async () => {
    const user = userEvent.setup();
    const bob = await h.client('bob');
    const alice = await h.client('alice');
    await bob.createGroup({ groupId: 'closed', name: 'Closed', members: [] });
    h.renderAs(alice, <MessageList conversationId="group:closed" />);
    await screen.findByText('Could not load older messages.');
    await alice.send('closed', 'group', { type: 'txt', msg: 'nope' }).catch(() => undefined);
    await screen.findByText('nope');
    await revealList(document.body);
    await user.click(within(rowOf('nope')).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByText('nope')).toBeNull());
  });

  it('recalls an own message from the keyboard within the window', async () => {
    const user = userEvent.setup();
    const bob = await h.client('bob');
    const alice = await h.client('alice');
    await alice.sendText('single:bob', 'wrong chat');
    const { container } = h.renderAs(alice, <MessageList conversationId="single:bob" />);
    await screen.findByText('wrong chat');
    await revealList(container);
    const row = rowOf('wrong chat');
    row.focus();
    await user.keyboard('{Enter}');
    const menu = screen.getByRole('menu', { name: 'Message actions' });
    expect(document.activeElement).toBe(within(menu).getByRole('menuitem', { name: 'Recall' }));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(within(menu).getByRole('menuitem', { name: 'Copy text' }));
    await user.keyboard('{ArrowUp}{Enter}');
    await screen.findByText('You recalled a message');
    expect(screen.queryByText('wrong chat')).toBeNull();
    await waitFor(async () => expect((await bob.history('single:alice')).messages[0]?.body.type).toBe('recalled'));
  });

  it('closes the actions menu with Escape and returns focus to its button', async () => {
    const user = userEvent.setup();
    const alice = await h.client('alice');
    await h.client('bob');
    await alice.sendText('single:bob', 'menu test');
    h.renderAs(alice, <MessageList conversationId="single:bob" />);
    await screen.findByText('menu test');
    await revealList(document.body);
    const button = within(rowOf('menu test')).getByRole('button', { name: 'Message actions' });
    await user.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('does not offer recall once the window has passed, nor for others’ messages', async () => {
    const user = userEvent.setup();
    const bob = await h.client('bob');
    await bob.sendText('single:alice', 'from bob');
    const alice = await h.client('alice');
    await alice.sendText('single:bob', 'old news');
    clock.advance(121_000);
    // A client connecting now learns the server's current time.
    const later = await h.client('alice', { device: 'tablet' });
    h.renderAs(later, <MessageList conversationId="single:bob" />);
    await screen.findByText('old news');
    await revealList(document.body);
    await user.click(within(rowOf('old news')).getByRole('button', { name: 'Message actions' }));
    // Past the window: no Recall (delete for everyone, a feature of its own, stays offered).
    expect(screen.getAllByRole('menuitem').map((i) => i.textContent)).toEqual([
      'Copy text',
      'Add reaction',
      'Reply',
      'Edit',
      'Pin',
      'Delete for me',
      'Delete for everyone',
    ]);
    await user.keyboard('{Escape}');
    await user.click(within(rowOf('from bob')).getByRole('button', { name: 'Message actions' }));
    // Someone else's message: no Recall, no Edit, no Delete for everyone.
    expect(screen.getAllByRole('menuitem').map((i) => i.textContent)).toEqual([
      'Copy text',
      'Add reaction',
      'Reply',
      'Pin',
      'Delete for me',
    ]);
  });
});

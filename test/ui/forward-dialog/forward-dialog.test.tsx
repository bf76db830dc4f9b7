// @vitest-environment jsdom
// Forwarding in the drop-in Chat against a real embedded server: "Forward"
// opens a dialog listing the user's other conversations, the message goes to
// each one picked (marked forwarded), a refused target is announced with the
// server's reason and stays picked while the others are done, Escape closes.
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { ChatClient } from '../../../src/client/chat-client-types';
import type { Message } from '../../../src/protocol/message';
import { Chat } from '../../../src/ui/chat';
import { messageLog } from '../chat/ui-harness';
import { createListHarness, type ListHarness } from '../message-list/list-harness';

let h: ListHarness;
let alice: ChatClient;
let bob: ChatClient;
let carol: ChatClient;

beforeEach(async () => {
  h = createListHarness();
  alice = await h.client('alice');
  bob = await h.client('bob');
  carol = await h.client('carol');
});

afterEach(() => {
  cleanup();
  h.close();
});

const rowOf = (text: string) =>
  screen.getByText(text, { selector: '[role=log] .natter-emoji-text' }).closest('[data-natter-message]') as HTMLElement;

async function openForward(user: ReturnType<typeof userEvent.setup>, text: string): Promise<HTMLElement> {
  await screen.findByText(text, { selector: '[role=log] .natter-emoji-text' }, { timeout: 5000 });
  await user.click(within(rowOf(text)).getByRole('button', { name: 'Message actions' }));
  await user.click(screen.getByRole('menuitem', { name: 'Forward' }));
  return screen.findByRole('dialog', { name: 'Forward message' });
}

it('forwards a message to the conversations picked', async () => {
  await carol.sendText('single:alice', 'hi alice');
  await bob.sendText('single:alice', 'the door code is 4711');
  const got: Message[] = [];
  carol.on('message', (e) => {
    if (e.message.body.type === 'txt') got.push(e.message);
  });
  const user = userEvent.setup();
  h.renderAs(alice, <Chat defaultConversationId="single:bob" />, { viewport: 600 });
  await messageLog();
  const dialog = await openForward(user, 'the door code is 4711');
  const targets = within(dialog).getByRole('group', { name: 'Forward to' });
  expect(
    within(targets)
      .getAllByRole('checkbox')
      .map((c) => c.closest('label')?.textContent),
  ).toEqual(['carol']);
  const send = within(dialog).getByRole('button', { name: 'Forward' });
  expect(send).toBeDisabled();
  await user.click(within(targets).getByRole('checkbox', { name: 'carol' }));
  await user.click(send);
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  await waitFor(() =>
    expect(got.map((m) => [m.body, m.forwarded])).toEqual([
      [{ type: 'txt', msg: 'the door code is 4711' }, { from: 'bob' }],
    ]),
  );
});

it('announces a refused target with the reason and keeps it picked; Escape closes', async () => {
  const group = await bob.createGroup({ name: 'crew', members: ['alice'] });
  await alice.sendText(`group:${group.groupId}`, 'joined');
  await bob.sendText('single:alice', 'forward me');
  const user = userEvent.setup();
  h.renderAs(alice, <Chat defaultConversationId="single:bob" />, { viewport: 600 });
  await messageLog();
  await screen.findByText('forward me', { selector: '[role=log] .natter-emoji-text' }, { timeout: 5000 });
  // Alice is removed from the group after her list shows it: forwarding there is refused.
  await bob.removeGroupMembers(group.groupId, ['alice']);
  const dialog = await openForward(user, 'forward me');
  const box = await within(dialog).findByRole('checkbox', { name: 'crew' });
  await user.click(box);
  await user.click(within(dialog).getByRole('button', { name: 'Forward' }));
  const alert = await within(dialog).findByRole('alert');
  expect(alert.textContent).toMatch(/^Could not forward to crew: .+/);
  expect(box).toBeChecked();
  await user.keyboard('{Escape}');
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
});

// @vitest-environment jsdom
// Threads in the drop-in Chat against a real embedded server: "Reply in
// thread" opens the panel beside the conversation with focus in its reply box,
// a reply sent there reaches the other user's thread (not the conversation's
// history), the root shows its reply count which opens the thread, live
// replies appear, and Escape closes the panel with focus back on the message;
// a followed thread's unread replies show on the count until the open panel
// reads them.
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { ChatClient } from '../../../src/client/chat-client-types';
import { Chat } from '../../../src/ui/chat';
import { messageLog } from '../chat/ui-harness';
import { createListHarness, type ListHarness } from '../message-list/list-harness';

let h: ListHarness;
let alice: ChatClient;
let bob: ChatClient;

beforeEach(async () => {
  h = createListHarness();
  alice = await h.client('alice');
  bob = await h.client('bob');
});

afterEach(() => {
  cleanup();
  h.close();
});

const rowOf = (text: string) =>
  screen.getByText(text, { selector: '[role=log] .natter-emoji-text' }).closest('[data-natter-message]') as HTMLElement;

it('opens a thread from a message, replies in it, and closes with Escape back on the message', async () => {
  const root = await bob.sendText('single:alice', 'lunch options?');
  const user = userEvent.setup();
  h.renderAs(alice, <Chat defaultConversationId="single:bob" />, { viewport: 600 });
  await messageLog();
  await screen.findByText('lunch options?', { selector: '[role=log] .natter-emoji-text' });
  await user.click(within(rowOf('lunch options?')).getByRole('button', { name: 'Message actions' }));
  await user.click(screen.getByRole('menuitem', { name: 'Reply in thread' }));
  const panel = await screen.findByRole('complementary', { name: 'Thread' });
  expect(within(panel).getByText('lunch options?')).toBeInTheDocument();
  expect(within(panel).getByText('No replies yet')).toBeInTheDocument();
  const box = within(panel).getByRole('textbox', { name: 'Reply in thread' });
  await waitFor(() => expect(box).toHaveFocus());
  await user.keyboard('tacos{Enter}');
  await within(panel).findByText('tacos');
  expect(box).toHaveValue('');
  const page = await bob.thread(root.serverId);
  expect(page.messages.map((m) => [m.from, m.body])).toEqual([['alice', { type: 'txt', msg: 'tacos' }]]);
  // The reply is in the thread, not in the conversation's log.
  expect(screen.queryByText('tacos', { selector: '[role=log] .natter-emoji-text' })).toBeNull();
  await within(rowOf('lunch options?')).findByRole('button', { name: '1 reply' });

  await user.keyboard('{Escape}');
  await waitFor(() => expect(screen.queryByRole('complementary', { name: 'Thread' })).toBeNull());
  expect(document.activeElement?.closest('[data-natter-message]')).toBe(rowOf('lunch options?'));
});

it('the reply count under a root opens its thread, where live replies appear', async () => {
  const root = await alice.sendText('single:bob', 'release notes');
  await bob.sendText('single:alice', 'typo in line 2', { threadOf: root.serverId });
  const user = userEvent.setup();
  h.renderAs(alice, <Chat defaultConversationId="single:bob" />, { viewport: 600 });
  await messageLog();
  // Alice wrote the root, so she follows its thread: the reply is new to her.
  await user.click(await screen.findByRole('button', { name: '1 reply · 1 new' }, { timeout: 5000 }));
  const panel = await screen.findByRole('complementary', { name: 'Thread' });
  await within(panel).findByText('typo in line 2');
  await bob.sendText('single:alice', 'and in line 5', { threadOf: root.serverId });
  await within(panel).findByText('and in line 5');
  expect(within(panel).getByRole('list', { name: '2 replies' })).toBeInTheDocument();
  // Read while the panel is open at the newest reply.
  await screen.findByRole('button', { name: '2 replies' });
  await user.click(within(panel).getByRole('button', { name: 'Close thread' }));
  expect(screen.queryByRole('complementary', { name: 'Thread' })).toBeNull();
});

it('shows a followed thread’s unread replies on its reply count and in the panel, and reads them there', async () => {
  const root = await alice.sendText('single:bob', 'deploy today?');
  await bob.sendText('single:alice', 'yes', { threadOf: root.serverId });
  await bob.sendText('single:alice', 'after lunch', { threadOf: root.serverId });
  const user = userEvent.setup();
  h.renderAs(alice, <Chat defaultConversationId="single:bob" />, { viewport: 600 });
  // Alice wrote the root, so she follows the thread: both replies are new to her.
  const chip = await within(await waitFor(() => rowOf('deploy today?'))).findByRole('button', {
    name: '2 replies · 2 new',
  });
  await user.click(chip);
  const panel = await screen.findByRole('complementary', { name: 'Thread' });
  await within(panel).findByText('after lunch');
  // Open and at the newest reply: read on every device, so the count goes from the chip and the panel.
  await within(rowOf('deploy today?')).findByRole('button', { name: '2 replies' });
  expect(within(panel).queryByText('2 new')).toBeNull();
  expect((await alice.thread(root.serverId)).threadUnread).toEqual({ [root.serverId]: 0 });
  await user.keyboard('{Escape}');
  await bob.sendText('single:alice', 'see you', { threadOf: root.serverId });
  await within(rowOf('deploy today?')).findByRole('button', { name: '3 replies · 1 new' });
});

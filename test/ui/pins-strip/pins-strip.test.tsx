// @vitest-environment jsdom
// The pins strip and the reply quote in the drop-in Chat, against a real
// embedded server: pinned messages show above the conversation, activating
// one (or a quote whose original is far back, not loaded) opens the list at
// that message, and those allowed to pin can unpin from the strip.
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

/** The message the list opened a jump at. */
async function jumpTarget(container: HTMLElement): Promise<HTMLElement> {
  let target: HTMLElement | null = null;
  await waitFor(() => {
    target = container.querySelector<HTMLElement>('[data-jump-target]');
    expect(target).not.toBeNull();
  });
  return target as unknown as HTMLElement;
}

it('shows pinned messages above the conversation; a pin opens the list at its message, far back', async () => {
  const first = await bob.sendText('single:alice', 'the plan');
  for (let i = 1; i <= 60; i++) await bob.sendText('single:alice', `chatter ${i}`);
  await alice.pin(first.serverId);
  await alice.markRead('single:bob');
  const user = userEvent.setup();
  const { container } = h.renderAs(alice, <Chat defaultConversationId="single:bob" />, { viewport: 300 });
  await messageLog();
  const strip = await screen.findByRole('region', { name: 'Pinned messages' }, { timeout: 5000 });
  const pin = within(strip).getByRole('button', { name: 'bob the plan' });
  expect(pin).toHaveAccessibleDescription('Pinned message from bob');
  await screen.findByText('chatter 60', { selector: '[role=log] .natter-emoji-text' });
  expect(screen.queryByText('the plan', { selector: '.natter-emoji-text' })).toBeNull();

  await user.click(pin);
  const target = await jumpTarget(container);
  expect(target).toHaveTextContent('the plan');
  expect(screen.getByRole('button', { name: 'Jump to latest' })).toBeInTheDocument();
});

it('unpins from the strip, and the strip goes once nothing is pinned', async () => {
  const m = await bob.sendText('single:alice', 'keep this');
  await bob.pin(m.serverId);
  const user = userEvent.setup();
  h.renderAs(alice, <Chat defaultConversationId="single:bob" />, { viewport: 300 });
  await messageLog();
  const strip = await screen.findByRole('region', { name: 'Pinned messages' }, { timeout: 5000 });
  await user.click(within(strip).getByRole('button', { name: 'Unpin the message from bob' }));
  await waitFor(() => expect(screen.queryByRole('region', { name: 'Pinned messages' })).toBeNull());
  expect(await alice.pins('single:bob')).toMatchObject({ pins: [] });
});

it('a group member who may not pin sees the pins without an unpin button', async () => {
  const group = await alice.createGroup({ name: 'crew', members: ['bob'] });
  const m = await alice.sendText(`group:${group.groupId}`, 'agenda');
  await alice.pin(m.serverId);
  h.renderAs(bob, <Chat defaultConversationId={`group:${group.groupId}`} />, { viewport: 300 });
  await messageLog();
  const strip = await screen.findByRole('region', { name: 'Pinned messages' }, { timeout: 5000 });
  expect(within(strip).getByRole('button', { name: 'alice agenda' })).toBeInTheDocument();
  expect(within(strip).queryByRole('button', { name: /Unpin/ })).toBeNull();
});

it('activating the quote of a reply opens the list at the quoted message when it is not loaded', async () => {
  const original = await bob.sendText('single:alice', 'where do we meet?');
  for (let i = 1; i <= 60; i++) await bob.sendText('single:alice', `noise ${i}`);
  await alice.sendText('single:bob', 'at the station', { replyTo: original.serverId });
  await alice.markRead('single:bob');
  const user = userEvent.setup();
  const { container } = h.renderAs(alice, <Chat defaultConversationId="single:bob" />, { viewport: 300 });
  await messageLog();
  const quote = await screen.findByRole('button', { name: 'bob where do we meet?' }, { timeout: 5000 });
  quote.focus();
  await user.keyboard('{Enter}');
  const target = await jumpTarget(container);
  expect(target).toHaveTextContent('where do we meet?');
});

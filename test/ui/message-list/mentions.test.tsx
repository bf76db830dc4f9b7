// @vitest-environment jsdom
// Mentions in the drop-in UI against a real embedded server: a message sets
// apart the `@name`s it mentions (the reader's own one says "mentions you" to
// screen readers), and the conversation list shows an "@" badge while a
// mention of the reader is unread, gone once read.
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { ChatClient } from '../../../src/client/chat-client-types';
import { ConversationList } from '../../../src/ui/conversation-list';
import { MessageList } from '../../../src/ui/message-list';
import { createListHarness, type ListHarness } from './list-harness';

let h: ListHarness;
let alice: ChatClient;
let bob: ChatClient;
let group: `group:${string}`;

const names: Record<string, string> = { alice: 'Alice', bob: 'Bob', carol: 'Carol' };
const displayName = (u: string) => names[u] ?? u;

beforeEach(async () => {
  h = createListHarness();
  alice = await h.client('alice');
  bob = await h.client('bob');
  await h.client('carol');
  group = `group:${(await bob.createGroup({ name: 'crew', members: ['alice', 'carol'] })).groupId}`;
});

afterEach(() => {
  cleanup();
  h.close();
});

it('sets mentions apart in the text, the reader’s own one announced as mentioning them', async () => {
  await bob.sendText(group, 'ask @Carol or @Alice, cc @all', { mentions: { users: ['carol', 'alice'], all: true } });
  await bob.sendText(group, 'mail to @Carol.not.a.mention is fine');
  const { container } = h.renderAs(
    alice,
    <MessageList conversationId={group} displayName={displayName} markReadOnView={false} />,
  );
  await screen.findByText('@Alice', { exact: false, selector: '.natter-mention' });
  const mentions = Array.from(container.querySelectorAll('.natter-mention'));
  expect(mentions.map((m) => [m.textContent, m.hasAttribute('data-self')])).toEqual([
    ['@Carol', false],
    ['@Alice (mentions you)', true],
    ['@all (mentions you)', true],
  ]);
  const bubble = mentions[0]?.closest('.natter-mention-text') as HTMLElement;
  expect(bubble).toHaveTextContent('ask @Carol or @Alice (mentions you), cc @all (mentions you)');
  // A message without mentions is plain text, whatever it holds.
  expect(screen.getByText('mail to @Carol.not.a.mention is fine')).not.toHaveClass('natter-mention');
});

it('shows an @ badge on a conversation while a mention of the reader is unread', async () => {
  h.renderAs(alice, <ConversationList displayName={displayName} />);
  await bob.sendText(group, 'hello all');
  const list = await screen.findByRole('navigation', { name: 'Conversations' });
  const row = await within(list).findByRole('button', { name: /^crew/ });
  expect(within(row).queryByText('1 mention of you')).toBeNull();
  await bob.sendText(group, '@Alice look', { mentions: { users: ['alice'] } });
  await waitFor(() => expect(within(row).getByText('1 mention of you')).toBeInTheDocument());
  expect(row.querySelector('.natter-badge--mention [aria-hidden="true"]')).toHaveTextContent('@');
  await alice.markRead(group);
  await waitFor(() => expect(within(row).queryByText('1 mention of you')).toBeNull());
});

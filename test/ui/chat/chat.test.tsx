// @vitest-environment jsdom
// The Chat layout against a real embedded server: list, open conversation with
// header, MessageList and MessageInput, calls from the header and incoming
// calls in the modal, theme and locale props, and the back button of the
// narrow layout.
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { ChatClient } from '../../../src/client/chat-client-types';
import type { Message } from '../../../src/protocol/message';
import { Chat } from '../../../src/ui/chat';
import { createUiHarness, type UiHarness } from './ui-harness';

let h: UiHarness;
let alice: ChatClient;
let bob: ChatClient;

beforeEach(async () => {
  h = createUiHarness();
  alice = await h.client('alice');
  bob = await h.client('bob');
});

afterEach(() => {
  cleanup();
  h.close();
});

test('selecting a conversation opens it with a header, a message log and an input that sends', async () => {
  const got: Message[] = [];
  bob.on('message', (e) => {
    if (e.message.body.type === 'txt' && e.message.from === 'alice') got.push(e.message);
  });
  await bob.sendText('single:alice', 'hello alice');
  const user = userEvent.setup();
  const { container } = h.renderAs(alice, <Chat theme="dark" />);
  const root = container.querySelector('.natter-chat') as HTMLElement;
  expect(root).toHaveAttribute('data-natter-theme', 'dark');
  expect(root).toHaveAttribute('data-view', 'list');
  expect(screen.getByText('Select a conversation to start chatting')).toBeInTheDocument();

  await user.click(await screen.findByRole('button', { name: /^bob/ }));
  expect(root).toHaveAttribute('data-view', 'conversation');
  expect(screen.getByRole('heading', { level: 2, name: 'bob' })).toBeInTheDocument();
  expect(screen.getByRole('region', { name: 'bob' })).toBeInTheDocument();
  expect(await screen.findByRole('log')).toBeInTheDocument();
  await user.type(screen.getByRole('textbox', { name: 'Message' }), 'hi bob{Enter}');
  await waitFor(() => expect(got.map((m) => m.body)).toEqual([{ type: 'txt', msg: 'hi bob' }]));

  await user.click(screen.getByRole('button', { name: 'Back to conversations' }));
  expect(root).toHaveAttribute('data-view', 'list');
});

test('the header call button invites the peer and shows the outgoing call', async () => {
  const user = userEvent.setup();
  h.renderAs(alice, <Chat defaultConversationId="single:bob" calling="invite-only" />);
  await user.click(screen.getByRole('button', { name: 'Video call' }));
  const dialog = await screen.findByRole('dialog', { name: 'Calling bob…' });
  expect(dialog).toHaveAccessibleDescription('Video call');
  const [inv] = await bob.pendingInvitations();
  expect(inv).toMatchObject({ inviter: 'alice', invitees: ['bob'], data: '{"call_type":"video"}', timeout: 30 });
  expect(screen.getByRole('button', { name: 'Voice call' })).toBeDisabled();
  await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
});

test('a group conversation calls the other members', async () => {
  await alice.createGroup({ groupId: 'crew', name: 'Crew', members: ['bob', 'carol'] });
  await alice.sendText('group:crew', 'hi crew');
  const user = userEvent.setup();
  h.renderAs(alice, <Chat defaultConversationId="group:crew" calling="invite-only" />);
  expect(await screen.findByRole('heading', { level: 2, name: 'Crew' })).toBeInTheDocument();
  const voice = screen.getByRole('button', { name: 'Voice call' });
  await waitFor(() => expect(voice).toBeEnabled());
  await user.click(voice);
  await screen.findByRole('dialog', { name: 'Calling bob, carol…' });
  const [inv] = await bob.pendingInvitations();
  expect(inv).toMatchObject({ groupId: 'crew', invitees: ['bob', 'carol'] });
});

test('an incoming call shows in the modal and onAccepted receives it', async () => {
  const onAccepted = vi.fn();
  const user = userEvent.setup();
  h.renderAs(bob, <Chat onAccepted={onAccepted} />);
  await alice.invite('bob', { data: '{"call_type":"audio"}', timeout: 30 });
  const dialog = await screen.findByRole('dialog', { name: 'alice' });
  await user.click(within(dialog).getByRole('button', { name: 'Accept' }));
  await waitFor(() =>
    expect(onAccepted).toHaveBeenCalledWith(expect.objectContaining({ inviter: 'alice', states: { bob: 'accepted' } })),
  );
});

test('locale="zh-CN" translates the layout', async () => {
  await bob.sendText('single:alice', '你好');
  h.renderAs(alice, <Chat locale="zh-CN" defaultConversationId="single:bob" />);
  expect(screen.getByRole('navigation', { name: '会话' })).toBeInTheDocument();
  expect(screen.getByRole('textbox', { name: '消息' })).toBeInTheDocument();
  expect(screen.getByRole('button', { name: '语音通话' })).toBeInTheDocument();
  expect(screen.getByRole('button', { name: '返回会话列表' })).toBeInTheDocument();
});

// @vitest-environment jsdom
// @mention suggestions in MessageInput against a real embedded server: typing
// `@` in a group lists the other members (and @all), the arrows move the
// active option the textarea points at, Enter or Tab inserts it, Escape
// closes the list without clearing the text, a click inserts, and the sent
// message carries the mentions its text still holds.
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { ChatClient } from '../../../src/client/chat-client-types';
import type { Message } from '../../../src/protocol/message';
import { MessageInput } from '../../../src/ui/message-input';
import { createUiHarness, type UiHarness } from '../chat/ui-harness';

let h: UiHarness;
let alice: ChatClient;
let bob: ChatClient;
let group: `group:${string}`;
let received: Message[];

const names: Record<string, string> = { alice: 'Alice', bob: 'Bob', carol: 'Carol', bert: 'Bert' };
const displayName = (u: string) => names[u] ?? u;

beforeEach(async () => {
  h = createUiHarness();
  alice = await h.client('alice');
  bob = await h.client('bob');
  await h.client('carol');
  await h.client('bert');
  group = `group:${(await alice.createGroup({ name: 'crew', members: ['bob', 'carol', 'bert'] })).groupId}`;
  received = [];
  bob.on('message', (e) => {
    if (e.message.body.type === 'txt') received.push(e.message);
  });
});

afterEach(() => {
  cleanup();
  h.close();
});

async function sent(): Promise<Message> {
  await waitFor(() => expect(received.length).toBeGreaterThan(0), { timeout: 5000 });
  return received[0] as Message;
}

test('typing @ lists the members to mention; arrows and Enter insert one, and the message mentions them', async () => {
  const user = userEvent.setup();
  h.renderAs(alice, <MessageInput conversationId={group} displayName={displayName} />);
  const box = screen.getByRole('textbox', { name: 'Message' });
  await user.type(box, 'hi @b');
  const list = await screen.findByRole('listbox', { name: 'People to mention' });
  expect(
    within(list)
      .getAllByRole('option')
      .map((o) => o.textContent),
  ).toEqual(['@Bobbob', '@Bertbert']);
  expect(box).toHaveAttribute('aria-controls', list.id);
  expect(box).toHaveAttribute('aria-activedescendant', within(list).getAllByRole('option')[0]?.id);
  expect(screen.getByText('2 suggestions. Up and down arrows to choose, Enter to insert.')).toBeInTheDocument();

  await user.keyboard('{ArrowDown}');
  const bert = within(list).getByRole('option', { name: /Bert/ });
  expect(bert).toHaveAttribute('aria-selected', 'true');
  expect(box).toHaveAttribute('aria-activedescendant', bert.id);
  await user.keyboard('{Enter}');
  expect(box).toHaveValue('hi @Bert ');
  expect(screen.queryByRole('listbox')).toBeNull();
  expect(box).not.toHaveAttribute('aria-activedescendant');

  await user.type(box, 'and @bo');
  await user.keyboard('{Tab}');
  expect(box).toHaveValue('hi @Bert and @Bob ');
  expect(box).toHaveFocus();
  await user.keyboard('{Enter}');
  const m = await sent();
  expect(m.body).toEqual({ type: 'txt', msg: 'hi @Bert and @Bob' });
  expect(new Set(m.mentions?.users)).toEqual(new Set(['bert', 'bob']));
  expect(m.mentions?.all).toBeUndefined();
});

test('@all is offered in a group and mentions everyone', async () => {
  const user = userEvent.setup();
  h.renderAs(alice, <MessageInput conversationId={group} displayName={displayName} />);
  const box = screen.getByRole('textbox', { name: 'Message' });
  await user.type(box, '@a');
  const option = await screen.findByRole('option', { name: /Everyone in this group/ });
  await user.click(option);
  expect(box).toHaveValue('@all ');
  await user.type(box, 'standup{Enter}');
  expect((await sent()).mentions).toEqual({ all: true });
});

test('Escape closes the suggestions and keeps the text; a mention deleted from the text is not sent', async () => {
  const user = userEvent.setup();
  h.renderAs(alice, <MessageInput conversationId={group} displayName={displayName} />);
  const box = screen.getByRole('textbox', { name: 'Message' });
  await user.type(box, '@car');
  await screen.findByRole('listbox');
  await user.keyboard('{Escape}');
  expect(screen.queryByRole('listbox')).toBeNull();
  expect(box).toHaveValue('@car');
  await user.keyboard('{Backspace}');
  await user.type(box, 'r');
  await user.keyboard('{Enter}');
  expect(box).toHaveValue('@Carol ');
  await user.clear(box);
  await user.type(box, 'never mind{Enter}');
  const m = await sent();
  expect(m.body).toEqual({ type: 'txt', msg: 'never mind' });
  expect(m.mentions).toBeUndefined();
});

test('in a single chat the other user is offered, and nobody in a text without @', async () => {
  const user = userEvent.setup();
  h.renderAs(alice, <MessageInput conversationId="single:bob" displayName={displayName} />);
  const box = screen.getByRole('textbox', { name: 'Message' });
  await user.type(box, 'mail me@');
  expect(screen.queryByRole('listbox')).toBeNull();
  await user.type(box, ' @');
  expect(
    within(await screen.findByRole('listbox'))
      .getAllByRole('option')
      .map((o) => o.textContent),
  ).toEqual(['@Bobbob']);
});

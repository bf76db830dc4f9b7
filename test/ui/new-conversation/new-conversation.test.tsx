// @vitest-environment jsdom
// Starting a conversation from the drop-in Chat against a real embedded
// server: from the empty list, find a person in the directory and open a
// chat with them, create a group with picked members, reach a user the
// private directory does not show by typing their id, and close the dialog.
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, test } from 'vitest';
import { setProfile } from '../../../src/client/people';
import type { Message } from '../../../src/protocol/message';
import { Chat } from '../../../src/ui/chat';
import { createUiHarness, type UiHarness } from '../chat/ui-harness';

let h: UiHarness | null = null;

afterEach(() => {
  cleanup();
  h?.close();
  h = null;
});

test('from "No conversations yet", a user finds Bob by name, opens a chat and sends', async () => {
  h = createUiHarness({ people: { publicDirectory: true } });
  const alice = await h.client('alice');
  const bob = await h.client('bob');
  await setProfile(bob, { name: 'Robert Brown' });
  const got: Message[] = [];
  bob.on('message', (e) => {
    if (e.message.body.type === 'txt') got.push(e.message);
  });
  const user = userEvent.setup();
  h.renderAs(alice, <Chat />);
  expect(await screen.findByText('No conversations yet')).toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: 'New conversation' }));
  const dialog = await screen.findByRole('dialog', { name: 'New conversation' }, { timeout: 15_000 });
  expect(within(dialog).getByRole('searchbox', { name: 'Find people' })).toHaveFocus();
  await user.type(within(dialog).getByRole('searchbox', { name: 'Find people' }), 'rob');
  await user.click(await within(dialog).findByRole('button', { name: /Robert Brown/ }));

  expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  // Bob's profile name is shown wherever he is named.
  expect(await screen.findByRole('heading', { level: 2, name: 'Robert Brown' })).toBeInTheDocument();
  await user.type(screen.getByRole('textbox', { name: 'Message' }), 'hello bob{Enter}');
  await waitFor(() => expect(got.map((m) => m.body)).toEqual([{ type: 'txt', msg: 'hello bob' }]));
  expect(await screen.findByRole('button', { name: /^Robert Brown/ })).toBeInTheDocument();
});

test('a group is created with the picked members and opens', async () => {
  h = createUiHarness({ people: { publicDirectory: true } });
  const alice = await h.client('alice');
  const bob = await h.client('bob');
  await h.client('carol');
  const groups: string[] = [];
  bob.on('group', (e) => groups.push(`${e.action}:${e.group.name}`));
  const user = userEvent.setup();
  h.renderAs(alice, <Chat />);
  await user.click(screen.getByRole('button', { name: 'New conversation' }));
  const dialog = await screen.findByRole('dialog', { name: 'New conversation' }, { timeout: 15_000 });
  await user.click(within(dialog).getByRole('radio', { name: 'Group' }));
  const create = within(dialog).getByRole('button', { name: 'Create group' });
  expect(create).toBeDisabled();
  await user.type(within(dialog).getByRole('textbox', { name: 'Group name' }), 'Launch');
  const search = within(dialog).getByRole('searchbox', { name: 'Find people' });
  await user.type(search, 'bo');
  await user.click(await within(dialog).findByRole('checkbox', { name: 'bob' }));
  await user.clear(search);
  await user.type(search, 'car');
  await user.click(await within(dialog).findByRole('checkbox', { name: 'carol' }));
  // Picked members stay listed whatever the search shows.
  expect(within(dialog).getByRole('checkbox', { name: 'bob' })).toBeChecked();
  expect(within(dialog).getByText('2 members picked')).toBeInTheDocument();
  await user.click(create);

  expect(await screen.findByRole('heading', { level: 2, name: 'Launch' })).toBeInTheDocument();
  await waitFor(() => expect(groups).toContain('created:Launch'));
});

test('a private directory finds only contacts, and a typed id still starts a chat', async () => {
  h = createUiHarness();
  const alice = await h.client('alice');
  await h.client('carol');
  const user = userEvent.setup();
  h.renderAs(alice, <Chat />);
  await user.click(screen.getByRole('button', { name: 'New conversation' }));
  const dialog = await screen.findByRole('dialog', { name: 'New conversation' }, { timeout: 15_000 });
  await user.type(within(dialog).getByRole('searchbox', { name: 'Find people' }), 'carol');
  await user.click(await within(dialog).findByRole('button', { name: 'Chat with carol' }));
  expect(screen.getByRole('heading', { level: 2, name: 'carol' })).toBeInTheDocument();
});

test('Escape closes the dialog and gives focus back to the button', async () => {
  h = createUiHarness();
  const alice = await h.client('alice');
  const user = userEvent.setup();
  h.renderAs(alice, <Chat />);
  const open = screen.getByRole('button', { name: 'New conversation' });
  await user.click(open);
  expect(await screen.findByRole('dialog', { name: 'New conversation' }, { timeout: 15_000 })).toBeInTheDocument();
  await user.keyboard('{Escape}');
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  expect(open).toHaveFocus();
});

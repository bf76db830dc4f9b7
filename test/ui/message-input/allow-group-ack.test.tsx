// @vitest-environment jsdom
// MessageInput's allowGroupAck prop: what it sends (text and attachments)
// asks for group read receipts, and a member's read moves the sender's count.
import { screen, cleanup, waitFor, fireEvent } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, test } from 'vitest';
import type { Message } from '../../../src/protocol/message';
import { MessageInput } from '../../../src/ui/message-input';
import { createUiHarness, pngFile, transferOf, type UiHarness } from '../chat/ui-harness';

let h: UiHarness;
afterEach(() => {
  cleanup();
  h.close();
});

test('allowGroupAck sends text and files with config.allowGroupAck, and the group read count reaches the sender', async () => {
  h = createUiHarness();
  const alice = await h.client('alice');
  const bob = await h.client('bob');
  await alice.createGroup({ groupId: 'team', name: 'Team', members: ['bob'] });
  const received: Message[] = [];
  bob.on('message', (e) => {
    if (e.message.body.type !== 'cmd') received.push(e.message);
  });
  const counts: number[] = [];
  alice.on('groupRead', (e) => counts.push(e.count));
  const user = userEvent.setup();
  h.renderAs(alice, <MessageInput conversationId="group:team" allowGroupAck />);
  const box = screen.getByRole('textbox', { name: 'Message' });
  await user.type(box, 'who read this?{Enter}');
  fireEvent.drop(box, { dataTransfer: transferOf([pngFile('dot.png')]) });
  await user.click(await screen.findByRole('button', { name: 'Send' }));
  await waitFor(() => expect(received).toHaveLength(2), { timeout: 5000 });
  expect(received.map((m) => m.config)).toEqual([{ allowGroupAck: true }, { allowGroupAck: true }]);
  await bob.markRead('group:team');
  await waitFor(() => expect(counts).toEqual([1, 1]));
});

test('without the prop nothing asks for group read receipts', async () => {
  h = createUiHarness();
  const alice = await h.client('alice');
  const bob = await h.client('bob');
  await alice.createGroup({ groupId: 'team', name: 'Team', members: ['bob'] });
  const received: Message[] = [];
  bob.on('message', (e) => {
    if (e.message.body.type !== 'cmd') received.push(e.message);
  });
  const user = userEvent.setup();
  h.renderAs(alice, <MessageInput conversationId="group:team" />);
  await user.type(screen.getByRole('textbox', { name: 'Message' }), 'plain{Enter}');
  await waitFor(() => expect(received).toHaveLength(1), { timeout: 5000 });
  expect(received[0]?.config).toBeUndefined();
});

// @vitest-environment jsdom
// MessageList names group senders by their profiles' display names (fetched
// for the rows drawn, updated when a profile changes), and by an app's
// displayName when it gives one.
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatClient } from '../../../src/client/chat-client-types';
import { setProfile } from '../../../src/client/people';
import { MessageList } from '../../../src/ui/message-list';
import { createListHarness, revealList, type ListHarness } from './list-harness';

let h: ListHarness;
let alice: ChatClient;
let bob: ChatClient;
let groupId: string;

beforeEach(async () => {
  h = createListHarness();
  alice = await h.client('alice');
  bob = await h.client('bob');
  await setProfile(bob, { name: 'Bob Builder' });
  groupId = (await alice.createGroup({ name: 'Builders', members: ['bob'] })).groupId;
  await bob.sendText(`group:${groupId}`, 'from the group');
});

afterEach(() => {
  cleanup();
  h.close();
});

describe('sender names', () => {
  it('shows a group sender by profile name, and the new name after a rename', async () => {
    const { container } = h.renderAs(alice, <MessageList conversationId={`group:${groupId}`} markReadOnView={false} />);
    await revealList(container);
    const log = screen.getByRole('log');
    await waitFor(() => expect(within(log).getByText('Bob Builder')).toBeInTheDocument());
    await setProfile(bob, { name: 'Robert' });
    await waitFor(() => expect(within(log).getByText('Robert')).toBeInTheDocument());
    expect(within(log).queryByText('bob')).toBeNull();
  });

  it("uses the app's displayName when given", async () => {
    const { container } = h.renderAs(
      alice,
      <MessageList conversationId={`group:${groupId}`} markReadOnView={false} displayName={(u) => `<${u}>`} />,
    );
    await revealList(container);
    expect(within(screen.getByRole('log')).getByText('<bob>')).toBeInTheDocument();
  });
});

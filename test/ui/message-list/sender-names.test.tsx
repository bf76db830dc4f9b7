// @vitest-environment jsdom
// MessageList names group senders by their profiles' display names (fetched
// for the rows drawn, updated when a profile changes), and by an app's
// displayName when it gives one; in groups others' runs of bubbles carry the
// sender's avatar once, at the run's first bubble (none in single chats).
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

  it("draws a group sender's avatar once per run of their bubbles, never beside one's own", async () => {
    const g = `group:${groupId}` as const;
    await bob.sendText(g, 'second in the run');
    await bob.sendText(g, 'third in the run');
    await alice.sendText(g, 'mine');
    await bob.sendText(g, 'a new run');
    const { container } = h.renderAs(alice, <MessageList conversationId={g} markReadOnView={false} />);
    await revealList(container);
    const log = screen.getByRole('log');
    await waitFor(() => expect(within(log).getByText('a new run')).toBeInTheDocument());
    const rows = Array.from(log.querySelectorAll<HTMLElement>('[data-natter-message]'));
    const avatarOf = (text: string) =>
      rows.find((r) => r.textContent?.includes(text))?.querySelector('.natter-message-avatar .natter-avatar');
    await waitFor(() => expect(avatarOf('from the group')).toHaveTextContent('BB'));
    expect(avatarOf('second in the run')).toBeNull();
    expect(avatarOf('third in the run')).toBeNull();
    expect(avatarOf('mine')).toBeNull();
    expect(avatarOf('a new run')).toHaveTextContent('BB');
    // Decorative: the row's own text already says who sent it.
    expect(avatarOf('a new run')?.closest('[aria-hidden="true"]')).not.toBeNull();
  });

  it('draws no avatars in a single chat', async () => {
    await bob.sendText('single:alice', 'just us');
    const { container } = h.renderAs(alice, <MessageList conversationId="single:bob" markReadOnView={false} />);
    await revealList(container);
    const log = screen.getByRole('log');
    await waitFor(() => expect(within(log).getByText('just us')).toBeInTheDocument());
    expect(log.querySelector('.natter-message-avatar')).toBeNull();
  });
});

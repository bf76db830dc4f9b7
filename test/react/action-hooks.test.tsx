// @vitest-environment jsdom
// The small hooks natter's own components act through (and a team drawing
// its own UI gets): sending (with the client's one localId generator), deleting a conversation, groups and their readers,
// server limits and clock, the session's user and drafts.
import { act, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createChatClient } from '../../src/client/chat-client';
import { ChatProvider } from '../../src/react/chat-provider';
import { useChatUser } from '../../src/react/use-chat-user';
import { useConversationList } from '../../src/react/use-conversation-list';
import { useDeleteConversation } from '../../src/react/use-delete-conversation';
import { useDraft } from '../../src/react/use-draft';
import { useGroup } from '../../src/react/use-group';
import { useGroupName } from '../../src/react/use-group-name';
import { useGroupReaders } from '../../src/react/use-group-readers';
import { useMessageSenders } from '../../src/react/use-message-senders';
import { useServerClock } from '../../src/react/use-server-clock';
import { useServerLimits } from '../../src/react/use-server-limits';
import { createReactHarness, type ReactHarness } from './react-harness';

let h: ReactHarness;
afterEach(() => h?.close());

describe('action hooks', () => {
  it("useMessageSenders sends with localIds from the client's newId option", async () => {
    h = createReactHarness();
    let n = 0;
    const alice = createChatClient({ transport: h.server.connect(), user: 'alice', newId: () => `alice-${++n}` });
    const { result, unmount } = renderHook(() => useMessageSenders('single:bob'), {
      wrapper: ({ children }) => <ChatProvider client={alice}>{children}</ChatProvider>,
    });
    await waitFor(() => expect(alice.state).toBe('open'));
    let sent: Awaited<ReturnType<typeof result.current.sendText>> | undefined;
    await act(async () => {
      sent = await result.current.sendText('hello');
    });
    expect(sent).toMatchObject({ ok: true, localId: 'alice-1' });
    expect(result.current.newLocalId()).toBe('alice-2');
    unmount();
    alice.close();
  });

  it('useDeleteConversation removes the conversation from the list through the server', async () => {
    h = createReactHarness();
    const alice = await h.client('alice');
    const bob = await h.client('bob', { connect: true });
    await bob.sendText('single:alice', 'hi');
    const { result } = h.render(alice, () => ({ list: useConversationList(), remove: useDeleteConversation() }));
    await waitFor(() => expect(result.current.list.conversations.map((c) => c.id)).toEqual(['single:bob']));
    await act(async () => {
      await result.current.remove('single:bob', { deleteHistory: true });
    });
    await waitFor(() => expect(result.current.list.conversations).toEqual([]));
  });

  it('useGroup and useGroupName read a group; useGroupReaders lists who read a message', async () => {
    h = createReactHarness();
    const alice = await h.client('alice', { connect: true });
    const bob = await h.client('bob', { connect: true });
    await alice.createGroup({ groupId: 'team', name: 'The team', members: ['bob'] });
    const m = await alice.send('team', 'group', { type: 'txt', msg: 'read me' }, { config: { allowGroupAck: true } });
    await bob.sendReadReceipt(m.serverId);
    const { result } = h.render(alice, () => ({
      group: useGroup('team'),
      name: useGroupName('team'),
      none: useGroup(undefined),
      readers: useGroupReaders(),
    }));
    await waitFor(() => expect(result.current.group.group?.members).toEqual(expect.arrayContaining(['alice', 'bob'])));
    expect(result.current.name).toBe('The team');
    expect(result.current.none).toEqual({ group: undefined, loading: false, error: null });
    await expect(result.current.readers(m.serverId, 1)).resolves.toEqual(['bob']);
  });

  it("useServerLimits, useServerClock and useChatUser report the welcome's limits, the server time and the user", async () => {
    h = createReactHarness();
    const alice = await h.client('alice');
    const { result } = h.render(alice, () => ({
      limits: useServerLimits(),
      now: useServerClock(),
      user: useChatUser(),
    }));
    expect(result.current.user).toBe('alice');
    await waitFor(() => expect(result.current.limits?.maxTextLength).toBeGreaterThan(0));
    expect(Math.abs(result.current.now() - Date.now())).toBeLessThan(60_000);
  });

  it('useDraft keeps unsent text per conversation across remounts', async () => {
    h = createReactHarness();
    const alice = await h.client('alice');
    const first = h.render(alice, () => useDraft('single:bob'));
    act(() => first.result.current[1]('half a thought'));
    expect(first.result.current[0]).toBe('half a thought');
    first.unmount();
    const again = h.render(alice, () => ({ bob: useDraft('single:bob')[0], carol: useDraft('single:carol')[0] }));
    expect(again.result.current).toEqual({ bob: 'half a thought', carol: '' });
  });
});

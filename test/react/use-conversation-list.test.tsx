// @vitest-environment jsdom
import { act, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useChatClient } from '../../src/react/use-chat-client';
import { useConnectionState } from '../../src/react/use-connection-state';
import { useConversationList } from '../../src/react/use-conversation-list';
import { useUnreadCount } from '../../src/react/use-unread-count';
import { createReactHarness, type ReactHarness } from './react-harness';

let h: ReactHarness;
afterEach(() => h?.close());

describe('useConversationList, useUnreadCount, useConnectionState, useChatClient', () => {
  it('lists conversations newest first with server unread counts and a total', async () => {
    h = createReactHarness();
    const bob = await h.client('bob', { connect: true });
    const carol = await h.client('carol', { connect: true });
    await bob.sendText('single:alice', 'from bob before alice connected');
    const alice = await h.client('alice');
    const { result } = h.render(alice, () => ({
      list: useConversationList(),
      total: useUnreadCount(),
      bob: useUnreadCount('single:bob'),
      client: useChatClient(),
    }));
    await waitFor(() => expect(result.current.list.loaded).toBe(true));
    expect(result.current.client).toBe(alice);
    expect(result.current.list.conversations.map((c) => c.id)).toEqual(['single:bob']);
    await carol.sendText('single:alice', 'from carol');
    await carol.sendText('single:alice', 'again');
    await waitFor(() => expect(result.current.total).toBe(3));
    expect(result.current.list.conversations.map((c) => [c.id, c.unread])).toEqual([
      ['single:carol', 2],
      ['single:bob', 1],
    ]);
    expect(result.current.bob).toBe(1);
    expect(result.current.list.totalUnread).toBe(3);
    await act(() => alice.markRead('single:carol').then(() => undefined));
    await waitFor(() => expect(result.current.total).toBe(1));
    await act(() => result.current.list.refresh());
    expect(result.current.list.conversations.map((c) => [c.id, c.unread])).toEqual([
      ['single:carol', 0],
      ['single:bob', 1],
    ]);
  });

  it('reports the connection going down and coming back', async () => {
    h = createReactHarness();
    const alice = await h.client('alice', { reconnectDelayMs: 200 });
    const states: string[] = [];
    const { result } = h.render(alice, () => {
      const c = useConnectionState();
      states.push(c.state);
      return c;
    });
    await waitFor(() => expect(result.current).toMatchObject({ state: 'open', ready: true }));
    act(() => alice.dropConnection());
    await waitFor(() => expect(result.current.state).toBe('reconnecting'));
    expect(result.current.ready).toBe(false);
    await waitFor(() => expect(result.current).toMatchObject({ state: 'open', ready: true, resumed: true }));
    expect(states).toContain('reconnecting');
  });

  it('throws a clear error outside a ChatProvider', async () => {
    const { renderHook } = await import('@testing-library/react');
    expect(() => renderHook(() => useUnreadCount())).toThrow(/ChatProvider/);
  });
});

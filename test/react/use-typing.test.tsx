// @vitest-environment jsdom
import { act, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useConversation } from '../../src/react/use-conversation';
import { useTyping } from '../../src/react/use-typing';
import { createReactHarness, type ReactHarness } from './react-harness';

let h: ReactHarness;
afterEach(() => h?.close());

describe('useTyping', () => {
  it('shows the peer typing until they stop, without adding messages or unread', async () => {
    h = createReactHarness();
    const alice = await h.client('alice');
    const bob = await h.client('bob');
    const a = h.render(alice, () => ({ typing: useTyping('single:bob'), conv: useConversation('single:bob') }));
    const b = h.render(bob, () => useTyping('single:alice'));
    await waitFor(() => expect(bob.state).toBe('open'));
    await waitFor(() => expect(alice.state).toBe('open'));
    act(() => b.result.current.notifyTyping());
    await waitFor(() => expect(a.result.current.typing.typing).toEqual(['bob']));
    act(() => b.result.current.stopTyping());
    await waitFor(() => expect(a.result.current.typing.typing).toEqual([]));
    expect(a.result.current.conv.messages).toEqual([]);
    expect(a.result.current.conv.unread).toBe(0);
  });
});

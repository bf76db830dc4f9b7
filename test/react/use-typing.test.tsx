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

  it('signals with the ephemeral typing operation: history and the conversation list stay empty', async () => {
    h = createReactHarness();
    const alice = await h.client('alice');
    const bob = await h.client('bob');
    const bobPhone = await h.client('bob');
    const a = h.render(alice, () => useTyping('single:bob'));
    const b = h.render(bob, () => useTyping('single:alice'));
    const phone = h.render(bobPhone, () => useTyping('single:alice'));
    await waitFor(() => expect(alice.state).toBe('open'));
    await waitFor(() => expect(bob.state).toBe('open'));
    await waitFor(() => expect(bobPhone.state).toBe('open'));
    const ops: string[] = [];
    bob.on('typing', (e) => ops.push(`${e.by}:${e.state}`));
    act(() => a.result.current.notifyTyping());
    await waitFor(() => expect(b.result.current.typing).toEqual(['alice']));
    await waitFor(() => expect(phone.result.current.typing).toEqual(['alice']));
    // Keystrokes within half the indicator's lifetime send nothing more.
    act(() => a.result.current.notifyTyping());
    act(() => a.result.current.stopTyping());
    await waitFor(() => expect(b.result.current.typing).toEqual([]));
    expect(ops).toEqual(['alice:start', 'alice:stop']);
    expect((await bob.history('single:alice')).messages).toEqual([]);
    expect((await alice.history('single:bob')).messages).toEqual([]);
    expect(await bob.conversations()).toEqual([]);
  });
});

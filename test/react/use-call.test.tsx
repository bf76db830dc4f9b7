// @vitest-environment jsdom
// useCall reads the call from the store: the hook's CallClient reports to the
// store's one writer, and the hook selects the store's call slice. jsdom has
// no microphone, so a call cannot start here: what shows is the media error a
// page without media access gets (real calls: test/browser/calls.test.ts).
import { act, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useCall } from '../../src/react/use-call';
import { useChatContext } from '../../src/react/chat-context';
import { createReactHarness, type ReactHarness } from './react-harness';

let h: ReactHarness;
afterEach(() => h?.close());

describe('useCall', () => {
  it('shows a call that could not open its media from the store, and forgets it on dismiss', async () => {
    h = createReactHarness();
    const alice = await h.client('alice');
    const r = h.render(alice, () => ({ call: useCall(), store: useChatContext().store }));
    await waitFor(() => expect(alice.state).toBe('open'));
    expect(r.result.current.call.call).toBeNull();
    expect(r.result.current.call.mediaError).toBeNull();

    await act(async () => {
      await r.result.current.call.start('single:bob', 'audio').catch(() => undefined);
    });
    expect(r.result.current.call.mediaError?.kind).toBe('media-failed');
    // The hook's value is the store's.
    expect(r.result.current.store.getState().call.mediaError).toBe(r.result.current.call.mediaError);

    act(() => r.result.current.call.dismiss());
    expect(r.result.current.call.mediaError).toBeNull();
    expect(r.result.current.call.durationSeconds).toBe(0);
  });
});

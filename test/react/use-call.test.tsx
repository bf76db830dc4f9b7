// @vitest-environment jsdom
// useCall reads the call from the store: the hook's CallClient reports to the
// store's one writer, and the hook selects the store's call slice. jsdom has
// no microphone, so a call cannot start here: what shows is the media error a
// page without media access gets (real calls: test/browser/calls.test.ts).
// The call code is a chunk of its own, imported when a call starts or rings:
// the real module, counted as it is imported.
import { act, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { existingCallClient } from '../../src/client/call/call-registry';
import { rtcCallData } from '../../src/protocol/rtc';
import { useCall } from '../../src/react/use-call';
import { useChatContext } from '../../src/react/chat-context';
import { createReactHarness, type ReactHarness } from './react-harness';

const callCode = vi.hoisted(() => ({ imports: 0 }));
vi.mock('../../src/client/call/call-client', async (actual) => {
  callCode.imports++;
  return actual();
});

let h: ReactHarness;
afterEach(() => h?.close());

describe('useCall', () => {
  // First in this file: the call code is imported once per module registry.
  it('leaves the call code unloaded until a call rings, then loads it and makes the CallClient', async () => {
    h = createReactHarness();
    const alice = await h.client('alice', { connect: true });
    const bob = await h.client('bob');
    const r = h.render(bob, () => ({ call: useCall(), store: useChatContext().store }));
    // Connected and synced (the open invitations fetched): a mount-time load would have happened by now.
    await waitFor(() => expect(r.result.current.store.getState().connection.ready).toBe(true));
    await waitFor(() => expect(r.result.current.store.getState().conversations.loaded).toBe(true));
    await alice.sendText('single:bob', 'not a call');
    await waitFor(() => expect(r.result.current.store.getState().conversations.order).toContain('single:alice'));
    expect(callCode.imports).toBe(0);
    expect(existingCallClient(bob)).toBeUndefined();

    await alice.invite('bob', { data: rtcCallData('video'), timeout: 30 });
    await waitFor(() => expect(existingCallClient(bob)).toBeDefined());
    expect(callCode.imports).toBe(1);
  });

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

// @vitest-environment jsdom
import { render, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConversationId } from '../../src/protocol/ids';
import { ChatProvider } from '../../src/react/chat-provider';
import { useConversation } from '../../src/react/use-conversation';
import { useUnreadCount } from '../../src/react/use-unread-count';
import { createReactHarness, type ReactHarness } from './react-harness';

let h: ReactHarness;
afterEach(() => h?.close());

const renders: Record<string, number> = {};
const shown: Record<string, number> = {};

function Pane({ id }: { id: ConversationId }) {
  const c = useConversation(id);
  const unread = useUnreadCount(id);
  renders[id] = (renders[id] ?? 0) + 1;
  shown[id] = c.messages.length;
  return (
    <div
      data-testid={id}
    >{`${c.messages.length} messages, ${unread} unread, ${c.historyLoaded ? 'loaded' : 'loading'}`}</div>
  );
}

describe('render isolation', () => {
  it('1,000 messages into conversation A re-render nothing showing only B, and A a bounded number of times', async () => {
    h = createReactHarness();
    const bob = await h.client('bob', { connect: true });
    const carol = await h.client('carol', { connect: true });
    await carol.sendText('single:alice', 'an old message in B');
    const alice = await h.client('alice');
    const view = render(
      <ChatProvider client={alice}>
        <Pane id="single:bob" />
        <Pane id="single:carol" />
      </ChatProvider>,
    );
    await waitFor(() => expect(view.getByTestId('single:carol').textContent).toBe('1 messages, 1 unread, loaded'));
    await waitFor(() => expect(view.getByTestId('single:bob').textContent).toBe('0 messages, 0 unread, loaded'));
    const before = { a: renders['single:bob'] ?? 0, b: renders['single:carol'] ?? 0 };

    await Promise.all([...Array(1000).keys()].map((i) => bob.sendText('single:alice', `burst ${i}`)));
    await waitFor(() => expect(view.getByTestId('single:bob').textContent).toBe('1000 messages, 1000 unread, loaded'), {
      timeout: 15000,
    });

    const aRenders = (renders['single:bob'] ?? 0) - before.a;
    const bRenders = (renders['single:carol'] ?? 0) - before.b;
    expect(bRenders).toBe(0);
    expect(aRenders).toBeGreaterThan(0);
    expect(aRenders).toBeLessThanOrEqual(100); // batched: one render per frame, not per message
    expect(shown['single:carol']).toBe(1);
    view.unmount();
  });
});

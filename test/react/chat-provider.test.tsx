// @vitest-environment jsdom
import { render, screen, waitFor, act } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ChatProvider } from '../../src/react/chat-provider';
import { useChatClient } from '../../src/react/use-chat-client';
import { useConnectionState } from '../../src/react/use-connection-state';
import { useConversation } from '../../src/react/use-conversation';

let unmount: (() => void) | null = null;
afterEach(() => {
  unmount?.();
  unmount = null;
});

function Pane({ peer }: { peer: string }) {
  const client = useChatClient();
  const connection = useConnectionState();
  const conversation = useConversation(`single:${peer}`);
  return (
    <section aria-label={client.user}>
      <p>{connection.state}</p>
      <button onClick={() => void conversation.sendText(`hello ${peer}`)}>send</button>
      <ul>
        {conversation.messages.map((m) => (
          <li key={m.localId}>{m.body.type === 'txt' ? m.body.msg : m.body.type}</li>
        ))}
      </ul>
    </section>
  );
}

describe('ChatProvider without a client', () => {
  it('shows the fallback, then connects a client for the user on an embedded server shared by the page', async () => {
    const r = render(
      <>
        <ChatProvider user="ann" fallback={<p>loading ann</p>}>
          <Pane peer="ben" />
        </ChatProvider>
        <ChatProvider user="ben" fallback={<p>loading ben</p>}>
          <Pane peer="ann" />
        </ChatProvider>
      </>,
    );
    unmount = r.unmount;
    expect(screen.getByText('loading ann')).toBeTruthy();
    const ann = await screen.findByRole('region', { name: 'ann' }, { timeout: 5000 });
    const ben = await screen.findByRole('region', { name: 'ben' }, { timeout: 5000 });
    await waitFor(() => expect(ann.textContent).toContain('open'));
    await waitFor(() => expect(ben.textContent).toContain('open'));
    await act(async () => ann.querySelector('button')!.click());
    await waitFor(() => expect(ben.querySelector('li')?.textContent).toBe('hello ben'));
    expect(ann.querySelector('li')?.textContent).toBe('hello ben');
  });

  it('closes the client it made when unmounted', async () => {
    let seen: { state: string; close(): void } | null = null;
    function Probe() {
      const client = useChatClient();
      seen = client;
      return <p>{useConnectionState().state}</p>;
    }
    const r = render(
      <ChatProvider user="cid">
        <Probe />
      </ChatProvider>,
    );
    await waitFor(() => expect(r.container.textContent).toBe('open'), { timeout: 5000 });
    r.unmount();
    expect(seen).not.toBeNull();
    expect(seen!.state).toBe('closed');
  });
});

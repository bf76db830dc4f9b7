// @vitest-environment jsdom
import { render, screen, waitFor, act } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createChatClient } from '../../src/client/chat-client';
import { webStorageOutbox } from '../../src/client/outbox-persistence';
import { ChatProvider } from '../../src/react/chat-provider';
import { createEmbeddedServer } from '../../src/server/embedded-server';
import { useChatClient } from '../../src/react/use-chat-client';
import { useConnectionState } from '../../src/react/use-connection-state';
import { useConversation } from '../../src/react/use-conversation';
import { memoryWebStorage } from '../support/memory-web-storage';

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

describe('ChatProvider with a client whose outbox was saved before a reload', () => {
  it('shows the restored send as pending, then sent once connected', async () => {
    const storage = memoryWebStorage();
    const server = createEmbeddedServer();
    const first = createChatClient({
      transport: server.connect(),
      user: 'dee',
      outbox: webStorageOutbox('natter:outbox:dee', storage),
    });
    void first.sendText('single:eve', 'written offline').catch(() => undefined);
    first.close();
    const client = createChatClient({
      transport: server.connect(),
      user: 'dee',
      outbox: webStorageOutbox('natter:outbox:dee', storage),
    });
    const statuses: string[] = [];
    function Thread() {
      const { messages } = useConversation('single:eve');
      const last = messages[messages.length - 1];
      if (last) statuses.push(last.status);
      return <p>{last ? `${last.body.type === 'txt' ? last.body.msg : ''}:${last.status}` : 'none'}</p>;
    }
    const r = render(
      <ChatProvider client={client} autoConnect={false}>
        <Thread />
      </ChatProvider>,
    );
    unmount = () => {
      r.unmount();
      client.close();
      server.close();
    };
    await waitFor(() => expect(r.container.textContent).toBe('written offline:pending'));
    await act(() => client.connect());
    await waitFor(() => expect(r.container.textContent).toBe('written offline:sent'));
    const eve = createChatClient({ transport: server.connect(), user: 'eve' });
    await eve.connect();
    expect((await eve.history('single:dee')).messages).toHaveLength(1);
    eve.close();
    expect(statuses).not.toContain('failed');
  });
});

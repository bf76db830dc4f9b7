// Browser fixture for MessageInput: an embedded server, alice's MessageInput
// for her chat with bob, and bob's client recording what arrives. The test
// reads `window.__natter`.
import { createRoot } from 'react-dom/client';
import { createChatClient } from '../../../src/client/chat-client';
import type { MessageBody } from '../../../src/protocol/message';
import { ChatProvider } from '../../../src/react/index';
import { createEmbeddedServer } from '../../../src/server/embedded-server';
import { Chat, MessageInput } from '../../../src/ui/index';
import '../../../src/ui/styles.css';

interface Handle {
  ready: boolean;
  received: MessageBody[];
}
const handle: Handle = { ready: false, received: [] };
(window as unknown as { __natter: Handle }).__natter = handle;

const server = createEmbeddedServer();
const alice = createChatClient({ transport: server.connect(), user: 'alice', delivery: false });
const bob = createChatClient({ transport: server.connect(), user: 'bob', delivery: false });
bob.on('message', (e) => {
  if (e.message.from === 'alice' && e.message.body.type !== 'cmd') handle.received.push(e.message.body);
});

// `?view=chat&width=N&theme=T`: the Chat layout in an N px wide box instead, with one conversation.
const query = new URLSearchParams(location.search);

async function main(): Promise<void> {
  await bob.connect();
  await alice.connect();
  const root = document.getElementById('root') as HTMLElement;
  if (query.get('view') === 'chat') {
    await bob.sendText('single:alice', 'hello from bob');
    root.style.cssText = `margin: 0; width: ${Number(query.get('width') ?? 900)}px; height: 520px`;
    const asked = query.get('theme');
    const theme = asked === 'dark' || asked === 'auto' ? asked : 'light';
    createRoot(root).render(
      <ChatProvider client={alice}>
        <Chat theme={theme} />
      </ChatProvider>,
    );
  } else {
    createRoot(root).render(
      <ChatProvider client={alice}>
        <div data-natter-theme="light">
          <MessageInput conversationId="single:bob" />
        </div>
      </ChatProvider>,
    );
  }
  handle.ready = true;
}

main().catch((e: unknown) => {
  (window as unknown as { __natterError: string }).__natterError = String(e);
});

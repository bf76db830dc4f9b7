// Browser fixture for MessageInput: an embedded server, alice's MessageInput
// for her chat with bob, and bob's client recording what arrives. The test
// reads `window.__natter`.
import { createRoot } from 'react-dom/client';
import { createChatClient } from '../../../src/client/chat-client';
import type { MessageBody } from '../../../src/protocol/message';
import { ChatProvider } from '../../../src/react/index';
import { createEmbeddedServer, type EmbeddedServerOptions } from '../../../src/server/embedded-server';
import { MessageInput } from '../../../src/ui/index';
import '../../../src/ui/styles.css';

interface Handle {
  ready: boolean;
  received: MessageBody[];
}
const handle: Handle = { ready: false, received: [] };
(window as unknown as { __natter: Handle }).__natter = handle;

// Both options are passed explicitly because the server's defaults call browser functions
// detached from `window` (URL.createObjectURL in embedded-server.ts, queueMicrotask as a method
// in event-publisher.ts), which Chromium refuses with "Illegal invocation" — reported to the
// server's owner. `scheduleCommit` is typed loosely so this page compiles with or without it.
const options: EmbeddedServerOptions & { scheduleCommit?: (flush: () => void) => void } = {
  fileUrl: (_fileId, mime, bytes) => URL.createObjectURL(new Blob([bytes.slice().buffer as ArrayBuffer], { type: mime })),
  scheduleCommit: (flush) => queueMicrotask(flush),
};
const server = createEmbeddedServer(options);
const alice = createChatClient({ transport: server.connect(), user: 'alice', delivery: false });
const bob = createChatClient({ transport: server.connect(), user: 'bob', delivery: false });
bob.on('message', (e) => {
  if (e.message.from === 'alice' && e.message.body.type !== 'cmd') handle.received.push(e.message.body);
});

async function main(): Promise<void> {
  await bob.connect();
  await alice.connect();
  createRoot(document.getElementById('root') as HTMLElement).render(
    <ChatProvider client={alice}>
      <div data-natter-theme="light">
        <MessageInput conversationId="single:bob" />
      </div>
    </ChatProvider>,
  );
  handle.ready = true;
}

main().catch((e: unknown) => {
  (window as unknown as { __natterError: string }).__natterError = String(e);
});

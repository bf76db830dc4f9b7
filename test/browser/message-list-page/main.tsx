// Browser fixture for MessageList: an embedded server preloaded with 100,000
// messages between alice and bob (written straight into its storage, then one
// real send so both users have the conversation), alice's MessageList mounted
// in a 600 px box, and a small `window.__natter` handle the test drives.
import { version as reactVersion } from 'react';
import { createRoot } from 'react-dom/client';
import { createChatClient } from '../../../src/client/chat-client';
import type { Message } from '../../../src/protocol/message';
import { ChatProvider } from '../../../src/react/index';
import { conversationKey } from '../../../src/server/conversation-key';
import { createEmbeddedServer } from '../../../src/server/embedded-server';
import { MemoryStorage } from '../../../src/server/memory-storage';
import { createChatStore } from '../../../src/store/create-chat-store';
import { MessageList } from '../../../src/ui/index';
import '../../../src/ui/styles.css';
import { holdable } from '../../support/holdable-transport';

const TOTAL = Number(new URLSearchParams(location.search).get('messages') ?? 100_000);
const PAGE = Number(new URLSearchParams(location.search).get('page') ?? 200);
/** Real messages bob sends after the preload: alice's unread count when the list opens. */
const UNREAD = Number(new URLSearchParams(location.search).get('unread') ?? 1);

// The preload is written into the storage before the server starts (synchronously, fast).
const memory = new MemoryStorage();
const key = conversationKey('single', 'alice', 'bob');
const start = Date.now() - TOTAL * 60_000;
const words = [
  'hello',
  'how are you',
  'fine thanks',
  'see you tomorrow at the station',
  'ok 👍',
  'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor',
];
memory.transaction(() => {
  for (let i = 1; i < TOTAL; i++) {
    const seq = memory.nextSeq(key);
    const from = Math.floor(i / 3) % 2 === 0 ? 'alice' : 'bob';
    const message: Message = {
      serverId: `pre-${seq}`,
      localId: `pre-local-${seq}`,
      from,
      to: from === 'alice' ? 'bob' : 'alice',
      chatType: 'single',
      seq,
      ts: start + i * 60_000,
      body: { type: 'txt', msg: `#${seq} ${words[i % words.length]}` },
    };
    memory.insertMessage({ key, message });
  }
});
const server = createEmbeddedServer({ storage: memory });

// Frames to alice can be held back so a test can look at the list before a page arrives.
const gate = holdable(server.connect());

const bob = createChatClient({ transport: server.connect(), user: 'bob', delivery: false });
const alice = createChatClient({ transport: gate.transport, user: 'alice', delivery: false });
const store = createChatStore(alice);

async function main(): Promise<void> {
  await bob.connect();
  for (let i = UNREAD - 1; i > 0; i--) await bob.sendText('single:alice', `unread ${UNREAD - i}`);
  await bob.sendText('single:alice', `#${TOTAL} newest`);
  createRoot(document.getElementById('root') as HTMLElement).render(
    <ChatProvider client={alice} store={store}>
      <MessageList
        conversationId="single:bob"
        pageSize={PAGE}
        markReadOnView={new URLSearchParams(location.search).has('markRead')}
      />
    </ChatProvider>,
  );
  Object.assign(window, {
    __natter: {
      ready: true,
      reactVersion,
      loaded: () => store.getState().conversationMessages.get('single:bob')?.items.length ?? 0,
      unread: () => store.getState().conversations.summaries.get('single:bob')?.unread ?? -1,
      hold: gate.hold,
      release: gate.release,
      sendFromBob: (text: string) => bob.sendText('single:alice', text).then(() => undefined),
    },
  });
}

main().catch((e: unknown) => {
  Object.assign(window, { __natterError: String(e) });
});

// Browser fixture for jumping to a message: an embedded server preloaded with
// 100,000 messages between alice and bob (written straight into its storage;
// one of them, far back, says "needle in the haystack"), and alice's drop-in
// Chat, where the test searches for it, opens it and goes back to the latest.
// Bob has a profile name and stays connected (online) until `bobLeaves()`.
import { createRoot } from 'react-dom/client';
import { createChatClient } from '../../../src/client/chat-client';
import { setProfile } from '../../../src/client/people';
import type { Message } from '../../../src/protocol/message';
import { ChatProvider } from '../../../src/react/index';
import { conversationKey } from '../../../src/server/conversation-key';
import { createEmbeddedServer } from '../../../src/server/embedded-server';
import { MemoryStorage } from '../../../src/server/memory-storage';
import { createChatStore } from '../../../src/store/create-chat-store';
import { Chat } from '../../../src/ui/index';
import '../../../src/ui/styles.css';
import { holdable } from '../../support/holdable-transport';

const params = new URLSearchParams(location.search);
const TOTAL = Number(params.get('messages') ?? 100_000);
/** The seq of the message the test looks for. */
const NEEDLE = Number(params.get('needle') ?? 1_000);

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
    const text = seq === NEEDLE ? 'a needle in the haystack' : `#${seq} ${words[i % words.length]}`;
    const message: Message = {
      serverId: `pre-${seq}`,
      localId: `pre-local-${seq}`,
      from,
      to: from === 'alice' ? 'bob' : 'alice',
      chatType: 'single',
      seq,
      ts: start + i * 60_000,
      body: { type: 'txt', msg: text },
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
  await setProfile(bob, { name: 'Bob Builder' });
  await bob.sendText('single:alice', `#${TOTAL} newest`);
  createRoot(document.getElementById('root') as HTMLElement).render(
    <ChatProvider client={alice} store={store}>
      <Chat theme="light" />
    </ChatProvider>,
  );
  Object.assign(window, {
    __natter: {
      ready: true,
      unread: () => store.getState().conversations.summaries.get('single:bob')?.unread ?? -1,
      hold: gate.hold,
      release: gate.release,
      bobLeaves: () => bob.close(),
    },
  });
}

main().catch((e: unknown) => {
  Object.assign(window, { __natterError: String(e) });
});

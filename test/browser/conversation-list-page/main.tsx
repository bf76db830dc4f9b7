// Browser fixture for ConversationList: an embedded server whose storage holds
// CONVERSATIONS single chats of alice's (`?conversations=`, default 1,000), each
// with one message from its peer (p0 oldest … p(n-1) newest) and one unread,
// written straight into the storage before the server starts; alice's drop-in
// ConversationList mounted in a 360×600 box, and a small `window.__natter`
// handle the test reads (with what the list showed in its first frames).
import { createRoot } from 'react-dom/client';
import { createChatClient } from '../../../src/client/chat-client';
import type { Message } from '../../../src/protocol/message';
import { ChatProvider } from '../../../src/react/index';
import { conversationKey } from '../../../src/server/conversation-key';
import { createEmbeddedServer } from '../../../src/server/embedded-server';
import { MemoryStorage } from '../../../src/server/memory-storage';
import { createChatStore } from '../../../src/store/create-chat-store';
import { ConversationList } from '../../../src/ui/index';
import '../../../src/ui/styles.css';

const CONVERSATIONS = Number(new URLSearchParams(location.search).get('conversations') ?? 1000);

const memory = new MemoryStorage();
const start = Date.now() - CONVERSATIONS * 60_000;
memory.transaction(() => {
  for (let i = 0; i < CONVERSATIONS; i++) {
    const peer = `p${i}`;
    const key = conversationKey('single', 'alice', peer);
    const seq = memory.nextSeq(key);
    const ts = start + i * 60_000;
    const message: Message = {
      serverId: `pre-${i}`,
      localId: `pre-local-${i}`,
      from: peer,
      to: 'alice',
      chatType: 'single',
      seq,
      ts,
      body: { type: 'txt', msg: `hello from ${peer}` },
    };
    memory.insertMessage({ key, message });
    memory.putConversationState({
      user: 'alice',
      key,
      id: `single:${peer}`,
      type: 'single',
      target: peer,
      readSeq: 0,
      unread: 1,
      clearedSeq: 0,
      hidden: false,
      lastServerId: message.serverId,
      updatedAt: ts,
    });
  }
});
const server = createEmbeddedServer({ storage: memory });
const alice = createChatClient({ transport: server.connect(), user: 'alice', delivery: false });
const store = createChatStore(alice);

// Checked at the start of each frame, from before the mount: what that frame paints.
const frames: ('rows' | 'loading')[] = [];
const watch = () => {
  const nav = document.querySelector('nav');
  if (nav) frames.push(nav.querySelector('li') ? 'rows' : 'loading');
  if (frames.length < 3) requestAnimationFrame(watch);
};
requestAnimationFrame(watch);

createRoot(document.getElementById('root') as HTMLElement).render(
  <ChatProvider client={alice} store={store}>
    <ConversationList />
  </ChatProvider>,
);
Object.assign(window, {
  __natter: {
    ready: true,
    loaded: () => store.getState().conversations.order.length,
    totalUnread: () => store.getState().conversations.totalUnread,
    firstFrames: () => frames,
  },
});

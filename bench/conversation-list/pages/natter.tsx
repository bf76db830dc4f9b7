// Conversation list bench contender: natter's drop-in ConversationList from the
// packed package (`natter`, `natter/react`, `natter/ui`), as an app uses it,
// over an embedded server in the page whose storage holds the user's N
// conversations (written into it before it starts, as a server that has them).
// The list syncs its first page and loads the next ones as it is scrolled; a
// new message is a real send from the peer through the server.
import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { createChatClient, createEmbeddedServer, MemoryStorage, type ChatClient, type Message } from 'natter';
import { ChatProvider } from 'natter/react';
import { ConversationList } from 'natter/ui';
import 'natter/ui/styles.css';
import type { RawConversation } from './fixture';
import { installBench, UPDATED_ROW } from './harness';

const ME = 'me';
/** The storage key of a single chat: both users, sorted (what the server's own conversationKey makes). */
const keyOf = (peer: string) => (ME < peer ? `single:${ME}|${peer}` : `single:${peer}|${ME}`) as `single:${string}`;

let client: ChatClient | null = null;
let sender: ChatClient | null = null;

installBench({
  async prepare(conversations: RawConversation[]) {
    const storage = new MemoryStorage();
    storage.transaction(() => {
      for (const c of conversations) {
        const key = keyOf(c.peer);
        const message: Message = {
          serverId: `s${c.i}`,
          localId: `l${c.i}`,
          from: c.peer,
          to: ME,
          chatType: 'single',
          seq: storage.nextSeq(key),
          ts: c.ts,
          body: { type: 'txt', msg: c.text },
        };
        storage.insertMessage({ key, message });
        storage.putConversationState({
          user: ME,
          key,
          id: `single:${c.peer}`,
          type: 'single',
          target: c.peer,
          readSeq: message.seq - (c.unread > 0 ? 1 : 0),
          unread: c.unread ? 1 : 0,
          clearedSeq: 0,
          hidden: false,
          lastServerId: message.serverId,
          updatedAt: c.ts,
        });
      }
    });
    const server = createEmbeddedServer({ storage });
    client = createChatClient({ transport: server.connect(), user: ME, delivery: false });
    const updated = conversations[conversations.length - 1 - UPDATED_ROW];
    if (updated) {
      sender = createChatClient({ transport: server.connect(), user: updated.peer, delivery: false });
      await sender.connect();
    }
    await client.connect();
  },
  mount(container) {
    function App(): ReactNode {
      return (
        <ChatProvider client={client as ChatClient}>
          <ConversationList />
        </ChatProvider>
      );
    }
    createRoot(container).render(<App />);
  },
  update() {
    void sender?.sendText(`single:${ME}`, 'news');
  },
});

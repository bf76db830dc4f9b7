// Jump bench contender: natter's MessageList from the packed package, its
// client connected to an embedded server in the page whose memory storage
// holds the whole conversation (written straight into the storage, as a
// server that has the history does). A jump sets `jumpTo`, what the drop-in
// Chat does when a search result is clicked: the list asks the server for the
// page around the message, shows it and highlights it.
import { useState, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { createChatClient, createEmbeddedServer, MemoryStorage, type Message } from 'natter';
import { ChatProvider } from 'natter/react';
import { createChatStore } from 'natter/store';
import { MessageList } from 'natter/ui';
import 'natter/ui/styles.css';
import { installBench, reportStartupError } from './harness';

/** The storage's key of the single chat between `me` and `peer` (the two ids, sorted). */
const KEY = 'single:me|peer';

let jumpTo: (serverId: string) => void = () => undefined;

function App(): ReactNode {
  const [target, setTarget] = useState<string | null>(null);
  jumpTo = setTarget;
  return (
    <MessageList
      conversationId="single:peer"
      jumpTo={target}
      onJumpEnd={() => setTarget(null)}
      markReadOnView={false}
      style={{ height: '100%' }}
    />
  );
}

installBench({
  async start(container, raw) {
    const memory = new MemoryStorage();
    memory.transaction(() => {
      for (const m of raw) {
        const seq = memory.nextSeq(KEY);
        const message: Message = {
          serverId: `s${String(m.i).padStart(9, '0')}`,
          localId: `l${m.i}`,
          from: m.user,
          to: m.user === 'me' ? 'peer' : 'me',
          chatType: 'single',
          seq,
          ts: m.ts,
          body: { type: 'txt', msg: m.text },
        };
        memory.insertMessage({ key: KEY, message });
      }
    });
    const server = createEmbeddedServer({ storage: memory });
    const client = createChatClient({ transport: server.connect(), user: 'me', delivery: false });
    await client.connect();
    const store = createChatStore(client);
    createRoot(container).render(
      <ChatProvider client={client} store={store}>
        <App />
      </ChatProvider>,
    );
  },
  jump: (m) => jumpTo(`s${String(m.i).padStart(9, '0')}`),
  highlighted: (el) => el.closest('[data-jump-target]') !== null,
});
window.addEventListener('error', (e) => reportStartupError(e.error));

// Browser fixture for Web Push: the drop-in Chat for `user` on the real server
// at `server`, with usePushNotifications registering natter's sample service
// worker (push-sw.js, served beside this page). Like an app would, it opens the
// conversation the service worker names when a notification is clicked (its
// `natter-open` message) and connects then: with `connect=0` the page starts
// without a session, so the server sees the user offline and pushes.
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { createChatClient } from '../../../src/client/chat-client';
import type { ConversationId } from '../../../src/protocol/ids';
import { ChatProvider, usePushNotifications } from '../../../src/react/index';
import { Chat } from '../../../src/ui/index';
import '../../../src/ui/styles.css';

const params = new URLSearchParams(location.search);
const server = params.get('server') ?? '';
const user = params.get('user') ?? 'alice';
const connectAtStart = params.get('connect') !== '0';

const client = createChatClient({ url: server, user, delivery: false, offline: false, reconnect: false });

function App() {
  const [open, setOpen] = useState<ConversationId | null>(null);
  usePushNotifications({ serviceWorker: './push-sw.js' });
  useEffect(() => {
    const onMessage = (e: MessageEvent<{ type?: string; conversation?: ConversationId }>) => {
      if (e.data?.type !== 'natter-open' || !e.data.conversation) return;
      setOpen(e.data.conversation);
      if (client.state === 'idle') void client.connect();
    };
    navigator.serviceWorker.addEventListener('message', onMessage);
    return () => navigator.serviceWorker.removeEventListener('message', onMessage);
  }, []);
  return <Chat theme="light" conversationId={open} onConversationChange={setOpen} />;
}

createRoot(document.getElementById('root')!).render(
  <ChatProvider client={client} autoConnect={connectAtStart}>
    <App />
  </ChatProvider>,
);

Object.assign(window, { __natter: { ready: true, client } });

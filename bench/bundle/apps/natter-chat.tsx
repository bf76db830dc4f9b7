// Bundle app (b): natter's full Chat screen (`natter/ui` + its CSS) over the
// WebSocket client. emoji-mart and its data load lazily, in chunks of their own.
import { createRoot } from 'react-dom/client';
import { createChatClient } from 'natter';
import { ChatProvider } from 'natter/react';
import { Chat } from 'natter/ui';
import 'natter/ui/styles.css';

const client = createChatClient({ url: 'wss://chat.example.com/ws', user: 'me' });
createRoot(document.getElementById('root')!).render(
  <ChatProvider client={client}>
    <Chat />
  </ChatProvider>,
);

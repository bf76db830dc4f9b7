// Bundle app (b): natter's full Chat screen (`natter/ui` + its CSS) over the
// WebSocket client. emoji-mart and its data load lazily, in chunks of their own.
import { createRoot } from 'react-dom/client';
import { createChatClient } from '../../../src/entries/index';
import { ChatProvider } from '../../../src/entries/react';
import { Chat } from '../../../src/entries/ui';
import '../../../src/ui/styles.css';

const client = createChatClient({ url: 'wss://chat.example.com/ws', user: 'me' });
createRoot(document.getElementById('root')!).render(
  <ChatProvider client={client}>
    <Chat />
  </ChatProvider>,
);

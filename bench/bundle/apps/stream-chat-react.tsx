// Bundle app (c): stream-chat-react's chat screen — Chat, Channel, Window,
// MessageList, MessageComposer (v14's name for MessageInput) — with its client
// and CSS, as its quick start shows.
import { createRoot } from 'react-dom/client';
import { StreamChat } from 'stream-chat';
import { Channel, Chat, MessageComposer, MessageList, Window } from 'stream-chat-react';
import 'stream-chat-react/dist/css/index.css';

const client = StreamChat.getInstance('api-key');
void client.connectUser({ id: 'me' }, 'token');
const channel = client.channel('messaging', 'general');
createRoot(document.getElementById('root')!).render(
  <Chat client={client}>
    <Channel channel={channel}>
      <Window>
        <MessageList />
        <MessageComposer />
      </Window>
    </Channel>
  </Chat>,
);

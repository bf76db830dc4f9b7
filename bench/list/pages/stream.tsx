// List bench contender (b): stream-chat-react's VirtualizedMessageList, fed
// offline: a StreamChat client given a user without
// connecting, a channel marked initialized whose initial message set is filled
// directly (its bulk `addMessagesSorted` is quadratic), messages formatted with
// the channel state's own `formatMessage`, and the list given them through its
// `messages` prop inside Chat > Channel > Window, with its default CSS.
import { useState, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { StreamChat, type LocalMessage, type MessageResponse } from 'stream-chat';
import { Channel, Chat, VirtualizedMessageList, Window } from 'stream-chat-react';
import 'stream-chat-react/dist/css/index.css';
import type { RawMessage } from './fixture';
import { installBench } from './harness';

const client = new StreamChat('bench-offline-key');
client._setUser({ id: 'me', name: 'me' });
const channel = client.channel('messaging', 'bench', {});
channel.initialized = true;

const users = { me: { id: 'me', name: 'me' }, peer: { id: 'peer', name: 'peer' } };
const toResponse = (m: RawMessage): MessageResponse => {
  const at = new Date(m.ts).toISOString();
  return {
    id: m.id,
    text: m.text,
    type: 'regular',
    user: users[m.user],
    created_at: at,
    updated_at: at,
    cid: channel.cid,
    status: 'received',
  };
};
const format = (m: RawMessage): LocalMessage => channel.state.formatMessage(toResponse(m));

let initial: LocalMessage[] = [];
let setMessages: (update: (s: LocalMessage[]) => LocalMessage[]) => void = () => undefined;
const noMore = async () => undefined;

function App(): ReactNode {
  const [messages, set] = useState(initial);
  setMessages = set;
  return (
    <Chat client={client}>
      <Channel channel={channel} markReadOnMount={false}>
        <Window>
          <VirtualizedMessageList
            messages={messages}
            hasMore={false}
            loadMore={noMore}
            stickToBottomScrollBehavior="auto"
          />
        </Window>
      </Channel>
    </Chat>
  );
}

installBench({
  ingest(history) {
    initial = history.map(format);
    channel.state.messages = initial;
  },
  mount(container) {
    createRoot(container).render(<App />);
  },
  append(m) {
    setMessages((s) => [...s, format(m)]);
  },
  prepend(older) {
    setMessages((s) => [...older.map(format), ...s]);
  },
});

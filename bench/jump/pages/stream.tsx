// Jump bench contender: stream-chat-react's VirtualizedMessageList and its own
// `jumpToMessage` (ChannelActionContext), offline as the list bench drives it
// (bench/list/pages/stream.tsx): a client given a user without connecting, a
// channel marked initialized whose state holds every message, so the jump
// finds its target in the loaded set and needs no query.
import { type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { StreamChat, type LocalMessage, type MessageResponse } from 'stream-chat';
import { Channel, Chat, VirtualizedMessageList, Window, useChannelActionContext } from 'stream-chat-react';
import 'stream-chat-react/dist/css/index.css';
import { installBench, reportStartupError, type RawMessage } from './harness';

const client = new StreamChat('bench-offline-key');
client._setUser({ id: 'me', name: 'me' });
const channel = client.channel('messaging', 'bench', {});
channel.initialized = true;
const users = { me: { id: 'me', name: 'me' }, peer: { id: 'peer', name: 'peer' } };
const format = (m: RawMessage): LocalMessage => {
  const at = new Date(m.ts).toISOString();
  const response: MessageResponse = {
    id: m.id,
    text: m.text,
    type: 'regular',
    user: users[m.user],
    created_at: at,
    updated_at: at,
    cid: channel.cid,
    status: 'received',
  };
  return channel.state.formatMessage(response);
};

let jumpToMessage: (id: string, limit?: number, highlightMs?: number) => Promise<void> = () => Promise.resolve();
/** Its highlight goes after 500 ms by default: kept longer, so a slow paint is still measured as a jump. */
const HIGHLIGHT_MS = 60_000;
function Actions(): null {
  jumpToMessage = useChannelActionContext().jumpToMessage;
  return null;
}

function App({ messages }: { messages: LocalMessage[] }): ReactNode {
  return (
    <Chat client={client}>
      <Channel channel={channel} markReadOnMount={false}>
        <Window>
          <Actions />
          <VirtualizedMessageList messages={messages} hasMore={false} stickToBottomScrollBehavior="auto" />
        </Window>
      </Channel>
    </Chat>
  );
}

try {
  installBench({
    start(container, raw) {
      const messages = raw.map(format);
      channel.state.messages = messages;
      createRoot(container).render(<App messages={messages} />);
      return Promise.resolve();
    },
    jump: (m) => void jumpToMessage(m.id, 25, HIGHLIGHT_MS),
    highlighted: (el) => el.closest('.str-chat__message--highlighted') !== null,
  });
} catch (e) {
  reportStartupError(e);
}

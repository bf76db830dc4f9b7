// Conversation list bench contender: stream-chat-react's ChannelList, offline.
// A StreamChat client is given a user without connecting; each conversation is
// a channel made by the client (named after the peer, its last message added
// to its state with the state's own formatMessage, its unread count set), and
// the list gets them through its public `customQueryChannels` prop, 30 a page
// (what the list asks Stream's service for by default) — the pages Stream's
// service would send, without the network. The list loads its next page on
// scroll (its InfiniteScroll paginator; the default is a "load more" button).
// A new message is a `message.new` event dispatched on the client, as the
// socket would deliver it: the channel state takes it and the list moves the
// channel to the top.
import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { StreamChat, type Channel as StreamChannel, type MessageResponse } from 'stream-chat';
import { Chat, ChannelList, InfiniteScroll, type CustomQueryChannelsFn } from 'stream-chat-react';
import 'stream-chat-react/dist/css/index.css';
import { nameOf, type RawConversation } from './fixture';
import { installBench } from './harness';

// The channel name apps declare for Stream (its typed custom data).
declare module 'stream-chat' {
  interface CustomChannelData {
    name?: string;
  }
}

const PAGE = 30;
const ME = { id: 'me', name: 'me' };
const client = new StreamChat('bench-offline-key');
client._setUser(ME);
// What connectUser leaves behind: the client's event handling (mute checks on a new message) requires it.
client.wsPromise = Promise.resolve(undefined);

let channels: StreamChannel[] = [];

const toResponse = (channel: StreamChannel, id: string, peer: string, text: string, ts: number): MessageResponse => {
  const at = new Date(ts).toISOString();
  return {
    id,
    text,
    type: 'regular',
    user: { id: peer, name: peer },
    created_at: at,
    updated_at: at,
    cid: channel.cid,
    status: 'received',
  };
};

const queryChannels: CustomQueryChannelsFn = async ({ currentChannels, queryType, setChannels, setHasNextPage }) => {
  await Promise.resolve();
  const offset = queryType === 'reload' ? 0 : currentChannels.length;
  const page = channels.slice(offset, offset + PAGE);
  setChannels(queryType === 'reload' ? page : [...currentChannels, ...page]);
  setHasNextPage(offset + page.length < channels.length);
};

const filters = { members: { $in: [ME.id] } };
const sort = { last_message_at: -1 } as const;

function App(): ReactNode {
  return (
    <Chat client={client}>
      <ChannelList
        filters={filters}
        sort={sort}
        customQueryChannels={queryChannels}
        setActiveChannelOnMount={false}
        Paginator={InfiniteScroll}
      />
    </Chat>
  );
}

installBench({
  async prepare(conversations: RawConversation[]) {
    // Most recent first, as the service would answer the query sorted by last message.
    channels = [...conversations].reverse().map((c) => {
      const channel = client.channel('messaging', `c${c.i}`, { name: c.peer });
      channel.initialized = true;
      channel.data = { ...channel.data, name: c.peer, last_message_at: new Date(c.ts).toISOString() };
      channel.state.last_message_at = new Date(c.ts);
      channel.state.addMessageSorted(channel.state.formatMessage(toResponse(channel, `m${c.i}`, c.peer, c.text, c.ts)));
      channel.state.unreadCount = c.unread;
      return channel;
    });
    await Promise.resolve();
  },
  mount(container) {
    createRoot(container).render(<App />);
  },
  update(i, ts) {
    const channel = client.activeChannels[`messaging:c${i}`];
    if (!channel) return;
    const peer = nameOf(i);
    const message = toResponse(channel, `news${ts}`, peer, 'news', ts);
    client.dispatchEvent({
      type: 'message.new',
      cid: channel.cid,
      channel_id: channel.id ?? `c${i}`,
      channel_type: channel.type,
      message,
      ...(message.user ? { user: message.user } : {}),
      ...(message.created_at ? { created_at: message.created_at } : {}),
    });
  },
});

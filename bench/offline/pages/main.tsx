// The offline start bench's page, as an app writes it: the drop-in Chat from
// the packed package (`natter`, `natter/react`, `natter/ui`), for `user` on
// the real server at `server`, with the client's default offline cache, the
// conversation `open` open. `window.__natter` exposes the client to the bench.
import { createChatClient, type ConversationId } from 'natter';
import { ChatProvider } from 'natter/react';
import { Chat } from 'natter/ui';
import 'natter/ui/styles.css';
import { createRoot } from 'react-dom/client';

const params = new URLSearchParams(location.search);
const client = createChatClient({ url: params.get('server') ?? '', user: params.get('user') ?? 'me', delivery: false });

createRoot(document.getElementById('root')!).render(
  <ChatProvider client={client}>
    <Chat theme="light" defaultConversationId={params.get('open') as ConversationId | null} />
  </ChatProvider>,
);

Object.assign(window, { __natter: { client } });

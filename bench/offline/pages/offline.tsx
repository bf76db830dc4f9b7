// The offline start benchmark's page, as an app writes it against the packed
// package: the drop-in Chat for `user` on the server at `server` (ws:// URL),
// with the client's default offline cache, open on `open`. `window.__natter`
// exposes the client, so the benchmark can wait for its cache to settle. Its
// performance marks (app, client, snapshot, cacheSettled) are the phases the
// benchmark logs.
import { createRoot } from 'react-dom/client';
import { createChatClient, type ConversationId } from 'natter';
import { ChatProvider } from 'natter/react';
import { Chat } from 'natter/ui';
import 'natter/ui/styles.css';

performance.mark('app');
const params = new URLSearchParams(location.search);
const client = createChatClient({
  url: params.get('server') ?? '',
  user: params.get('user') ?? 'me',
  delivery: false,
  reconnect: { initialDelayMs: 100, maxDelayMs: 500 },
});
performance.mark('client');
void client.offline?.startSnapshot().then(() => performance.mark('snapshot'));
void client.offline?.settled().then(() => performance.mark('cacheSettled'));

createRoot(document.getElementById('root')!).render(
  <ChatProvider client={client}>
    <Chat defaultConversationId={params.get('open') as ConversationId | null} />
  </ChatProvider>,
);

Object.assign(window, { __natter: { ready: true, client } });

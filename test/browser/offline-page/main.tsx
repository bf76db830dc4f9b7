// Browser fixture for the offline cache: the drop-in Chat for `user` on the
// real server at `server` (ws:// URL), with the client's default offline cache.
// `quota=1` makes every IndexedDB write fail as a full disk does; `offline=0`
// opts out; `locks=0` hides Web Locks; `maxFileBytes=N` sets the largest attachment kept; `theme=dark` draws the dark theme. `window.__natter` exposes the client and the warnings it gave.
import { createRoot } from 'react-dom/client';
import { createChatClient } from '../../../src/client/chat-client';
import type { OfflineWarning } from '../../../src/client/offline/offline-types';
import type { ConversationId } from '../../../src/protocol/ids';
import { ChatProvider } from '../../../src/react/index';
import { Chat } from '../../../src/ui/index';
import '../../../src/ui/styles.css';

const params = new URLSearchParams(location.search);
const server = params.get('server') ?? '';
const user = params.get('user') ?? 'alice';
const open = params.get('open') as ConversationId | null;

if (params.get('quota') === '1') {
  const full = () => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
  IDBObjectStore.prototype.put = full;
  IDBObjectStore.prototype.add = full;
}

// A browser without Web Locks: tabs elect their leader over the BroadcastChannel alone.
if (params.get('locks') === '0') Object.defineProperty(navigator, 'locks', { value: undefined, configurable: true });

const warnings: OfflineWarning[] = [];
const client = createChatClient({
  url: server,
  user,
  delivery: false,
  reconnect: { initialDelayMs: 100, maxDelayMs: 500 },
  ...(params.get('offline') === '0' ? { offline: false as const } : {}),
  ...(params.has('maxFileBytes') ? { offline: { maxFileBytes: Number(params.get('maxFileBytes')) } } : {}),
});
client.on('offlineWarning', (w) => warnings.push(w));

createRoot(document.getElementById('root')!).render(
  <ChatProvider client={client}>
    <Chat theme={params.get('theme') === 'dark' ? 'dark' : 'light'} defaultConversationId={open} />
  </ChatProvider>,
);

// createChatClient too, for a test that makes a second client on the page.
Object.assign(window, { __natter: { ready: true, client, warnings, createChatClient, server } });

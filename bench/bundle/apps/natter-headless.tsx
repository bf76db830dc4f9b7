// Bundle app (a): natter headless — the client over WebSocket (`natter`) and
// every hook of `natter/react`; no UI kit, no embedded server.
import { createRoot } from 'react-dom/client';
import { createChatClient } from 'natter';
import { HeadlessApp } from './natter-headless-app';

const client = createChatClient({ url: 'wss://chat.example.com/ws', user: 'me' });
createRoot(document.getElementById('root')!).render(<HeadlessApp client={client} />);

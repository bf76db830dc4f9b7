// Bundle app (a'): natter headless with the embedded server in the page (demos,
// tests, offline apps): `natter` client + embedded server + `natter/react`.
import { createRoot } from 'react-dom/client';
import { createChatClient, createEmbeddedServer } from 'natter';
import { HeadlessApp } from './natter-headless-app';

const server = createEmbeddedServer();
const client = createChatClient({ transport: server.connect(), user: 'me' });
createRoot(document.getElementById('root')!).render(<HeadlessApp client={client} />);

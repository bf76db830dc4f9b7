// The Getting started page: install, the ready Chat on an embedded server, the
// same app against `natter serve`, and where to go next. A story rendering the
// page, since Storybook 10's MDX needs @storybook/addon-docs (not installed).
import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ReactNode } from 'react';
import { Chat } from '../../src/entries/ui';
import { Code, DocPage, Live } from './doc-page';

const EMBEDDED = `
import { createEmbeddedServer, createChatClient } from 'natter';
import { ChatProvider } from 'natter/react';
import { Chat } from 'natter/ui';
import 'natter/ui/styles.css';

// A server inside the page (memory storage): no backend needed to try natter.
const server = createEmbeddedServer();
const client = createChatClient({ transport: server.connect(), user: 'alice' });

export function App() {
  return (
    <ChatProvider client={client}>
      <Chat theme="auto" locale="en" style={{ height: '100vh' }} />
    </ChatProvider>
  );
}`;

const SERVE = `
# A Node host with SQLite: WebSocket at /ws, uploads at POST /files
npx natter serve --dev --port 8080            # development: any user id, no token
# production: npx natter serve --secret "$NATTER_SECRET" --port 8080

// In the app, only the client changes:
const client = createChatClient({ url: 'ws://localhost:8080/ws', user: 'alice' }); // dev mode
// production: createChatClient({ url, token }), tokens signed with the server's secret`;

const HOOKS = `
import { useConversation, useConversationList } from 'natter/react';

function Thread({ id }) {
  const { messages, sendText } = useConversation(id);
  return (
    <>
      {messages.map((m) => <p key={m.key}>{m.from}: {m.body.type === 'txt' ? m.body.msg : m.body.type} ({m.status})</p>)}
      <button onClick={() => sendText('Hi!')}>Say hi</button>
    </>
  );
}`;

function GettingStarted(): ReactNode {
  return (
    <DocPage title="Getting started">
      <p>
        natter is a React hooks + UI kit for instant messaging that brings its own protocol client and server. One
        package, three browser entries: <code>natter</code> (the client and an embedded in-page server),{' '}
        <code>natter/react</code> (ChatProvider and hooks) and <code>natter/ui</code> (the drop-in components and{' '}
        <code>natter/ui/styles.css</code>); plus <code>natter/server</code> for Node.
      </p>
      <h2 style={{ fontSize: 18 }}>1. Install</h2>
      <Code>npm install natter react react-dom</Code>
      <h2 style={{ fontSize: 18 }}>2. Drop in the Chat, on an embedded server</h2>
      <Code>{EMBEDDED}</Code>
      <p>
        This is that Chat, running here as Alice (Bob and Carol are clients on the same in-page server and have written
        to her):
      </p>
      <Live>
        <div style={{ height: 420 }}>
          <Chat theme="light" defaultConversationId="single:bob" style={{ height: '100%' }} />
        </div>
      </Live>
      <h2 style={{ fontSize: 18 }}>3. Point it at a real server</h2>
      <Code>{SERVE}</Code>
      <h2 style={{ fontSize: 18 }}>4. Or draw your own UI with the hooks</h2>
      <Code>{HOOKS}</Code>
      <p>
        Next: <b>Docs/Hooks</b> for every hook, <b>Components</b> for every component state (the Docs tab of each lists
        its props), <b>Headless</b> for a whole custom UI built with hooks only, and <b>Playground</b> for three users
        side by side.
      </p>
    </DocPage>
  );
}

const meta: Meta = { title: 'Docs/Getting started', parameters: { layout: 'fullscreen' } };
export default meta;

export const GettingStartedPage: StoryObj = { name: 'Getting started', render: () => <GettingStarted /> };

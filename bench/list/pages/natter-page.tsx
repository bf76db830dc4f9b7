// Owns the natter side of the list bench, shared by its two pages (the plain
// list and the one whose messages carry features): natter's MessageList from
// the packed package (`natter`, `natter/store`, `natter/react`, `natter/ui`, as
// an app imports them) inside a ChatProvider whose client is connected to an
// embedded server in the page. The conversation's history goes into the store
// through its one write path, `store.apply`, as the `history` input the history
// hook itself produces for a fetched page; a new message is the `message` event
// input the client binding produces; older messages are another `history` input
// (what "load older" writes). A page only says how a fixture message becomes a
// wire message (and may prepare, untimed, what it adds to the history).
import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { createChatClient, createEmbeddedServer, type ConversationId, type Message } from 'natter';
import { ChatProvider } from 'natter/react';
import { createChatStore } from 'natter/store';
import { MessageList } from 'natter/ui';
import 'natter/ui/styles.css';
import type { RawMessage } from './fixture';
import { installBench, reportStartupError } from './harness';

export const CONVERSATION: ConversationId = 'single:peer';
/** seq of message i: older pages (negative i) still get seq ≥ 1. */
const SEQ_BASE = 1000;

/** The plain wire message of fixture message `m` (a text, nothing attached). */
export const plainMessage = (m: RawMessage): Message => ({
  serverId: `s${m.i}`,
  localId: `l${m.i}`,
  from: m.user,
  to: m.user === 'me' ? 'peer' : 'me',
  chatType: 'single',
  seq: SEQ_BASE + m.i,
  ts: m.ts,
  body: { type: 'txt', msg: m.text },
});

type Prepare = (history: RawMessage[]) => void;

async function start(toMessage: (m: RawMessage) => Message, prepare?: Prepare): Promise<void> {
  const server = createEmbeddedServer();
  const client = createChatClient({ transport: server.connect(), user: 'me', delivery: false });
  await client.connect();
  const store = createChatStore(client);

  function App(): ReactNode {
    return (
      <ChatProvider client={client} store={store}>
        <MessageList conversationId={CONVERSATION} style={{ height: '100%' }} />
      </ChatProvider>
    );
  }

  installBench({
    ...(prepare ? { prepare } : {}),
    ingest(history) {
      store.apply([
        {
          kind: 'history',
          conversation: CONVERSATION,
          page: { messages: history.map(toMessage), cursor: null, hasMore: false },
        },
      ]);
    },
    mount(container) {
      createRoot(container).render(<App />);
    },
    append(m) {
      store.apply([
        { kind: 'event', event: { type: 'message', message: toMessage(m), conversation: CONVERSATION, unread: 0 } },
      ]);
    },
    prepend(older) {
      store.apply([
        {
          kind: 'history',
          conversation: CONVERSATION,
          page: { messages: older.map(toMessage), cursor: null, hasMore: false },
        },
      ]);
    },
  });
}

/** Starts the page, reporting a start-up failure to the driver. */
export function startNatterPage(toMessage: (m: RawMessage) => Message, prepare?: Prepare): void {
  start(toMessage, prepare).catch(reportStartupError);
}

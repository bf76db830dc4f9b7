// Shared body of the two headless bundle apps: every natter/react hook in use,
// as an app drawing its own UI would, around a client given by the entry file.
import { useState, type ReactNode } from 'react';
import type { ChatClient, ConversationId } from 'natter';
import {
  ChatProvider,
  useChatClient,
  useConnectionState,
  useConversation,
  useConversationList,
  useInvitations,
  useReadReceipts,
  useTyping,
  useUnreadCount,
} from 'natter/react';

function Conversation({ id }: { id: ConversationId }): ReactNode {
  const conv = useConversation(id);
  const receipts = useReadReceipts(id);
  const typing = useTyping(id);
  const [text, setText] = useState('');
  return (
    <section>
      <button type="button" onClick={() => void conv.loadOlder()} disabled={!conv.hasMore}>
        older
      </button>
      <ul>
        {conv.messages.map((m) => (
          <li key={m.key}>
            {m.body.type === 'txt' ? m.body.msg : m.body.type} {m.status}{' '}
            {receipts.receiptOf(m.serverId ?? '') ? 'read' : ''}
          </li>
        ))}
      </ul>
      {typing.typing.length ? <p>{typing.typing.join(', ')} typing</p> : null}
      <input
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          typing.notifyTyping();
        }}
      />
      <button type="button" onClick={() => void conv.sendText(text)}>
        send
      </button>
    </section>
  );
}

function Screen(): ReactNode {
  const client = useChatClient();
  const connection = useConnectionState();
  const list = useConversationList();
  const total = useUnreadCount();
  const invitations = useInvitations();
  const [open, setOpen] = useState<ConversationId | null>(null);
  return (
    <main>
      <p>
        {client.user} {connection.state} {total} unread, {invitations.incoming.length} calls
      </p>
      <ul>
        {list.conversations.map((c) => (
          <li key={c.id}>
            <button type="button" onClick={() => setOpen(c.id)}>
              {c.id} ({c.unread})
            </button>
          </li>
        ))}
      </ul>
      {open ? <Conversation id={open} /> : null}
    </main>
  );
}

export function HeadlessApp({ client }: { client: ChatClient }): ReactNode {
  return (
    <ChatProvider client={client}>
      <Screen />
    </ChatProvider>
  );
}

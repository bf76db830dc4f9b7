// Example for useConversationList and useUnreadCount: conversations with their unread counts.
import { useConversationList, useUnreadCount } from '../../../src/entries/react';

export function Inbox() {
  const { conversations, loaded } = useConversationList();
  const total = useUnreadCount();
  if (!loaded) return <p>Loading…</p>;
  return (
    <div>
      <p>{total} unread in all</p>
      <ul>
        {conversations.map((c) => (
          <li key={c.id}>
            {c.target} — {c.lastMessage?.body.type === 'txt' ? c.lastMessage.body.msg : c.lastMessage?.body.type}{' '}
            {c.unread > 0 && <b>({c.unread})</b>}
          </li>
        ))}
      </ul>
    </div>
  );
}

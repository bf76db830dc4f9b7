// A minimal custom chat UI built only with natter's hooks — no natter components.
// This is the code the Headless story shows in its docs tab.
import { useState } from 'react';
import { useConnectionState, useConversation, useConversationList, useInvitations } from '../../src/entries/react';
import type { ConversationId } from '../../src/entries/index';

export function HeadlessChat() {
  const { conversations, totalUnread } = useConversationList();
  const [open, setOpen] = useState<ConversationId | null>(null);
  const { state } = useConnectionState();
  return (
    <div style={{ display: 'flex', gap: 16, fontFamily: 'system-ui', padding: 12 }}>
      <nav aria-label="Conversations" style={{ minWidth: 180 }}>
        <p>
          {state} · {totalUnread} unread
        </p>
        {conversations.map((c) => (
          <button
            key={c.id}
            onClick={() => setOpen(c.id)}
            aria-pressed={open === c.id}
            style={{ display: 'block', width: '100%', textAlign: 'left' }}
          >
            {c.target} {c.unread > 0 && <strong>({c.unread})</strong>}
          </button>
        ))}
      </nav>
      {open ? <Thread id={open} /> : <p>Pick a conversation.</p>}
      <Calls />
    </div>
  );
}

function Thread({ id }: { id: ConversationId }) {
  const { messages, sendText, markRead, hasMore, loadOlder } = useConversation(id);
  const [draft, setDraft] = useState('');
  return (
    <section aria-label={id} style={{ flex: 1 }} onFocus={() => void markRead()}>
      {hasMore && <button onClick={() => void loadOlder()}>Load older</button>}
      <ul role="log">
        {messages.map((m) => (
          <li key={m.key}>
            <b>{m.from}</b>: {m.body.type === 'txt' ? m.body.msg : `[${m.body.type}]`} <small>{m.status}</small>
          </li>
        ))}
      </ul>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (draft.trim()) void sendText(draft);
          setDraft('');
        }}
      >
        <input aria-label="Message" value={draft} onChange={(e) => setDraft(e.target.value)} />
        <button type="submit">Send</button>
      </form>
    </section>
  );
}

function Calls() {
  const { incoming, accept, reject } = useInvitations();
  return (
    <aside aria-label="Calls">
      {incoming.map((i) => (
        <p key={i.inviteId}>
          {i.invitation.inviter} is calling ({i.secondsLeft ?? '∞'} s)
          <button onClick={() => void accept(i.inviteId)}>Accept</button>
          <button onClick={() => void reject(i.inviteId)}>Decline</button>
        </p>
      ))}
    </aside>
  );
}

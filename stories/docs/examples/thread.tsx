// Example for useConversation and useReadReceipts: one conversation's messages with
// their status, a composer, and "load older".
import { useState } from 'react';
import { useConversation } from '../../../src/entries/react';

export function Thread() {
  const { messages, sendText, retry, hasMore, loadOlder, loadingHistory } = useConversation('single:bob', {
    pageSize: 20,
  });
  const [draft, setDraft] = useState('');
  return (
    <div>
      {hasMore && (
        <button onClick={() => void loadOlder()} disabled={loadingHistory}>
          Load older
        </button>
      )}
      <ul>
        {messages.map((m) => (
          <li key={m.key}>
            <b>{m.from}</b>: {m.body.type === 'txt' ? m.body.msg : `[${m.body.type}]`} <small>{m.status}</small>
            {m.status === 'failed' && <button onClick={() => void retry(m.localId)}>Retry ({m.error?.code})</button>}
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
      </form>
    </div>
  );
}

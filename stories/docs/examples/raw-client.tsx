// Example for useChatClient and useChatSelector: the raw client for a request the
// hooks do not cover, and a narrow selector over the store.
import { useState } from 'react';
import { useChatClient, useChatSelector } from '../../../src/entries/react';

export function Blocklist() {
  const client = useChatClient();
  const user = useChatSelector((s) => s.user);
  const [blocked, setBlocked] = useState<string[] | null>(null);
  return (
    <div>
      <p>Signed in as {user}</p>
      <button onClick={() => void client.blocklist().then(setBlocked)}>Show my blocklist</button>
      {blocked && <p>{blocked.length ? blocked.join(', ') : 'Nobody blocked.'}</p>}
    </div>
  );
}

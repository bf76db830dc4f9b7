// Example for useReadReceipts: how far the peer has read, and each own message's receipt.
import { useReadReceipts } from '../../../src/entries/react';

export function Receipts() {
  const { byMessage, peerReadUpTo } = useReadReceipts('single:bob');
  const mine = Object.values(byMessage);
  return (
    <div>
      <p>Bob has read up to seq {peerReadUpTo}.</p>
      <ul>
        {mine.map((r) => (
          <li key={r.serverId}>
            seq {r.seq}: {r.read ? 'read' : r.delivered ? 'delivered' : 'sent'}
          </li>
        ))}
      </ul>
    </div>
  );
}

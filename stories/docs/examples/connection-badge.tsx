// Example for useConnectionState: a dot and a word for the connection.
import { useConnectionState } from '../../../src/entries/react';

export function ConnectionBadge() {
  const { state, ready, error } = useConnectionState();
  const color = state === 'open' ? 'green' : state === 'reconnecting' ? 'orange' : 'gray';
  return (
    <span>
      <span style={{ color }}>●</span> {state}
      {ready ? ' (ready)' : ''}
      {error ? ` — ${error.code}: ${error.message}` : ''}
    </span>
  );
}

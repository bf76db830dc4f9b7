// Example for useInvitations: incoming calls with a countdown from the server's deadline, and a call button.
import { useInvitations } from '../../../src/entries/react';

export function Ringer() {
  const { incoming, outgoing, invite, accept, reject, cancel } = useInvitations();
  return (
    <div>
      <button onClick={() => void invite('bob', { data: JSON.stringify({ call_type: 'audio' }), timeout: 30 })}>
        Call Bob
      </button>
      {incoming.map((i) => (
        <p key={i.inviteId}>
          {i.invitation.inviter} is calling ({i.secondsLeft ?? '∞'} s left)
          <button onClick={() => void accept(i.inviteId)}>Accept</button>
          <button onClick={() => void reject(i.inviteId)}>Decline</button>
        </p>
      ))}
      {outgoing.map((o) => (
        <p key={o.inviteId}>
          Calling {o.invitation.invitees.join(', ')} ({o.secondsLeft ?? '∞'} s left){' '}
          <button onClick={() => void cancel(o.inviteId)}>Cancel</button>
        </p>
      ))}
    </div>
  );
}

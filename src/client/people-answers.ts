// Owns which answers to people requests are also facts for the input stream:
// profiles a user asked for, found in the directory or set for themselves,
// and presence they asked for. Whoever made the request (a hook, or an app
// calling getProfiles), a store bound to the client learns them the same way.
import type { OpName, OpResult } from '../protocol/frames';
import type { ClientInput } from './client-input';

/** The input an answer to `op` carries, or null when it carries none. */
export function peopleAnswerInput<K extends OpName>(op: K, result: OpResult<K>): ClientInput | null {
  switch (op) {
    case 'profile.get':
    case 'users.search':
      return { kind: 'profiles', profiles: (result as OpResult<'profile.get'>).profiles };
    case 'profile.set':
      return { kind: 'profiles', profiles: [(result as OpResult<'profile.set'>).profile] };
    case 'presence.get':
      return { kind: 'presence', presence: (result as OpResult<'presence.get'>).presence };
    default:
      return null;
  }
}

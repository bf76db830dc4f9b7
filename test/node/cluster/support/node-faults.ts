// Owns the faults a cluster test may arm in a node (cluster-node.ts), named
// `<fault> <user>`, both set off by the node recording `user` offline
// everywhere (its change of what contacts see, pending until they are told):
// - `die-after-offline`: the node kills itself (-9) right after that record.
// - `fail-notify-once`: the node's next write of that user's profile (last
//   seen, the first step of telling contacts) fails once, as when PostgreSQL
//   is briefly unreachable; the node stays up.
import { PgStorage } from '../../../../src/node/pg-storage';
import { RedisPresence } from '../../../../src/node/redis-presence';
import type { PresenceChange } from '../../../../src/server/presence-share';

export type NodeFault = 'die-after-offline' | 'fail-notify-once';

/** Arms `spec` (`<fault> <user>`) in this process. */
export function armFault(spec: string): void {
  const [fault, user] = spec.split(' ') as [NodeFault, string];
  let failNext = false;
  afterOffline(user, () => {
    if (fault === 'die-after-offline') process.kill(process.pid, 'SIGKILL');
    else failNext = true;
  });
  if (fault !== 'fail-notify-once') return;
  let failed = false;
  const putProfile = PgStorage.prototype.putProfile;
  PgStorage.prototype.putProfile = function (this: PgStorage, ...args: Parameters<typeof putProfile>) {
    if (failNext && !failed && args[0].profile.user === user) {
      failed = true;
      return Promise.reject(new Error('test fault: the database is unreachable'));
    }
    return putProfile.apply(this, args);
  };
}

/** Calls `then` each time this node records `user` offline everywhere. */
function afterOffline(user: string, then: () => void): void {
  const publish = RedisPresence.prototype.publish;
  RedisPresence.prototype.publish = async function (this: RedisPresence, ...args: Parameters<typeof publish>) {
    const change: PresenceChange | null = await publish.apply(this, args);
    if (change?.user === user && change.status === 'offline') then();
    return change;
  };
}

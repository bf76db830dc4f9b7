// Owns the ids the server hands out: message serverIds and invitation ids
// (time-ordered ULIDs from the injected clock), unguessable file ids, default
// device ids, and the localIds of the messages the server writes itself.
import { createUlidFactory, pooledRandom, type RandomSource } from '../protocol/ulid';
import type { Clock } from './clock';

export interface IdSource {
  serverId(): string;
  inviteId(): string;
  /** Must be unguessable: files are served by this id alone. */
  fileId(): string;
  device(): string;
}

function randomHex(bytes: number): string {
  const buf = new Uint8Array(bytes);
  globalThis.crypto.getRandomValues(buf);
  return Array.from(buf, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Prefix of the localIds of signaling messages, which the server stores on the actor's behalf. */
const SIGNAL_LOCAL_ID_PREFIX = '~sig-';

/** The localId of a signaling message the server stores (unique because `serverId` is). */
export function signalLocalId(serverId: string): string {
  return `${SIGNAL_LOCAL_ID_PREFIX}${serverId}`;
}

/** ULIDs stamped with `clock.now()`; `prng` may be injected for reproducible tests. */
export function createIdSource(clock: Clock, prng?: RandomSource): IdSource {
  const ulid = createUlidFactory(prng ?? pooledRandom());
  return {
    serverId: () => ulid(clock.now()),
    inviteId: () => ulid(clock.now()),
    fileId: () => randomHex(16),
    device: () => `d-${randomHex(8)}`,
  };
}

// Owns the ids the server hands out: message serverIds and invitation ids
// (time-ordered ULIDs from the injected clock), unguessable file ids and
// default device ids.
import { monotonicFactory } from 'ulidx';
import type { PRNG } from 'ulidx';
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

/**
 * Random numbers in [0, 1) from the platform's CSPRNG, drawn 256 at a time: ulidx's default asks
 * the CSPRNG once per character (16 calls per id), a cost that showed on every send.
 */
function pooledRandom(): PRNG {
  const pool = new Uint32Array(256);
  let next = pool.length;
  return () => {
    if (next === pool.length) {
      globalThis.crypto.getRandomValues(pool);
      next = 0;
    }
    return pool[next++]! / 0x1_0000_0000;
  };
}

/** ULIDs stamped with `clock.now()`; `prng` may be injected for reproducible tests. */
export function createIdSource(clock: Clock, prng?: PRNG): IdSource {
  const ulid = monotonicFactory(prng ?? pooledRandom());
  return {
    serverId: () => ulid(clock.now()),
    inviteId: () => ulid(clock.now()),
    fileId: () => randomHex(16),
    device: () => `d-${randomHex(8)}`,
  };
}

// Owns natter's ULIDs (26 Crockford base-32 characters: 48-bit time, 80 random
// bits), used for client localIds and server ids alike. Written here rather than
// taken from a package because every browser bundle carries it and the whole
// job is a few lines; monotonic so ids made in the same millisecond still sort.

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const TIME_LEN = 10;
const RANDOM_LEN = 16;

/** A source of random numbers in [0, 1). */
export type RandomSource = () => number;

/**
 * Random numbers from the platform's CSPRNG, drawn 256 at a time (one CSPRNG call per
 * character would show on every send).
 */
export function pooledRandom(): RandomSource {
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

function encodeTime(time: number): string {
  let out = '';
  for (let i = 0; i < TIME_LEN; i++) {
    out = ALPHABET[time % 32]! + out;
    time = Math.floor(time / 32);
  }
  return out;
}

/**
 * Adds one to a base-32 string; returns null when it overflows (all Z). Only the characters from
 * the last one below Z change: a burst of sends in one millisecond takes this path for each id.
 */
function increment(digits: string): string | null {
  for (let i = digits.length - 1; i >= 0; i--) {
    const value = ALPHABET.indexOf(digits[i]!);
    if (value < 31) return digits.slice(0, i) + ALPHABET[value + 1]! + ALPHABET[0]!.repeat(digits.length - 1 - i);
  }
  return null;
}

/** A ULID generator whose ids strictly increase, even within one millisecond or when the clock steps back. */
export function createUlidFactory(random: RandomSource = pooledRandom()): (time?: number) => string {
  let lastTime = -1;
  /** encodeTime(lastTime), kept: ids within one millisecond share it. */
  let lastPrefix = '';
  let lastRandom = '';
  return (time = Date.now()) => {
    if (!Number.isInteger(time) || time < 0 || time > 0xffff_ffff_ffff)
      throw new RangeError(`ULID time out of range: ${time}`);
    if (time <= lastTime) {
      const next = increment(lastRandom);
      if (next !== null) {
        lastRandom = next;
        return lastPrefix + next;
      }
      // 80 random bits exhausted within one millisecond: move to the next one.
      time = lastTime + 1;
    }
    let rnd = '';
    for (let i = 0; i < RANDOM_LEN; i++) rnd += ALPHABET[Math.floor(random() * 32)]!;
    lastTime = time;
    lastPrefix = encodeTime(time);
    lastRandom = rnd;
    return lastPrefix + rnd;
  };
}

/** A new ULID from the shared generator (client localIds, device ids). */
export const ulid: (time?: number) => string = createUlidFactory();

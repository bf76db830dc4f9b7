// Owns the messages every list contender is fed: deterministic, identical for
// all, each text carrying a unique token `#<index>#` so the harness can find a
// message's row in any kit's DOM without touching the kit's markup. Index 0..N-1
// is the initial history; negative indices are older messages (the prepend),
// N and above are appended ones.
import { token } from '../../support/paint-timing';

export interface RawMessage {
  /** Position in the conversation (older pages are negative). */
  i: number;
  /** Stable id shared by every contender's conversion. */
  id: string;
  /** Sender: 'me' or 'peer' (runs of 1–3 messages, so kits group consecutive ones). */
  user: 'me' | 'peer';
  text: string;
  /** ms since epoch, one message a minute ending now-ish (fixed origin, so runs are identical). */
  ts: number;
}

const WORDS = [
  'hello',
  'sure',
  'meeting',
  'tomorrow',
  'lunch',
  'the',
  'report',
  'is',
  'ready',
  'see',
  'you',
  'at',
  'noon',
  'thanks',
  'great',
  'idea',
  'let',
  'me',
  'check',
  'ok',
];
const ORIGIN_TS = Date.UTC(2026, 0, 1);

/** Deterministic pseudo-random 0..1 from an integer (so every contender sees the same texts). */
export function hash(i: number): number {
  let x = (i + 0x9e3779b9) | 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  x ^= x >>> 16;
  return (x >>> 0) / 4294967296;
}

export function makeMessage(i: number): RawMessage {
  // Sender changes every 1–3 messages; text 3–30 words, so rows wrap to different heights.
  const run = Math.floor((i + 1_000_000) / 3);
  const user = hash(run) < 0.5 ? 'me' : 'peer';
  const words = 3 + Math.floor(hash(i) * 28);
  const parts: string[] = [token(i)];
  for (let w = 0; w < words; w++) parts.push(WORDS[Math.floor(hash(i * 31 + w) * WORDS.length)] ?? 'ok');
  return { i, id: `m${i}`, user, text: parts.join(' '), ts: ORIGIN_TS + i * 60_000 };
}

/** Messages `from .. from+count-1`, oldest first. */
export function makeMessages(from: number, count: number): RawMessage[] {
  const out: RawMessage[] = new Array(count);
  for (let k = 0; k < count; k++) out[k] = makeMessage(from + k);
  return out;
}

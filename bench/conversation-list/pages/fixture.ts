// Owns the conversation list bench's data, the same for every contender:
// N conversations with one peer each, conversation i last active at minute i
// (the newest is N-1, drawn at the top), and the name token each row shows.
export interface RawConversation {
  i: number;
  /** The peer's id, also the row's name: `u<i>z` (no name is a substring of another). */
  peer: string;
  text: string;
  ts: number;
  unread: number;
}

export const T0 = 1_700_000_000_000;

/** The name a row shows for conversation `i`; the harness finds rows by it. */
export const nameOf = (i: number): string => `u${i}z`;

export function makeConversations(n: number): RawConversation[] {
  const out: RawConversation[] = new Array(n);
  for (let i = 0; i < n; i++) {
    out[i] = {
      i,
      peer: nameOf(i),
      text: `message ${i}: see you tomorrow at the station`,
      ts: T0 + i * 60_000,
      unread: i % 4,
    };
  }
  return out;
}

// Owns the order in which a group commit on a shared database (several
// nodes) runs its sends: by conversation key, each conversation's sends in
// the order they came. A send locks its conversation's rows as it runs (the
// group or room, the seq counter, the members' states), so two nodes whose
// commits took the same two conversations in opposite orders each waited for
// the other, until PostgreSQL ended one after its deadlock timeout (1 s by
// default) and it ran again. In key order they wait in turn. Sends to
// different conversations in one commit then take their times and ids in
// that order. A single chat's check reads the recipient's blocklist, which
// other conversations share, in any order: it locks it for share only
// (storage.ts), so two nodes' checks never wait for each other there.

/** A queued change, and the conversation it writes (none: no particular one). */
export interface Ordered {
  order?: string | undefined;
}

/** `items` by `order` (those without one first), stable: changes to one conversation keep their order. */
export function inCommitOrder<T extends Ordered>(items: readonly T[]): T[] {
  // Array.prototype.sort is stable (ES2019): equal keys keep the order they came in.
  return [...items].sort((a, b) => {
    const x = a.order ?? '';
    const y = b.order ?? '';
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

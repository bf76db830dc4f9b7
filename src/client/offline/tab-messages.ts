// Owns what the tabs of one user say to each other over their BroadcastChannel
// when they share one connection: the leader relays client frames up to the
// server and server frames down to the tab they are for (answers) or to every
// tab (events).

export type TabMessage =
  /** A tab became the leader: followers connect (again) through it. */
  | { k: 'leader'; tab: string }
  /** A follower asks which tab leads (the leader answers with `leader`). */
  | { k: 'who' }
  /** Follower → leader `to`: a client frame of follower connection `conn`. */
  | { k: 'up'; to: string; conn: string; data: string }
  /** Follower → leader: connection `conn` is closed. */
  | { k: 'bye'; conn: string }
  /** Leader → followers: a server frame for connection `conn`, or for every follower (`null`: events). */
  | { k: 'down'; conn: string | null; data: string }
  /** Leader → followers: the server connection is gone; connect again (through whichever tab leads). */
  | { k: 'drop'; conn: string | null }
  /** Election without Web Locks: the leader is alive; a tab wants to lead; the leader leaves. */
  | { k: 'beat'; tab: string }
  | { k: 'claim'; tab: string }
  | { k: 'resign'; tab: string };

const KINDS = new Set(['leader', 'who', 'up', 'bye', 'down', 'drop', 'beat', 'claim', 'resign']);

/** A message from the channel, or null for anything else (another library on the same name). */
export function tabMessage(data: unknown): TabMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const k = (data as { k?: unknown }).k;
  return typeof k === 'string' && KINDS.has(k) ? (data as TabMessage) : null;
}

// Owns onStatisticMessage: group read receipts that arrived while this user
// had no connection in the page. A fresh connection has no event position to
// resume from, so after opening it asks the server for the readers of this
// user's recent allowGroupAck messages (the newest SCAN_MESSAGES of each of
// up to SCAN_GROUPS group conversations) and reports counts this page has
// not seen yet — live ones arrive through onReadMessage as they happen.
import type { ChatClient } from '../../client/chat-client-types';
import type { GroupAckEntry } from './types';

const SCAN_GROUPS = 50;
const SCAN_MESSAGES = 50;

/** Group read counts already reported in this page, per user: serverId → count. */
const seenCounts = new Map<string, Map<string, number>>();

export function groupReadCounts(user: string): Map<string, number> {
  let m = seenCounts.get(user);
  if (!m) {
    m = new Map();
    seenCounts.set(user, m);
  }
  return m;
}

export async function unseenGroupAcks(client: ChatClient, user: string): Promise<GroupAckEntry[]> {
  const seen = groupReadCounts(user);
  const groups = (await client.conversations()).filter((c) => c.type === 'group').slice(0, SCAN_GROUPS);
  const out: GroupAckEntry[] = [];
  for (const conv of groups) {
    const page = await client.history(conv.id, { limit: SCAN_MESSAGES });
    for (const m of page.messages) {
      if (m.from !== user || !m.config?.allowGroupAck || m.body.type === 'recalled') continue;
      const readers = await client.groupReaders(m.serverId);
      if (readers.length <= (seen.get(m.serverId) ?? 0)) continue;
      seen.set(m.serverId, readers.length);
      out.push({ msg_id: m.serverId, group_id: conv.target, count: readers.length, readers });
    }
  }
  return out;
}

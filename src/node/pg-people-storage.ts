// Owns PgStorage's queries for the paged conversation list, profiles and
// message search. The list pages by (updated_at, key) over visible states from
// one index and sums their unread from the same rows. Profiles keep the folded
// terms they are found by (prefix search on a text_pattern_ops index). Message
// search reads the searched conversations newest first by row id, a bounded
// number of rows per request, and says where it stopped so the next page goes
// on (the same contract as SQLite's; without an FTS index for now, so a term
// costs a scan of those rows — see the README's note on search).
import type { UserId } from '../protocol/message';
import type { MessageSearchQuery, MessageSearchResult, MessageSearchRow, ProfileRecord, ProfileSearchQuery } from '../server/people-storage';
import { foldForSearch, profileTerms, searchableText, termsMatcher } from '../server/search-text';
import type { ConversationPageQuery, ConversationStateRecord, MessageRecord } from '../server/storage';

/** PgStorage's query function (joins its transaction when it has one). */
export type PgRows = <T = { json: string }>(sql: string, params?: unknown[]) => Promise<T[]>;

/** Rows a search may look at before it answers with what it has (and where to go on). */
const MAX_EXAMINED = 5_000;
const BATCH = 1_000;

export async function pgConversationPage(rows: PgRows, user: UserId, query: ConversationPageQuery): Promise<ConversationStateRecord[]> {
  const { after, limit } = query;
  const list = after
    ? await rows(
        `SELECT json FROM conversation_states WHERE user_id = $1 AND NOT hidden
           AND (updated_at < $2 OR (updated_at = $2 AND key COLLATE "C" > $3 COLLATE "C"))
         ORDER BY updated_at DESC, key COLLATE "C" ASC LIMIT $4`,
        [user, after.updatedAt, after.key, limit],
      )
    : await rows(`SELECT json FROM conversation_states WHERE user_id = $1 AND NOT hidden ORDER BY updated_at DESC, key COLLATE "C" ASC LIMIT $2`, [user, limit]);
  return list.map((r) => JSON.parse(r.json) as ConversationStateRecord);
}

export async function pgUnreadTotal(rows: PgRows, user: UserId): Promise<number> {
  const [row] = await rows<{ total: string | null }>('SELECT SUM(unread) AS total FROM conversation_states WHERE user_id = $1 AND NOT hidden', [user]);
  return Number(row?.total ?? 0);
}

export async function pgGetProfiles(rows: PgRows, users: UserId[]): Promise<ProfileRecord[]> {
  if (users.length === 0) return [];
  return (await rows('SELECT json FROM profiles WHERE user_id = ANY($1)', [[...new Set(users)]])).map((r) => JSON.parse(r.json) as ProfileRecord);
}

export async function pgPutProfile(rows: PgRows, record: ProfileRecord): Promise<void> {
  const user = record.profile.user;
  await rows('INSERT INTO profiles (user_id, name_key, json) VALUES ($1, $2, $3) ON CONFLICT (user_id) DO UPDATE SET name_key = excluded.name_key, json = excluded.json', [
    user,
    foldForSearch(record.profile.name),
    JSON.stringify(record),
  ]);
  await rows('DELETE FROM profile_terms WHERE user_id = $1', [user]);
  const terms = [...new Set(profileTerms(record.profile))];
  if (terms.length > 0) await rows('INSERT INTO profile_terms (term, user_id) SELECT unnest($1::text[]), $2 ON CONFLICT DO NOTHING', [terms, user]);
}

export async function pgSearchProfiles(rows: PgRows, query: ProfileSearchQuery): Promise<ProfileRecord[]> {
  const like = `${query.prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const found = await rows(
    `SELECT p.json FROM profiles p
      WHERE p.user_id IN (SELECT user_id FROM profile_terms WHERE term LIKE $1)
      ORDER BY p.name_key COLLATE "C", p.user_id COLLATE "C" LIMIT $2`,
    [like, query.limit],
  );
  return found.map((r) => JSON.parse(r.json) as ProfileRecord);
}

export async function pgSearchMessages(rows: PgRows, query: MessageSearchQuery): Promise<MessageSearchResult> {
  const keys = query.scopes.map((s) => s.key);
  const after = new Map(query.scopes.map((s) => [s.key, s.afterSeq]));
  const out: MessageSearchRow[] = [];
  const matches = termsMatcher(query.terms);
  if (keys.length === 0) return { rows: out };
  // Cursors are row ids (opaque to the core); a malformed one finds nothing.
  let below = query.before === undefined ? Number.MAX_SAFE_INTEGER : /^\d+$/.test(query.before) ? Number(query.before) : 0;
  let examined = 0;
  while (below > 1) {
    if (examined >= MAX_EXAMINED) return { rows: out, resumeAt: String(below) };
    const batch = await rows<{ id: string; key: string; seq: string; json: string }>(
      'SELECT id, key, seq, json FROM messages WHERE key = ANY($1) AND id < $2 ORDER BY id DESC LIMIT $3',
      [keys, below, BATCH],
    );
    if (batch.length === 0) break;
    for (const row of batch) {
      examined++;
      below = Number(row.id);
      if (Number(row.seq) <= (after.get(row.key) ?? Number.MAX_SAFE_INTEGER)) continue;
      const { message } = JSON.parse(row.json) as MessageRecord;
      const text = searchableText(message);
      if (text === null || !matches(text)) continue;
      out.push({ key: row.key, message, cursor: row.id });
      if (out.length >= query.limit) return { rows: out };
    }
    if (batch.length < BATCH) break;
  }
  return { rows: out };
}

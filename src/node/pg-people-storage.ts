// Owns PgStorage's queries for the paged conversation list and profiles
// (message search is pg-search.ts). The list pages by (updated_at, key) over
// visible states from one index and sums their unread from the same rows.
// Profiles keep the folded terms they are found by (prefix search on a
// text_pattern_ops index).
import type { ClientBase } from 'pg';
import type { UserId } from '../protocol/message';
import type { ProfileRecord, ProfileSearchQuery } from '../server/people-storage';
import { foldForSearch, profileTerms } from '../server/search-text';
import type { ConversationPageQuery, ConversationStateRecord } from '../server/storage';
import { allJson } from './pg-json-rows';

/** PgStorage's query function (joins its transaction when it has one). */
export type PgRows = <T = { json: string }>(sql: string, params?: unknown[]) => Promise<T[]>;

export async function pgConversationPage(
  rows: PgRows,
  user: UserId,
  query: ConversationPageQuery,
): Promise<ConversationStateRecord[]> {
  const { after, limit } = query;
  const list = after
    ? await rows(
        `SELECT json FROM conversation_states WHERE user_id = $1 AND NOT hidden
           AND (updated_at < $2 OR (updated_at = $2 AND key COLLATE "C" > $3 COLLATE "C"))
         ORDER BY updated_at DESC, key COLLATE "C" ASC LIMIT $4`,
        [user, after.updatedAt, after.key, limit],
      )
    : await rows(
        `SELECT json FROM conversation_states WHERE user_id = $1 AND NOT hidden ORDER BY updated_at DESC, key COLLATE "C" ASC LIMIT $2`,
        [user, limit],
      );
  return allJson<ConversationStateRecord>(list);
}

export async function pgUnreadTotal(rows: PgRows, user: UserId): Promise<number> {
  const [row] = await rows<{ total: string | null }>(
    'SELECT SUM(unread) AS total FROM conversation_states WHERE user_id = $1 AND NOT hidden',
    [user],
  );
  return Number(row?.total ?? 0);
}

export async function pgGetProfiles(rows: PgRows, users: UserId[]): Promise<ProfileRecord[]> {
  if (users.length === 0) return [];
  return (await rows('SELECT json FROM profiles WHERE user_id = ANY($1)', [[...new Set(users)]])).map(
    (r) => JSON.parse(r.json) as ProfileRecord,
  );
}

export async function pgPutProfile(rows: PgRows, record: ProfileRecord): Promise<void> {
  const user = record.profile.user;
  await rows(
    'INSERT INTO profiles (user_id, name_key, json) VALUES ($1, $2, $3) ON CONFLICT (user_id) DO UPDATE SET name_key = excluded.name_key, json = excluded.json',
    [user, foldForSearch(record.profile.name), JSON.stringify(record)],
  );
  await rows('DELETE FROM profile_terms WHERE user_id = $1', [user]);
  const terms = [...new Set(profileTerms(record.profile))];
  if (terms.length > 0)
    await rows('INSERT INTO profile_terms (term, user_id) SELECT unnest($1::text[]), $2 ON CONFLICT DO NOTHING', [
      terms,
      user,
    ]);
}

/** Migration step: adds the terms of profiles stored before profileTerms found CJK names by any run of them. */
export async function backfillProfileTerms(client: ClientBase): Promise<void> {
  const { rows } = await client.query<{ user_id: string; json: string }>('SELECT user_id, json FROM profiles');
  for (const r of rows) {
    const terms = profileTerms((JSON.parse(r.json) as ProfileRecord).profile);
    await client.query(
      'INSERT INTO profile_terms (term, user_id) SELECT unnest($1::text[]), $2 ON CONFLICT DO NOTHING',
      [terms, r.user_id],
    );
  }
}

export async function pgSearchProfiles(rows: PgRows, query: ProfileSearchQuery): Promise<ProfileRecord[]> {
  const like = `${query.prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const found = await rows(
    `SELECT p.json FROM profiles p
      WHERE p.user_id IN (SELECT user_id FROM profile_terms WHERE term LIKE $1)
      ORDER BY p.name_key COLLATE "C", p.user_id COLLATE "C" LIMIT $2`,
    [like, query.limit],
  );
  return allJson<ProfileRecord>(found);
}

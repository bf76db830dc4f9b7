// Owns the PostgreSQL schema of PgStorage and bringing a database up to it.
// Several nodes may start at once: the migration runs in one transaction
// holding an advisory lock, so one node migrates and the others wait, then
// find the schema current. Records are JSON text columns next to the few
// columns that are indexed or locked; per-user event positions and
// per-conversation seqs are counter rows updated under their row lock.
import type { ClientBase } from 'pg';
import { backfillProfileTerms } from './pg-people-storage';
import { backfillSearchText, searchWordsIndex } from './pg-search';

/** A migration: SQL, or a step that needs code (run inside the migration's transaction). */
type Migration = string | ((client: ClientBase) => Promise<void>);

/** Each migration, in order; index + 1 is the schema version it brings. */
export const PG_MIGRATIONS: readonly Migration[] = [
  `
  CREATE TABLE messages (
    id BIGSERIAL PRIMARY KEY,
    server_id TEXT NOT NULL UNIQUE,
    key TEXT NOT NULL,
    seq BIGINT NOT NULL,
    from_user TEXT NOT NULL,
    local_id TEXT NOT NULL,
    excluded BOOLEAN NOT NULL,
    json TEXT NOT NULL,
    UNIQUE (from_user, local_id)
  );
  CREATE INDEX messages_by_key_seq ON messages (key, seq);
  CREATE TABLE seqs (key TEXT PRIMARY KEY, last BIGINT NOT NULL);
  CREATE TABLE conversation_states (
    user_id TEXT NOT NULL,
    key TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    json TEXT NOT NULL,
    PRIMARY KEY (user_id, key)
  );
  CREATE INDEX conversation_states_by_update ON conversation_states (user_id, updated_at DESC, key);
  CREATE TABLE receipts (
    id BIGSERIAL PRIMARY KEY,
    server_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    at BIGINT NOT NULL,
    UNIQUE (server_id, kind, user_id)
  );
  CREATE TABLE groups (group_id TEXT PRIMARY KEY, created_at BIGINT NOT NULL, json TEXT NOT NULL);
  CREATE TABLE group_members (user_id TEXT NOT NULL, group_id TEXT NOT NULL, PRIMARY KEY (user_id, group_id));
  CREATE TABLE rooms (room_id TEXT PRIMARY KEY, created_at BIGINT NOT NULL, json TEXT NOT NULL);
  CREATE TABLE blocklists (user_id TEXT PRIMARY KEY, json TEXT NOT NULL);
  CREATE TABLE invitations (
    invite_id TEXT PRIMARY KEY,
    open BOOLEAN NOT NULL,
    deadline BIGINT,
    created_at BIGINT NOT NULL,
    json TEXT NOT NULL,
    claim_owner TEXT,
    claim_until BIGINT
  );
  CREATE INDEX invitations_due ON invitations (deadline) WHERE open AND deadline IS NOT NULL;
  CREATE TABLE invitation_parties (user_id TEXT NOT NULL, invite_id TEXT NOT NULL, PRIMARY KEY (user_id, invite_id));
  CREATE TABLE event_heads (user_id TEXT PRIMARY KEY, last_pos BIGINT NOT NULL);
  CREATE TABLE events (
    user_id TEXT NOT NULL,
    pos BIGINT NOT NULL,
    at BIGINT NOT NULL,
    json TEXT NOT NULL,
    PRIMARY KEY (user_id, pos)
  );
  CREATE INDEX events_by_time ON events (at);
  CREATE TABLE files (file_id TEXT PRIMARY KEY, owner TEXT NOT NULL, created_at BIGINT NOT NULL, json TEXT NOT NULL);
  `,
  // 2: the paged conversation list (visible states by recency, and their unread total, from one
  // index), pinned messages, and people: profiles with the folded terms they are found by.
  `
  ALTER TABLE conversation_states ADD COLUMN hidden BOOLEAN NOT NULL DEFAULT false;
  ALTER TABLE conversation_states ADD COLUMN unread BIGINT NOT NULL DEFAULT 0;
  UPDATE conversation_states SET
    hidden = COALESCE((json::jsonb ->> 'hidden')::boolean, false),
    unread = COALESCE((json::jsonb ->> 'unread')::bigint, 0);
  CREATE INDEX conversation_states_listed ON conversation_states (user_id, hidden, updated_at DESC, key);
  CREATE TABLE pins (key TEXT PRIMARY KEY, json TEXT NOT NULL);
  CREATE TABLE profiles (user_id TEXT PRIMARY KEY, name_key TEXT NOT NULL, json TEXT NOT NULL);
  CREATE TABLE profile_terms (term TEXT NOT NULL, user_id TEXT NOT NULL, PRIMARY KEY (term, user_id));
  CREATE INDEX profile_terms_prefix ON profile_terms (term text_pattern_ops);
  CREATE INDEX profile_terms_by_user ON profile_terms (user_id);
  `,
  // 3: message search from an index: each message's folded searchable text (folded by the same code
  // as queries, so it is filled in from JS) under a trigram index, which answers substring matches
  // in any script (pg_trgm is a trusted extension: the database owner may create it).
  `
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
  ALTER TABLE messages ADD COLUMN search_text TEXT;
  CREATE INDEX messages_search ON messages USING gin (search_text gin_trgm_ops);
  `,
  // 4: fills the search text of the messages stored before 3.
  backfillSearchText,
  // 5: Web Push subscriptions (pg-push-storage.ts), one per (user, device), the endpoint unique.
  `
  CREATE TABLE push_subscriptions (
    user_id TEXT NOT NULL,
    device TEXT NOT NULL,
    endpoint TEXT NOT NULL UNIQUE,
    p256dh TEXT NOT NULL,
    auth TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, device)
  );
  `,
  // 6: each user's read position in each thread they follow (thread-read-storage.ts); the unread
  // count is counted from the thread's messages, never stored.
  `
  CREATE TABLE thread_reads (root TEXT NOT NULL, user_id TEXT NOT NULL, read_seq BIGINT NOT NULL, PRIMARY KEY (root, user_id));
  `,
  // 7: a CJK name is found by any contiguous run of it (search-text.ts profileTerms): the terms of
  // profiles stored before are added.
  backfillProfileTerms,
  // 8: message search from a GIN index of each message's index words and conversation key in place
  // of the trigram index (pg-search.ts): a user's few conversations are part of the index query.
  searchWordsIndex,
  // 9: a conversation's messages newest first by row id, for searching a common word by walking the
  // user's conversations backwards (pg-search-walk.ts) instead of reading all its index entries.
  `
  CREATE INDEX messages_by_key_id ON messages (key, id);
  `,
  // 10: how far each user cleared each conversation's history, in a column: a search over all of a
  // user's conversations reads it instead of every state's JSON.
  `
  ALTER TABLE conversation_states ADD COLUMN cleared_seq BIGINT NOT NULL DEFAULT 0;
  UPDATE conversation_states SET cleared_seq = (json::jsonb ->> 'clearedSeq')::bigint
    WHERE (json::jsonb ->> 'clearedSeq')::bigint > 0;
  `,
];

/** Arbitrary, fixed: the advisory lock every natter node takes to migrate. */
const MIGRATION_LOCK = 7_211_402_114;

/** Brings the database to the newest schema (refusing one newer than this code knows). */
export async function migratePg(client: ClientBase): Promise<number> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS natter_schema (version INT NOT NULL)');
    const row = (await client.query<{ version: number }>('SELECT version FROM natter_schema')).rows[0];
    let version = row?.version ?? 0;
    if (!row) await client.query('INSERT INTO natter_schema (version) VALUES (0)');
    if (version > PG_MIGRATIONS.length) {
      throw new Error(
        `the database schema is version ${version}, newer than this natter (${PG_MIGRATIONS.length}); upgrade natter`,
      );
    }
    for (; version < PG_MIGRATIONS.length; version++) {
      const step = PG_MIGRATIONS[version]!;
      if (typeof step === 'string') await client.query(step);
      else await step(client);
    }
    await client.query('UPDATE natter_schema SET version = $1', [version]);
    await client.query('COMMIT');
    return version;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

// Owns the SQLite schema of the Node host as an ordered list of migrations.
// `PRAGMA user_version` records how many have been applied; a new schema
// change is a new entry at the end, never an edit of an applied one.
import type Database from 'better-sqlite3';
import {
  WORD_INDEX,
  WORD_INDEX_AFTER_COMMIT,
  WORD_INDEX_BY_CONVERSATION,
  WORD_LIST,
  SEARCH_KEYS_AFTER_COMMIT,
} from './sqlite-word-index-migrations';

/** Each entry moves the schema from version i to i + 1. */
export const MIGRATIONS: readonly string[] = [
  // 1: everything the server core keeps. Records are JSON columns, plus the
  // columns each Storage method queries by.
  `
  CREATE TABLE messages (
    server_id TEXT PRIMARY KEY,
    key TEXT NOT NULL,
    seq INTEGER NOT NULL,
    from_user TEXT NOT NULL,
    local_id TEXT NOT NULL,
    excluded INTEGER NOT NULL,
    json TEXT NOT NULL,
    UNIQUE (from_user, local_id)
  );
  CREATE INDEX messages_by_key_seq ON messages (key, seq);

  CREATE TABLE seqs (key TEXT PRIMARY KEY, last INTEGER NOT NULL) WITHOUT ROWID;

  CREATE TABLE conversation_states (
    user TEXT NOT NULL,
    key TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    json TEXT NOT NULL,
    PRIMARY KEY (user, key)
  ) WITHOUT ROWID;
  CREATE INDEX conversation_states_by_user ON conversation_states (user, updated_at);

  CREATE TABLE receipts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    server_id TEXT NOT NULL,
    user TEXT NOT NULL,
    kind TEXT NOT NULL,
    at INTEGER NOT NULL,
    UNIQUE (server_id, kind, user)
  );

  CREATE TABLE groups (group_id TEXT PRIMARY KEY, created_at INTEGER NOT NULL, json TEXT NOT NULL);
  CREATE TABLE group_members (
    user TEXT NOT NULL,
    group_id TEXT NOT NULL,
    PRIMARY KEY (user, group_id)
  ) WITHOUT ROWID;
  CREATE INDEX group_members_by_group ON group_members (group_id);

  CREATE TABLE rooms (room_id TEXT PRIMARY KEY, created_at INTEGER NOT NULL, json TEXT NOT NULL);

  CREATE TABLE blocklists (user TEXT PRIMARY KEY, json TEXT NOT NULL) WITHOUT ROWID;

  CREATE TABLE invitations (
    invite_id TEXT PRIMARY KEY,
    open INTEGER NOT NULL,
    deadline INTEGER,
    created_at INTEGER NOT NULL,
    json TEXT NOT NULL
  );
  CREATE INDEX invitations_due ON invitations (open, deadline);
  CREATE TABLE invitation_parties (
    user TEXT NOT NULL,
    invite_id TEXT NOT NULL,
    PRIMARY KEY (user, invite_id)
  ) WITHOUT ROWID;
  CREATE INDEX invitation_parties_by_invite ON invitation_parties (invite_id);

  CREATE TABLE events (
    user TEXT NOT NULL,
    pos INTEGER NOT NULL,
    at INTEGER NOT NULL,
    json TEXT NOT NULL,
    PRIMARY KEY (user, pos)
  ) WITHOUT ROWID;
  CREATE INDEX events_by_time ON events (at);
  CREATE TABLE event_heads (user TEXT PRIMARY KEY, last_pos INTEGER NOT NULL) WITHOUT ROWID;

  CREATE TABLE files (
    file_id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    json TEXT NOT NULL
  );
  `,
  // 2: a message's events are references to its row, not a copy of its JSON per recipient
  // (sqlite-event-log.ts). Messages get an explicit integer id (a plain rowid may change on
  // VACUUM) that events name; old events keep their JSON; a recall keeps the original text.
  `
  CREATE TABLE messages_v2 (
    id INTEGER PRIMARY KEY,
    server_id TEXT NOT NULL UNIQUE,
    key TEXT NOT NULL,
    seq INTEGER NOT NULL,
    from_user TEXT NOT NULL,
    local_id TEXT NOT NULL,
    excluded INTEGER NOT NULL,
    json TEXT NOT NULL,
    UNIQUE (from_user, local_id)
  );
  INSERT INTO messages_v2 (id, server_id, key, seq, from_user, local_id, excluded, json)
    SELECT rowid, server_id, key, seq, from_user, local_id, excluded, json FROM messages ORDER BY rowid;
  DROP TABLE messages;
  ALTER TABLE messages_v2 RENAME TO messages;
  CREATE INDEX messages_by_key_seq ON messages (key, seq);

  CREATE TABLE message_originals (msg INTEGER PRIMARY KEY, json TEXT NOT NULL);

  CREATE TABLE events_v2 (
    user TEXT NOT NULL,
    pos INTEGER NOT NULL,
    at INTEGER NOT NULL,
    msg INTEGER,
    unread INTEGER,
    json TEXT,
    PRIMARY KEY (user, pos),
    CHECK ((msg IS NULL) <> (json IS NULL))
  ) WITHOUT ROWID;
  INSERT INTO events_v2 (user, pos, at, json) SELECT user, pos, at, json FROM events;
  DROP TABLE events;
  ALTER TABLE events_v2 RENAME TO events;
  CREATE INDEX events_by_time ON events (at);
  `,
  // 3: no time index on events: it was a second b-tree insert per delivered event, for a prune
  // that runs hourly. Pruning by age walks each user's log from its oldest event instead
  // (positions grow with time), see SqliteEventLog.pruneBefore.
  `
  DROP INDEX events_by_time;
  `,
  // 4: the conversation list is paged by (updated_at, key) over visible states, and its unread
  // total summed, from one index (no JSON read per conversation).
  `
  ALTER TABLE conversation_states ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE conversation_states ADD COLUMN unread INTEGER NOT NULL DEFAULT 0;
  UPDATE conversation_states SET
    hidden = CASE WHEN json_extract(json, '$.hidden') THEN 1 ELSE 0 END,
    unread = json_extract(json, '$.unread');
  DROP INDEX conversation_states_by_user;
  CREATE INDEX conversation_states_listed ON conversation_states (user, hidden, updated_at DESC, key, unread);
  `,
  // 5: pinned messages per conversation (a short JSON list per conversation key).
  `
  CREATE TABLE pins (key TEXT PRIMARY KEY, json TEXT NOT NULL) WITHOUT ROWID;
  `,
  // 6: people and search (sqlite-people-storage.ts). Profiles with the folded strings they are
  // found by (name, its words, the id) for prefix search; text messages in an FTS5 trigram index
  // (finds any substring of 3+ characters, Chinese and emoji included), kept by triggers so that a
  // recall (or any update to a non-text body) drops the message from the index.
  `
  CREATE TABLE profiles (user TEXT PRIMARY KEY, name_key TEXT NOT NULL, json TEXT NOT NULL) WITHOUT ROWID;
  CREATE TABLE profile_terms (term TEXT NOT NULL, user TEXT NOT NULL, PRIMARY KEY (term, user)) WITHOUT ROWID;
  CREATE INDEX profile_terms_by_user ON profile_terms (user);

  CREATE VIRTUAL TABLE message_search USING fts5(text, content='', contentless_delete=1, tokenize='trigram');
  -- Each indexed message's conversation and seq, small enough to stay in the page cache: a
  -- search filters the index's candidates by conversation without reading message rows.
  CREATE TABLE message_search_keys (id INTEGER PRIMARY KEY, key TEXT NOT NULL, seq INTEGER NOT NULL);
  INSERT INTO message_search (rowid, text)
    SELECT id, json_extract(json, '$.message.body.msg') FROM messages WHERE json_extract(json, '$.message.body.type') = 'txt';
  INSERT INTO message_search_keys (id, key, seq)
    SELECT id, key, seq FROM messages WHERE json_extract(json, '$.message.body.type') = 'txt';
  CREATE TRIGGER message_search_insert AFTER INSERT ON messages
    WHEN json_extract(new.json, '$.message.body.type') = 'txt'
  BEGIN
    INSERT INTO message_search (rowid, text) VALUES (new.id, json_extract(new.json, '$.message.body.msg'));
    INSERT INTO message_search_keys (id, key, seq) VALUES (new.id, new.key, new.seq);
  END;
  CREATE TRIGGER message_search_update AFTER UPDATE OF json ON messages
  BEGIN
    DELETE FROM message_search WHERE rowid = old.id;
    DELETE FROM message_search_keys WHERE id = old.id;
    INSERT INTO message_search (rowid, text)
      SELECT new.id, json_extract(new.json, '$.message.body.msg') WHERE json_extract(new.json, '$.message.body.type') = 'txt';
    INSERT INTO message_search_keys (id, key, seq)
      SELECT new.id, new.key, new.seq WHERE json_extract(new.json, '$.message.body.type') = 'txt';
  END;
  CREATE TRIGGER message_search_delete AFTER DELETE ON messages
  BEGIN
    DELETE FROM message_search WHERE rowid = old.id;
    DELETE FROM message_search_keys WHERE id = old.id;
  END;
  `,
  // 7: message search by words (sqlite-word-index-migrations.ts).
  WORD_INDEX,
  // 8: each user's read position in each thread they follow (thread-read-storage.ts); the unread
  // count is counted from the thread's messages, never stored.
  `
  CREATE TABLE thread_reads (root TEXT NOT NULL, user TEXT NOT NULL, read_seq INTEGER NOT NULL, PRIMARY KEY (root, user)) WITHOUT ROWID;
  `,
  // 9: Web Push subscriptions (sqlite-push-storage.ts), one per (user, device); an endpoint
  // reaches one device, so it is unique too.
  `
  CREATE TABLE push_subscriptions (
    user_id TEXT NOT NULL,
    device TEXT NOT NULL,
    endpoint TEXT NOT NULL UNIQUE,
    p256dh TEXT NOT NULL,
    auth TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, device)
  );
  `,
  // 10: a CJK name is found by any contiguous run of it (search-text.ts profileTerms): the terms of
  // profiles stored before are added (natter_profile_terms is registered with the search words).
  `
  INSERT OR IGNORE INTO profile_terms (term, user)
    SELECT t.value, p.user FROM profiles p, json_each(natter_profile_terms(p.json)) t;
  `,
  // 11 to 13: the word index filled after the commit, by conversation, and the list of its words
  // (sqlite-word-index-migrations.ts).
  WORD_INDEX_AFTER_COMMIT,
  WORD_INDEX_BY_CONVERSATION,
  WORD_LIST,
  // 14: search keys written by the indexer, off the commit (sqlite-word-index-migrations.ts).
  SEARCH_KEYS_AFTER_COMMIT,
  // 15: how far each user cleared each conversation's history, in a column: a search over all of a
  // user's conversations reads it instead of every state's JSON.
  `
  ALTER TABLE conversation_states ADD COLUMN cleared_seq INTEGER NOT NULL DEFAULT 0;
  UPDATE conversation_states SET cleared_seq = json_extract(json, '$.clearedSeq')
    WHERE json_extract(json, '$.clearedSeq') > 0;
  `,
];

/** Applies the migrations the database has not seen yet, each in its own transaction. */
export function migrate(db: Database.Database, migrations: readonly string[] = MIGRATIONS): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new Error(
      `database schema version ${current} is newer than this server (${migrations.length}); upgrade natter`,
    );
  }
  for (let v = current; v < migrations.length; v++) {
    const sql = migrations[v]!;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
  return migrations.length;
}

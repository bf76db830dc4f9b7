// Owns `natter migrate-db --from x.sqlite --to postgres://…`: copies a
// single-node installation into an empty PostgreSQL database in one
// transaction (all or nothing): messages (as they are now, recalls
// included), seq counters, conversation states (unread, read markers),
// receipts, groups and members, rooms, blocklists, invitations with their
// parties, file metadata (the bytes stay in the files directory), pins,
// profiles with their search terms, thread read positions, Web Push
// subscriptions, and every user's event log with its positions (message
// events rebuilt as the SQLite log shows them), so devices resume where they
// were. COPIED_TABLES and DERIVED_TABLES name every SQLite table: a test fails
// when a migration adds one that neither copies nor explains.
import pg from 'pg';
import type { ChatEvent } from '../protocol/frames';
import type { GroupInfo } from '../protocol/entities';
import { isInvitationOpen, type Invitation } from '../protocol/invitation';
import type { MessageRecord } from '../server/storage';
import { migratePg } from './pg-migrations';
import { fillSearchLexemes, searchIndexOf } from './pg-search';
import { SqliteStorage } from './sqlite-storage';

export interface MigrateReport {
  messages: number;
  conversationStates: number;
  receipts: number;
  groups: number;
  rooms: number;
  invitations: number;
  files: number;
  pins: number;
  profiles: number;
  threadReads: number;
  pushSubscriptions: number;
  events: number;
  users: number;
}

const BATCH = 1000;

/** The SQLite tables copied, row for row (events rebuilt through the event log). */
export const COPIED_TABLES: readonly string[] = [
  'messages',
  'seqs',
  'conversation_states',
  'receipts',
  'groups',
  'group_members',
  'rooms',
  'blocklists',
  'invitations',
  'invitation_parties',
  'pins',
  'profiles',
  'profile_terms',
  'files',
  'thread_reads',
  'push_subscriptions',
  'events',
  'event_heads',
];

/**
 * SQLite tables with nothing to copy: the search indexes PostgreSQL builds from the messages'
 * index words (and the list of those words, its search_lexemes), and recalled messages'
 * originals, which live on in the events rebuilt from them.
 */
export const DERIVED_TABLES: readonly string[] = [
  'message_originals',
  'message_search_keys',
  'message_words',
  'message_word_list',
];

/** PostgreSQL tables filled from the copied ones: the words the search index holds (pg-search.ts). */
export const PG_DERIVED_TABLES: readonly string[] = ['search_lexemes'];

export async function migrateSqliteToPostgres(from: string, to: string): Promise<MigrateReport> {
  // Not exclusive: the file is only read (a running server keeps its owner lock; stop it first).
  const source = new SqliteStorage({ path: from, exclusive: false });
  const client = new pg.Client({ connectionString: to });
  await client.connect();
  try {
    await migratePg(client);
    const existing = await client.query('SELECT 1 FROM messages LIMIT 1');
    const heads = await client.query('SELECT 1 FROM event_heads LIMIT 1');
    if (existing.rowCount || heads.rowCount)
      throw new Error('the target database already holds natter data; migrate into an empty one');
    await client.query('BEGIN');
    const report = await copy(source, client);
    await client.query('COMMIT');
    return report;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    await client.end();
    source.close();
  }
}

type Rows = Record<string, unknown>[];

async function copy(source: SqliteStorage, client: pg.Client): Promise<MigrateReport> {
  const db = source.db;
  const all = (sql: string): Rows => db.prepare(sql).all() as Rows;
  /** Inserts `rows` in batches through unnest of one array per column. */
  const insert = async (table: string, columns: string[], types: string[], rows: unknown[][]): Promise<void> => {
    for (let i = 0; i < rows.length; i += BATCH) {
      const chunk = rows.slice(i, i + BATCH);
      const arrays = columns.map((_, c) => chunk.map((r) => r[c]));
      const params = types.map((t, c) => `$${c + 1}::${t}[]`).join(', ');
      await client.query(`INSERT INTO ${table} (${columns.join(', ')}) SELECT * FROM unnest(${params})`, arrays);
    }
  };

  const messages = all('SELECT server_id, key, seq, from_user, local_id, excluded, json FROM messages ORDER BY id');
  await insert(
    'messages',
    ['server_id', 'key', 'seq', 'from_user', 'local_id', 'excluded', 'json', 'search_words'],
    ['text', 'text', 'bigint', 'text', 'text', 'boolean', 'text', 'tsvector'],
    messages.map((m) => [
      m.server_id,
      m.key,
      m.seq,
      m.from_user,
      m.local_id,
      m.excluded === 1,
      m.json,
      searchIndexOf(m.key as string, (JSON.parse(m.json as string) as MessageRecord).message)?.vector ?? null,
    ]),
  );
  await fillSearchLexemes(client);
  await insert(
    'seqs',
    ['key', 'last'],
    ['text', 'bigint'],
    all('SELECT key, last FROM seqs').map((r) => [r.key, r.last]),
  );
  const states = all('SELECT user, key, updated_at, hidden, unread, cleared_seq, json FROM conversation_states');
  await insert(
    'conversation_states',
    ['user_id', 'key', 'updated_at', 'hidden', 'unread', 'cleared_seq', 'json'],
    ['text', 'text', 'bigint', 'boolean', 'bigint', 'bigint', 'text'],
    states.map((r) => [r.user, r.key, r.updated_at, r.hidden === 1, r.unread, r.cleared_seq, r.json]),
  );
  const receipts = all('SELECT server_id, user, kind, at FROM receipts ORDER BY id');
  await insert(
    'receipts',
    ['server_id', 'user_id', 'kind', 'at'],
    ['text', 'text', 'text', 'bigint'],
    receipts.map((r) => [r.server_id, r.user, r.kind, r.at]),
  );

  const groups = all('SELECT group_id, created_at, json FROM groups');
  await insert(
    'groups',
    ['group_id', 'created_at', 'json'],
    ['text', 'bigint', 'text'],
    groups.map((r) => [r.group_id, r.created_at, r.json]),
  );
  const members = groups.flatMap((r) =>
    [...new Set((JSON.parse(r.json as string) as GroupInfo).members)].map((u) => [u, r.group_id]),
  );
  await insert('group_members', ['user_id', 'group_id'], ['text', 'text'], members);
  const rooms = all('SELECT room_id, created_at, json FROM rooms');
  await insert(
    'rooms',
    ['room_id', 'created_at', 'json'],
    ['text', 'bigint', 'text'],
    rooms.map((r) => [r.room_id, r.created_at, r.json]),
  );
  await insert(
    'blocklists',
    ['user_id', 'json'],
    ['text', 'text'],
    all('SELECT user, json FROM blocklists').map((r) => [r.user, r.json]),
  );

  const invitations = all('SELECT invite_id, created_at, json FROM invitations').map(
    (r) => JSON.parse(r.json as string) as Invitation,
  );
  await insert(
    'invitations',
    ['invite_id', 'open', 'deadline', 'created_at', 'json'],
    ['text', 'boolean', 'bigint', 'bigint', 'text'],
    invitations.map((i) => [i.inviteId, isInvitationOpen(i), i.deadline, i.createdAt, JSON.stringify(i)]),
  );
  const parties = invitations.flatMap((i) => [...new Set([i.inviter, ...i.invitees])].map((u) => [u, i.inviteId]));
  await insert('invitation_parties', ['user_id', 'invite_id'], ['text', 'text'], parties);
  const pins = all('SELECT key, json FROM pins');
  await insert(
    'pins',
    ['key', 'json'],
    ['text', 'text'],
    pins.map((r) => [r.key, r.json]),
  );
  const profiles = all('SELECT user, name_key, json FROM profiles');
  await insert(
    'profiles',
    ['user_id', 'name_key', 'json'],
    ['text', 'text', 'text'],
    profiles.map((r) => [r.user, r.name_key, r.json]),
  );
  await insert(
    'profile_terms',
    ['term', 'user_id'],
    ['text', 'text'],
    all('SELECT term, user FROM profile_terms').map((r) => [r.term, r.user]),
  );
  const threadReads = all('SELECT root, user, read_seq FROM thread_reads');
  await insert(
    'thread_reads',
    ['root', 'user_id', 'read_seq'],
    ['text', 'text', 'bigint'],
    threadReads.map((r) => [r.root, r.user, r.read_seq]),
  );
  const subscriptions = all('SELECT user_id, device, endpoint, p256dh, auth, created_at FROM push_subscriptions');
  await insert(
    'push_subscriptions',
    ['user_id', 'device', 'endpoint', 'p256dh', 'auth', 'created_at'],
    ['text', 'text', 'text', 'text', 'text', 'bigint'],
    subscriptions.map((r) => [r.user_id, r.device, r.endpoint, r.p256dh, r.auth, r.created_at]),
  );
  const files = all('SELECT file_id, owner, created_at, json FROM files');
  await insert(
    'files',
    ['file_id', 'owner', 'created_at', 'json'],
    ['text', 'text', 'bigint', 'text'],
    files.map((r) => [r.file_id, r.owner, r.created_at, r.json]),
  );

  // Event logs: positions kept (and each user's head, which pruning never lowers).
  const users = all('SELECT user FROM events UNION SELECT user FROM event_heads').map((r) => r.user as string);
  let events = 0;
  for (const user of users) {
    const last = source.lastEventPosition(user);
    await client.query('INSERT INTO event_heads (user_id, last_pos) VALUES ($1, $2)', [user, last]);
    for (let after = source.firstEventPosition(user) - 1; after < last;) {
      const batch = source.readEvents(user, after, BATCH);
      if (batch.length === 0) break;
      await insert(
        'events',
        ['user_id', 'pos', 'at', 'json'],
        ['text', 'bigint', 'bigint', 'text'],
        batch.map((e) => [user, e.pos, e.at, JSON.stringify(e.event satisfies ChatEvent)]),
      );
      events += batch.length;
      after = batch[batch.length - 1]!.pos;
    }
  }
  return {
    messages: messages.length,
    conversationStates: states.length,
    receipts: receipts.length,
    groups: groups.length,
    rooms: rooms.length,
    invitations: invitations.length,
    files: files.length,
    pins: pins.length,
    profiles: profiles.length,
    threadReads: threadReads.length,
    pushSubscriptions: subscriptions.length,
    events,
    users: users.length,
  };
}

// `natter migrate-db --from x.sqlite --to postgres://…` moves a single-node
// installation to PostgreSQL with nothing lost: after real use of a SQLite
// server (messages, a recall, receipts, unread, a deleted conversation,
// groups, a room, a blocklist, open and answered invitations, a file, a pin,
// a profile, a thread with read positions, a mute, push subscriptions), every record
// the core reads is the same through PgStorage as through the SQLite file,
// event logs keep their positions, and a device resumes on PostgreSQL where it
// left off on SQLite. Every SQLite table is either copied or derived.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/node/cli';
import { COPIED_TABLES, DERIVED_TABLES, PG_DERIVED_TABLES } from '../../../src/node/migrate-db';
import { openPgStorage } from '../../../src/node/pg-storage';
import { SqliteStorage } from '../../../src/node/sqlite-storage';
import { createEmbeddedServer } from '../../../src/server/embedded-server';
import type { Storage } from '../../../src/server/storage';
import { asyncStorage } from '../../../src/server/sync-storage-adapter';
import { localId, login } from '../../server/raw-client';
import { freshDatabase } from './support/cluster';
import { usePostgres } from './support/services';

const postgresOfFile = usePostgres();
const dir = mkdtempSync(join(tmpdir(), 'natter-migrate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const { Client } = pg;
const text = (msg: string) => ({ type: 'txt' as const, msg });
const USERS = ['alice', 'bob', 'carol'];

/** Everything the core can read back for these users, through the Storage contract. */
async function snapshot(s: Storage, roots: readonly string[]) {
  const out: Record<string, unknown> = {};
  for (const u of USERS) {
    const states = await s.listConversationStates(u);
    out[`states:${u}`] = states;
    for (const st of states) {
      const messages = await s.listMessages(st.key, { limit: 1000 });
      out[`messages:${st.key}`] = messages;
      out[`seq:${st.key}`] = await s.lastSeq(st.key);
      for (const m of messages) {
        out[`read:${m.serverId}`] = await s.listReceipts(m.serverId, 'read');
        out[`delivered:${m.serverId}`] = await s.listReceipts(m.serverId, 'delivered');
        out[`local:${m.serverId}`] = (await s.getMessageByLocalId(m.from, m.localId))?.message.serverId;
      }
    }
    out[`events:${u}`] = await s.readEvents(u, 0, 10_000);
    out[`last:${u}`] = await s.lastEventPosition(u);
    out[`first:${u}`] = await s.firstEventPosition(u);
    out[`groups:${u}`] = await s.listGroupsOf(u);
    out[`blocklist:${u}`] = await s.getBlocklist(u);
    out[`invitations:${u}`] = await s.listOpenInvitations(u);
    out[`push:${u}`] = await s.listPushSubscriptions(u);
  }
  for (const root of roots) out[`threadReads:${root}`] = await s.listThreadReads(root);
  out.profiles = await s.getProfiles(USERS);
  out.rooms = await s.listRooms();
  out.nextDeadline = await s.nextInvitationDeadline();
  return out;
}

describe('natter migrate-db', () => {
  it('copies a used SQLite database into an empty PostgreSQL one with nothing lost, and refuses a non-empty target', async () => {
    const path = join(dir, 'natter.sqlite');
    const sqlite = new SqliteStorage({ path });
    const server = createEmbeddedServer({ storage: sqlite });
    const alice = await login(server.connect(), 'alice');
    const bob = await login(server.connect(), 'bob', { device: 'b1' });
    const carol = await login(server.connect(), 'carol');
    const m1 = await alice.ok('send', { localId: localId(), to: 'bob', chatType: 'single', body: text('one') });
    const m2 = await alice.ok('send', { localId: localId(), to: 'bob', chatType: 'single', body: text('two') });
    await alice.ok('send', { localId: localId(), to: 'bob', chatType: 'single', body: text('three') });
    await alice.ok('recall', { serverId: m2.message.serverId });
    await bob.ok('delivered', { serverIds: [m1.message.serverId] });
    await bob.ok('read', { serverId: m1.message.serverId });
    await alice.ok('group.create', { groupId: 'g1', name: 'G', members: ['bob', 'carol'] });
    const g = await alice.ok('send', {
      localId: localId(),
      to: 'g1',
      chatType: 'group',
      body: text('hi group'),
      config: { allowGroupAck: true },
    });
    await carol.ok('read', { serverId: g.message.serverId });
    await carol.ok('ack', { conversation: 'group:g1' });
    await carol.ok('room.create', { roomId: 'r1', name: 'R' });
    await carol.ok('block', { user: 'alice' });
    await alice.ok('sig.invite', { invitees: ['bob'], timeout: 3600 });
    const answered = await alice.ok('sig.invite', { groupId: 'g1', invitees: ['bob', 'carol'], timeout: 60 });
    await bob.ok('sig.accept', { inviteId: answered.invitation.inviteId });
    await bob.ok('deleteConversation', { conversation: 'single:alice', deleteHistory: false });
    await bob.sync();
    const bobSeen = bob.lastPos();
    await server.core.putFile('alice', { name: 'a.txt', mime: 'text/plain', bytes: new TextEncoder().encode('hello') });
    await alice.ok('send', { localId: localId(), to: 'bob', chatType: 'single', body: text('after bob left') });
    // Pins, a profile, a thread bob has read, and push subscriptions (stored as the push route stores them).
    await alice.ok('pin', { serverId: m1.message.serverId });
    await bob.ok('profile.set', { name: 'Bob B.' });
    const root = g.message.serverId;
    await carol.ok('send', {
      localId: localId(),
      to: 'g1',
      chatType: 'group',
      body: text('in thread'),
      threadOf: root,
    });
    await bob.ok('threadAck', { serverId: root });
    await carol.ok('mute', { conversation: 'group:g1' });
    const sub = (user: string, device: string, n: number) => ({
      user,
      device,
      endpoint: `https://push.example/${n}`,
      p256dh: `key${n}`,
      auth: `auth${n}`,
      createdAt: 1_700_000_000_000 + n,
    });
    sqlite.putPushSubscription(sub('alice', 'a1', 1));
    sqlite.putPushSubscription(sub('alice', 'a2', 2));
    sqlite.putPushSubscription(sub('bob', 'b1', 3));
    await server.core.close();
    const before = await snapshot(asyncStorage(sqlite), [root]);
    expect(before['push:alice']).toHaveLength(2);
    expect(before[`threadReads:${root}`]).toHaveLength(3);
    expect(before['states:carol']).toContainEqual(expect.objectContaining({ id: 'group:g1', mute: {} }));
    expect(before.profiles).toContainEqual(
      expect.objectContaining({ profile: expect.objectContaining({ name: 'Bob B.' }) }),
    );
    sqlite.close();

    const url = await freshDatabase(postgresOfFile.postgres);
    const out: string[] = [];
    const io = { out: (t: string) => void out.push(t), err: (t: string) => void out.push(t), env: {} };
    expect(await runCli(['migrate-db', '--from', path, '--to', url], io)).toBe(0);
    // 4 single-chat texts, 1 group text and its thread reply, 3 invitation steps (2 invites, 1 accept).
    expect(out.join('')).toMatch(/migrated .*"messages":9/);
    expect(out.join('')).toMatch(/"threadReads":3,"pushSubscriptions":3/);

    const pg = await openPgStorage({ url });
    try {
      expect(await snapshot(pg, [root])).toEqual(before);
      const reopened = new SqliteStorage({ path, exclusive: false });
      // Every SQLite table (but SQLite's own and the FTS5 indexes' shadow tables) is copied or derived,
      // and every PostgreSQL table is filled (the copied ones and the search words derived from them).
      const master = reopened.db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table'").all() as {
        name: string;
        sql: string;
      }[];
      const virtual = master.filter((t) => t.sql.startsWith('CREATE VIRTUAL TABLE')).map((t) => t.name);
      const sqliteTables = master
        .map((t) => t.name)
        .filter((n) => !n.startsWith('sqlite_') && !virtual.some((v) => n.startsWith(`${v}_`)));
      expect(sqliteTables.sort()).toEqual([...COPIED_TABLES, ...DERIVED_TABLES].sort());
      const target = new Client({ connectionString: url });
      await target.connect();
      const pgTables = await target.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'natter_schema'",
      );
      await target.end();
      expect(pgTables.rows.map((r) => r.table_name).sort()).toEqual([...COPIED_TABLES, ...PG_DERIVED_TABLES].sort());
      const files = reopened.db.prepare('SELECT file_id FROM files').all() as { file_id: string }[];
      expect(files).toHaveLength(1);
      expect(await pg.getFile(files[0]!.file_id)).toEqual(reopened.getFile(files[0]!.file_id));
      reopened.close();

      // A device that was on the SQLite server resumes on PostgreSQL where it left off.
      const cluster = createEmbeddedServer({ storage: pg });
      const back = await login(cluster.connect(), 'bob', { device: 'b1', resume: bobSeen });
      expect(back.welcome).toMatchObject({ resumed: true, reset: false });
      await back.nextEvent('message');
      await back.sync();
      expect(back.eventsOf('message').map((e) => (e.message.body.type === 'txt' ? e.message.body.msg : ''))).toEqual([
        'after bob left',
      ]);
      await cluster.core.close();

      expect(await runCli(['migrate-db', '--from', path, '--to', url], io)).toBe(2);
      expect(out.join('')).toMatch(/already holds natter data/);
    } finally {
      await pg.close();
    }
  });
});

// A page of the conversation list read by SqliteStorage in one go on its
// reader thread: the same states, last seqs, last messages (as JSON text) and
// unread total as the writer's reads one by one (an edited last message as
// edited, one that is gone as none), and a row in another layout read right.
import { describe, expect, it } from 'vitest';
import { messageJsonOfRow } from '../../src/node/sqlite-messages';
import type { SqliteStorage } from '../../src/node/sqlite-storage';
import type { ConversationStateRecord } from '../../src/server/storage';
import { useTempSqlite } from './support/temp-sqlite';
import { groupState, message, rec } from './storage-contract';

const { tempDb, open } = useTempSqlite('natter-sqlite-page-');

/** Alice in groups g0..g(n-1), each with one message (g(i) last updated at 100 + i, unread i). */
function seed(s: SqliteStorage, n: number): ConversationStateRecord[] {
  const states: ConversationStateRecord[] = [];
  s.transaction(() => {
    for (let i = 0; i < n; i++) {
      const key = `group:g${i}`;
      const m = message(1, { serverId: `m${i}`, localId: `l${i}`, to: `g${i}`, chatType: 'group' });
      s.nextSeq(key);
      s.insertMessage(rec(m, key));
      const state = groupState(`g${i}`, { updatedAt: 100 + i, unread: i, lastServerId: `m${i}` });
      s.putConversationState(state);
      states.push(state);
    }
  });
  return states;
}

describe('SqliteStorage conversation pages', () => {
  it('reads a page in one go with the last seq, the last message as JSON and the unread total', async () => {
    const s = open(tempDb());
    seed(s, 5);
    const page = await s.conversationPageInBackground('alice', { limit: 3 }, true);
    expect(page.states.map((x) => x.target)).toEqual(['g4', 'g3', 'g2']);
    expect(page.states).toEqual(s.listConversationPage('alice', { limit: 3 }));
    expect(page.lastSeqs).toEqual([1, 1, 1]);
    expect(page.lastMessages).toEqual(['m4', 'm3', 'm2'].map((id) => JSON.stringify(s.getMessage(id)!.message)));
    expect(page.unreadTotal).toBe(0 + 1 + 2 + 3 + 4);

    const tail = page.states[2]!;
    const next = await s.conversationPageInBackground(
      'alice',
      { after: { updatedAt: tail.updatedAt, key: tail.key }, limit: 3 },
      false,
    );
    expect(next.states.map((x) => x.target)).toEqual(['g1', 'g0']);
    expect(next.unreadTotal).toBeUndefined();
  });

  it('shows an edited last message as edited, and none where the named message is gone', async () => {
    const s = open(tempDb());
    const [g0] = seed(s, 2);
    const edited = { ...s.getMessage('m1')!.message, body: { type: 'txt' as const, msg: 'changed "quoted" ✓' } };
    s.updateMessage(edited);
    s.putConversationState({ ...g0!, lastServerId: 'gone' });
    const page = await s.conversationPageInBackground('alice', { limit: 5 }, false);
    expect(page.states.map((x) => x.target)).toEqual(['g1', 'g0']);
    expect(JSON.parse(page.lastMessages[0]!)).toEqual(edited);
    expect(page.lastMessages[1]).toBeNull();
  });

  it('reads inside a transaction on the writer, seeing its own writes', async () => {
    const s = open(tempDb());
    seed(s, 1);
    s.db.exec('BEGIN');
    s.putConversationState(groupState('new', { updatedAt: 999 }));
    const page = await s.conversationPageInBackground('alice', { limit: 5 }, true);
    s.db.exec('ROLLBACK');
    expect(page.states.map((x) => x.target)).toEqual(['new', 'g0']);
    expect(page.lastMessages).toEqual([null, JSON.stringify(s.getMessage('m0')!.message)]);
  });
});

describe('messageJsonOfRow', () => {
  const m = message(3, { body: { type: 'txt', msg: 'a "key":"x","message": inside' } });
  it('cuts the message out of a row written by the storage without parsing it', () => {
    const row = `{"key":${JSON.stringify('single:a"b|c')},"message":${JSON.stringify(m)}}`;
    expect(messageJsonOfRow(row, 'single:a"b|c')).toBe(JSON.stringify(m));
  });
  it('parses a row in another layout', () => {
    const row = JSON.stringify({ message: m, key: 'single:alice|bob' });
    expect(JSON.parse(messageJsonOfRow(row, 'single:alice|bob'))).toEqual(m);
    const spaced = JSON.stringify({ key: 'single:alice|bob', message: m }, null, 1);
    expect(JSON.parse(messageJsonOfRow(spaced, 'single:alice|bob'))).toEqual(m);
  });
});

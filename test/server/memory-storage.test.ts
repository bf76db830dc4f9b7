import { describe, expect, it } from 'vitest';
import { MemoryStorage } from '../../src/server/memory-storage';
import type { Message } from '../../src/protocol/message';

const msg = (serverId: string, seq: number, localId = serverId): Message => ({
  serverId,
  localId,
  from: 'a',
  to: 'b',
  chatType: 'single',
  seq,
  ts: seq,
  body: { type: 'txt', msg: serverId },
});

describe('MemoryStorage', () => {
  it('rolls back every write of a transaction that throws, and keeps those that commit', () => {
    const s = new MemoryStorage();
    s.transaction(() => {
      s.insertMessage({ key: 'k', message: msg('m1', s.nextSeq('k')) });
      s.appendEvent('a', { type: 'blocklist', blocked: [] }, 1);
    });
    expect(() =>
      s.transaction(() => {
        s.insertMessage({ key: 'k', message: msg('m2', s.nextSeq('k')) });
        s.appendEvent('a', { type: 'blocklist', blocked: ['x'] }, 2);
        s.setBlocklist('a', ['x']);
        s.updateMessage({ ...msg('m1', 1), body: { type: 'recalled', recalledAt: 2, by: 'a' } });
        s.transaction(() =>
          s.putGroup({
            groupId: 'g',
            name: 'g',
            desc: '',
            owner: 'a',
            admins: [],
            members: ['a'],
            public: false,
            approval: false,
            allowInvites: false,
            whitelistOnly: false,
            whitelist: [],
            muted: {},
            createdAt: 0,
          }),
        );
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(s.lastSeq('k')).toBe(1);
    expect(s.getMessage('m2')).toBeNull();
    expect(s.getMessageByLocalId('a', 'm2')).toBeNull();
    expect(s.listMessages('k', { limit: 10 }).map((m) => m.body)).toEqual([{ type: 'txt', msg: 'm1' }]);
    expect(s.lastEventPosition('a')).toBe(1);
    expect(s.getBlocklist('a')).toEqual([]);
    expect(s.getGroup('g')).toBeNull();
  });

  it('refuses a second message with the same (from, localId)', () => {
    const s = new MemoryStorage();
    s.insertMessage({ key: 'k', message: msg('m1', 1, 'same') });
    expect(() => s.insertMessage({ key: 'k', message: msg('m2', 2, 'same') })).toThrow();
  });

  it('hands out copies, so callers cannot corrupt stored records', () => {
    const s = new MemoryStorage();
    s.insertMessage({ key: 'k', message: msg('m1', 1) });
    const got = s.getMessage('m1')!;
    got.message.from = 'mallory';
    expect(s.getMessage('m1')?.message.from).toBe('a');
  });

  it('keeps event positions after pruning and reads from a position', () => {
    const s = new MemoryStorage();
    for (let i = 0; i < 5; i++) s.appendEvent('u', { type: 'blocklist', blocked: [String(i)] }, i);
    s.pruneEvents('u', 2);
    expect(s.firstEventPosition('u')).toBe(3);
    expect(s.readEvents('u', 3, 10).map((e) => e.pos)).toEqual([4, 5]);
    s.pruneEventsBefore(100);
    expect(s.firstEventPosition('u')).toBe(6);
    expect(s.appendEvent('u', { type: 'blocklist', blocked: [] }, 101)).toBe(6);
  });
});

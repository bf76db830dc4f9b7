// The PeopleStorage part of the Storage contract (people-storage.ts) as
// executable expectations, run against MemoryStorage and SqliteStorage:
// profiles and their prefix search, and message search with Chinese, emoji
// and mixed text, recalled messages dropped, cleared history, paging, and
// what changes after a conversation was first searched (stored, edited,
// recalled, rolled back) found or not found the same way.
import { describe, expect, it } from 'vitest';
import type { Message } from '../../src/protocol/message';
import type { ProfileRecord } from '../../src/server/people-storage';
import { queryTerms } from '../../src/server/search-text';
import type { SyncStorage } from '../../src/server/storage';
import { KEY, message, rec } from './storage-contract';

export function profile(user: string, name: string): ProfileRecord {
  return { profile: { user, name, updatedAt: 1 }, hidePresence: false, lastSeen: null };
}

const text = (seq: number, msg: string, over: Partial<Message> = {}): Message =>
  message(seq, { body: { type: 'txt', msg }, ...over });

function found(s: SyncStorage, query: string, scopes = [{ key: KEY, afterSeq: 0 }], limit = 50): string[] {
  const r = s.searchMessages({ terms: queryTerms(query), scopes, limit });
  return r.rows.map((row) => (row.message.body.type === 'txt' ? row.message.body.msg : row.message.body.type));
}

export function describePeopleStorageContract(name: string, make: () => SyncStorage): void {
  describe(`PeopleStorage contract: ${name}`, () => {
    it('keeps profiles by user and replaces them', () => {
      const s = make();
      s.putProfile(profile('alice', 'Alice'));
      s.putProfile({ ...profile('alice', 'Alice L.'), lastSeen: 5 });
      s.putProfile(profile('bob', 'Bob'));
      const got = s.getProfiles(['alice', 'nobody']);
      expect(got).toEqual([{ ...profile('alice', 'Alice L.'), lastSeen: 5 }]);
    });

    it('finds profiles by a folded prefix of the name, of a word, or of the id, ordered by name', () => {
      const s = make();
      s.putProfile(profile('u1', 'Robert Smith'));
      s.putProfile(profile('u2', '张三丰'));
      s.putProfile(profile('u3', 'Anna Roberts'));
      s.putProfile(profile('rob99', 'Zed'));
      const users = (prefix: string) => s.searchProfiles({ prefix, limit: 10 }).map((r) => r.profile.user);
      expect(users('rob')).toEqual(['u3', 'u1', 'rob99']);
      expect(users('smi')).toEqual(['u1']);
      expect(users('张三')).toEqual(['u2']);
      // A CJK name has no spaces: any contiguous run of it finds it (the given name 三丰).
      expect(users('三')).toEqual(['u2']);
      expect(users('三丰')).toEqual(['u2']);
      expect(users('丰')).toEqual(['u2']);
      expect(users('张丰')).toEqual([]);
      // A renamed user is no longer found by the old name.
      s.putProfile(profile('u1', 'Bobby'));
      expect(users('smi')).toEqual([]);
      expect(s.searchProfiles({ prefix: 'r', limit: 2 }).length).toBe(2);
    });

    it('finds a CJK name by any run of it, in a mixed name too, and forgets the runs of an old name', () => {
      const s = make();
      s.putProfile(profile('wang', '王小明'));
      s.putProfile(profile('tom', 'Tom 山田太郎'));
      s.putProfile(profile('kim', '김민준'));
      s.putProfile(profile('ming', 'Ming'));
      const users = (prefix: string) => s.searchProfiles({ prefix, limit: 10 }).map((r) => r.profile.user);
      expect(users('小明')).toEqual(['wang']);
      expect(users('明')).toEqual(['wang']);
      expect(users('王小')).toEqual(['wang']);
      expect(users('太郎')).toEqual(['tom']);
      expect(users('田太')).toEqual(['tom']);
      expect(users('tom 山田')).toEqual(['tom']);
      expect(users('민준')).toEqual(['kim']);
      expect(users('mi')).toEqual(['ming']);
      s.putProfile(profile('wang', '王大明'));
      expect(users('小明')).toEqual([]);
      expect(users('大明')).toEqual(['wang']);
    });

    it('finds words and word starts case-insensitively, and Chinese and emoji at any character', () => {
      const s = make();
      s.transaction(() => {
        s.insertMessage(rec(text(1, '明天下午开会讨论预算')));
        s.insertMessage(rec(text(2, '生日快乐🎂🎉 Party tonight')));
        s.insertMessage(rec(text(3, 'React组件库natter很好用')));
        s.insertMessage(rec(message(4, { body: { type: 'cmd', action: 'party' } })));
        s.insertMessage(rec(text(5, 'The deadline moved; e-mail the team')));
      });
      expect(found(s, 'dead')).toEqual(['The deadline moved; e-mail the team']);
      expect(found(s, 'line')).toEqual([]);
      expect(found(s, 'e-mail')).toEqual(['The deadline moved; e-mail the team']);
      expect(found(s, 'deadline;')).toEqual(['The deadline moved; e-mail the team']);
      expect(found(s, '开会')).toEqual(['明天下午开会讨论预算']);
      expect(found(s, '讨论预算')).toEqual(['明天下午开会讨论预算']);
      expect(found(s, '🎂')).toEqual(['生日快乐🎂🎉 Party tonight']);
      expect(found(s, 'PARTY')).toEqual(['生日快乐🎂🎉 Party tonight']);
      expect(found(s, '组件库NATTER')).toEqual(['React组件库natter很好用']);
      expect(found(s, 'natter 组件')).toEqual(['React组件库natter很好用']);
      expect(found(s, 'nothing like this')).toEqual([]);
    });

    it('drops a message from the index when it is recalled, keeps it when edited text still matches', () => {
      const s = make();
      s.transaction(() => {
        s.insertMessage(rec(text(1, 'secret plan')));
        s.insertMessage(rec(text(2, 'other plan')));
      });
      s.transaction(() => s.updateMessage({ ...text(1, ''), body: { type: 'recalled', recalledAt: 9, by: 'alice' } }));
      s.transaction(() => s.updateMessage(text(2, 'other plan, edited')));
      expect(found(s, 'plan')).toEqual(['other plan, edited']);
      expect(found(s, 'secret')).toEqual([]);
    });

    it("looks only in the scopes, after each scope's cleared seq, newest first, paged by cursor", () => {
      const s = make();
      s.transaction(() => {
        for (let i = 1; i <= 6; i++) s.insertMessage(rec(text(i, `needle ${i}`)));
        s.insertMessage(
          rec(text(1, 'needle elsewhere', { to: 'carol', localId: 'x1', serverId: 'x1' }), 'single:alice|carol'),
        );
      });
      expect(found(s, 'needle', [{ key: KEY, afterSeq: 2 }])).toEqual(['needle 6', 'needle 5', 'needle 4', 'needle 3']);
      const first = s.searchMessages({ terms: ['needle'], scopes: [{ key: KEY, afterSeq: 0 }], limit: 4 });
      expect(first.rows.map((r) => r.message.seq)).toEqual([6, 5, 4, 3]);
      const next = s.searchMessages({
        terms: ['needle'],
        scopes: [{ key: KEY, afterSeq: 0 }],
        before: first.rows[3]!.cursor,
        limit: 4,
      });
      expect(next.rows.map((r) => r.message.seq)).toEqual([2, 1]);
      expect(found(s, 'needle', [])).toEqual([]);
    });

    it('finds what changes after a first search: new, edited and recalled messages, nothing rolled back', async () => {
      const s = make();
      s.transaction(() => s.insertMessage(rec(text(1, 'first report'))));
      expect(await found(s, 'repo')).toEqual(['first report']);
      s.transaction(() => {
        s.insertMessage(rec(text(2, 'second report 报告')));
        s.insertMessage(rec(text(3, 'a reply, not it')));
      });
      expect(await found(s, 'repo')).toEqual(['second report 报告', 'first report']);
      expect(await found(s, 'report')).toEqual(['second report 报告', 'first report']);
      expect(await found(s, 'reports')).toEqual([]);
      expect(await found(s, '报告')).toEqual(['second report 报告']);
      s.transaction(() => s.updateMessage(text(1, 'first draft')));
      s.transaction(() => s.updateMessage({ ...text(2, ''), body: { type: 'recalled', recalledAt: 9, by: 'alice' } }));
      expect(await found(s, 'repo')).toEqual([]);
      expect(await found(s, 'draft')).toEqual(['first draft']);
      expect(() =>
        s.transaction(() => {
          s.insertMessage(rec(text(4, 'report that never was')));
          s.updateMessage(text(1, 'report over the draft'));
          throw new Error('rolled back');
        }),
      ).toThrow('rolled back');
      expect(await found(s, 'repo')).toEqual([]);
      expect(await found(s, 'draft')).toEqual(['first draft']);
      s.transaction(() => s.insertMessage(rec(text(4, 'report after all'))));
      expect(await found(s, 'rep')).toEqual(['report after all', 'a reply, not it']);
    });
  });
}

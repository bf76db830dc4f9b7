// SQLite writes a profile (the record and its search terms) and a push
// subscription (the endpoint moving to a device) whole, also when the core
// saves them outside its own transactions (last seen, subscribing): a failure
// part way through keeps what was stored before, still found as before; and
// inside the core's transaction they join it (its rollback undoes them).
import { describe, expect, it } from 'vitest';
import { profile } from './people-storage-contract';
import { subscription } from './push-storage-contract';
import { useTempSqlite } from './support/temp-sqlite';

const { tempDb, open } = useTempSqlite('natter-whole-writes-');

describe('SQLite writes that take several statements', () => {
  it('keeps the previous profile, found by its name, when saving its new search terms fails', () => {
    const s = open(tempDb());
    s.putProfile(profile('alice', 'Alice Liddell'));
    // The disk refuses the new name's terms half way through the save.
    s.db.exec(`CREATE TEMP TRIGGER refuse_term BEFORE INSERT ON profile_terms WHEN NEW.term LIKE 'wonder%'
      BEGIN SELECT RAISE(ABORT, 'disk refused the write'); END`);
    expect(() => s.putProfile(profile('alice', 'Wonder Alice'))).toThrow('disk refused the write');
    expect(s.getProfiles(['alice'])).toEqual([profile('alice', 'Alice Liddell')]);
    expect(s.searchProfiles({ prefix: 'liddell', limit: 5 }).map((r) => r.profile.name)).toEqual(['Alice Liddell']);
    s.db.exec('DROP TRIGGER refuse_term');
    s.putProfile(profile('alice', 'Wonder Alice'));
    expect(s.searchProfiles({ prefix: 'wonder', limit: 5 }).map((r) => r.profile.user)).toEqual(['alice']);
    expect(s.searchProfiles({ prefix: 'liddell', limit: 5 })).toEqual([]);
  });

  it('keeps a push endpoint on its device when moving it to another device fails', () => {
    const s = open(tempDb());
    s.putPushSubscription(subscription('alice', 'phone', 'https://push.test/1'));
    s.db.exec(`CREATE TEMP TRIGGER refuse_device BEFORE INSERT ON push_subscriptions WHEN NEW.device = 'laptop'
      BEGIN SELECT RAISE(ABORT, 'disk refused the write'); END`);
    expect(() => s.putPushSubscription(subscription('alice', 'laptop', 'https://push.test/1', 2))).toThrow(
      'disk refused the write',
    );
    expect(s.listPushSubscriptions('alice')).toEqual([subscription('alice', 'phone', 'https://push.test/1')]);
  });

  it("joins the core's transaction: its rollback undoes a profile and a subscription saved in it", () => {
    const s = open(tempDb());
    s.putProfile(profile('bob', 'Bob'));
    s.begin();
    s.putProfile(profile('bob', 'Robert'));
    s.putPushSubscription(subscription('bob', 'phone', 'https://push.test/2'));
    expect(s.searchProfiles({ prefix: 'robert', limit: 5 }).map((r) => r.profile.user)).toEqual(['bob']);
    s.rollback();
    expect(s.getProfiles(['bob'])).toEqual([profile('bob', 'Bob')]);
    expect(s.searchProfiles({ prefix: 'robert', limit: 5 })).toEqual([]);
    expect(s.listPushSubscriptions('bob')).toEqual([]);
  });
});

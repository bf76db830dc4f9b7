// @vitest-environment jsdom
// The roster and group invitations of the Easemob document's listener set
// (onRoster "处理好友申请", onInviteMessage "处理群组邀请") as natter maps
// them: contacts are the users one shares a single chat or a group with, a
// group invitation is a membership someone else already gave, and friend
// requests (which natter has none of) are refused with 4064.
import { afterEach, describe, expect, it } from 'vitest';
import {
  WebIM,
  type Connection,
  type InviteMessage,
  type PresenceMessage,
  type RosterItem,
  type WebIMError,
} from '../../src/compat/webim';
import { compatServers, type CompatServer } from './support/compat-server';
import { login } from './support/webim-harness';
import { until } from './support/wait';

async function say(conn: Connection, to: string, text: string): Promise<void> {
  const msg = new WebIM.message('txt', conn.getUniqueId());
  msg.set({ msg: text, to });
  await conn.send(msg.body);
}

const names = (items: RosterItem[]): string[] => items.map((i) => `${i.name}:${i.subscription}`).sort();

describe.each(compatServers)('WebIM roster and group invitations on the %s', (_name, makeServer) => {
  let srv: CompatServer | null = null;
  const open: Connection[] = [];

  afterEach(async () => {
    for (const c of open.splice(0)) c.close();
    await srv?.close();
    srv = null;
  });

  it('getRoster lists everyone the user shares a single chat or a group with, as mutual contacts', async () => {
    srv = await makeServer();
    const a = await login(srv, 'alice');
    const b = await login(srv, 'bob');
    open.push(a.conn, b.conn);
    await say(b.conn, 'alice', 'hi');
    await a.conn.createGroupNew({ data: { groupname: 'g', members: ['carol', 'dave'] } });
    let viaCallback: RosterItem[] = [];
    const roster = await a.conn.getRoster({ success: (r) => (viaCallback = r) });
    expect(names(roster)).toEqual(['bob:both', 'carol:both', 'dave:both']);
    expect(viaCallback).toEqual(roster);
    expect(roster.find((i) => i.name === 'bob')).toMatchObject({ jid: 'natter#natter_bob@easemob.com', groups: [] });
  });

  it('onRoster reports a new contact once: a first message from a stranger, and a first message to one', async () => {
    srv = await makeServer();
    const a = await login(srv, 'alice');
    const b = await login(srv, 'bob');
    open.push(a.conn, b.conn);
    await a.conn.getRoster();
    await say(b.conn, 'alice', 'first');
    await say(b.conn, 'alice', 'second');
    await until(() => a.rec.of('onTextMessage').length === 2);
    await say(a.conn, 'carol', 'hello carol');
    const pushes = await until(
      () => a.rec.of<RosterItem[]>('onRoster').length >= 2 && a.rec.of<RosterItem[]>('onRoster'),
    );
    expect(pushes.map(names)).toEqual([['bob:both'], ['carol:both']]);
    await say(b.conn, 'alice', 'third');
    await until(() => a.rec.of('onTextMessage').length === 3);
    // Both sides of the check: a contact already known is not reported again.
    expect(a.rec.of('onRoster')).toHaveLength(2);
  });

  it('onRoster follows group membership: members joining are added, losing the last shared group removes them', async () => {
    srv = await makeServer();
    const b = await login(srv, 'bob');
    open.push(b.conn);
    // The document registers listeners before open: onRoster alone starts following contacts.
    const pushes: RosterItem[][] = [];
    const conn = new WebIM.connection({ ...srv.facade });
    open.push(conn);
    conn.listen({ onRoster: (r) => pushes.push(r) });
    await conn.open({ user: 'alice', pwd: 'password', accessToken: srv.credential('alice') });
    const { data } = await b.conn.createGroupNew({ data: { groupname: 'g', members: ['alice', 'carol'] } });
    await until(() => pushes.length === 1);
    expect(names(pushes[0]!)).toEqual(['bob:both', 'carol:both']);
    await conn.rejectInviteFromGroup({ invitee: 'alice', groupId: data.groupid });
    await until(() => pushes.length === 2);
    expect(names(pushes[1]!)).toEqual(['bob:remove', 'carol:remove']);
  });

  it('onInviteMessage when someone else adds the user to a group, after onPresence direct_joined; not for the creator', async () => {
    srv = await makeServer();
    const a = await login(srv, 'alice');
    const b = await login(srv, 'bob');
    const c = await login(srv, 'carol');
    open.push(a.conn, b.conn, c.conn);
    const { data } = await a.conn.createGroupNew({ data: { groupname: 'g', members: ['bob'], allowinvites: true } });
    const invite = await until(() => b.rec.of<InviteMessage>('onInviteMessage')[0]);
    expect(invite).toEqual({
      type: 'invite',
      from: 'alice',
      to: 'bob',
      roomid: data.groupid,
      gid: data.groupid,
      reason: '',
      owner: 'alice',
      joined: true,
    });
    const order = b.rec.calls.map((x) => x.name).filter((n) => n === 'onPresence' || n === 'onInviteMessage');
    expect(order).toEqual(['onPresence', 'onInviteMessage']);
    // A member (allowinvites) adds carol: carol is invited by bob.
    await b.conn.client!.addGroupMembers(data.groupid, ['carol']);
    const toCarol = await until(() => c.rec.of<InviteMessage>('onInviteMessage')[0]);
    expect(toCarol).toMatchObject({ from: 'bob', to: 'carol', gid: data.groupid });
    await until(() => a.rec.of<PresenceMessage>('onPresence').some((p) => p.type === 'memberJoinPublicGroupSuccess'));
    // Neither the creator nor members who merely see someone join get an invitation.
    expect(a.rec.of('onInviteMessage')).toHaveLength(0);
    expect(b.rec.of('onInviteMessage')).toHaveLength(1);
  });

  it('agreeInviteIntoGroup keeps the membership; rejectInviteFromGroup leaves and the group stops reaching the user', async () => {
    srv = await makeServer();
    const a = await login(srv, 'alice');
    const b = await login(srv, 'bob');
    open.push(a.conn, b.conn);
    const { data } = await a.conn.createGroupNew({ data: { groupname: 'g', members: ['bob'] } });
    const invite = await until(() => b.rec.of<InviteMessage>('onInviteMessage')[0]);
    let agreed: unknown = null;
    await b.conn.agreeInviteIntoGroup({ invitee: 'bob', groupId: invite.gid, success: (r) => (agreed = r) });
    expect(agreed).toEqual({ data: { result: true, groupid: data.groupid } });
    await b.conn.rejectGroupInvite({ invitee: 'bob', groupId: invite.gid });
    const left = await until(() => a.rec.of<PresenceMessage>('onPresence').find((p) => p.type === 'leaveGroup'));
    expect(left).toMatchObject({ gid: data.groupid, users: ['bob'] });
    expect((await a.conn.client!.group(data.groupid)).members).toEqual(['alice']);
    // Accepting an invitation already declined: no longer a member.
    const again = await b.conn.acceptGroupInvite({ invitee: 'bob', groupId: invite.gid }).catch((e: WebIMError) => e);
    expect(again).toMatchObject({ type: '602' });
  });

  it('only the invitee answers an invitation: 510 for another user name, and nothing changes', async () => {
    srv = await makeServer();
    const a = await login(srv, 'alice');
    const b = await login(srv, 'bob');
    open.push(a.conn, b.conn);
    const { data } = await a.conn.createGroupNew({ data: { groupname: 'g', members: ['bob'] } });
    let failed: WebIMError | null = null;
    await b.conn
      .rejectInviteFromGroup({ invitee: 'carol', groupId: data.groupid, error: (e) => (failed = e) })
      .catch(() => undefined);
    expect(failed).toMatchObject({ type: '510' });
    expect((await a.conn.client!.group(data.groupid)).members).toEqual(['alice', 'bob']);
  });

  it('friend requests (4.x and 3.x calls) are refused with 4064 saying what natter does instead; the contacts stay as they were', async () => {
    srv = await makeServer();
    const a = await login(srv, 'alice');
    const b = await login(srv, 'bob');
    open.push(a.conn, b.conn);
    await say(b.conn, 'alice', 'hi');
    const refusals = await Promise.all([
      a.conn.addContact('carol', 'add me').catch((e: WebIMError) => e),
      a.conn.deleteContact('bob').catch((e: WebIMError) => e),
      b.conn.acceptContactInvite('alice').catch((e: WebIMError) => e),
      b.conn.declineContactInvite('alice').catch((e: WebIMError) => e),
    ]);
    for (const e of refusals) expect(e).toMatchObject({ type: '4064', message: expect.stringContaining('getRoster') });
    let viaCallback: WebIMError | null = null;
    let succeeded = false;
    await a.conn
      .subscribe({ to: 'carol', message: 'add me', success: () => (succeeded = true), error: (e) => (viaCallback = e) })
      .catch(() => undefined);
    expect(viaCallback).toMatchObject({ type: '4064', data: { code: 4064 } });
    expect(succeeded).toBe(false);
    for (const call of [a.conn.subscribed, a.conn.unsubscribed, a.conn.removeRoster])
      await expect(call.call(a.conn, { to: 'bob' })).rejects.toMatchObject({ type: '4064' });
    // Nothing changed: bob is still a contact (a shared single chat), carol is not.
    expect(names(await a.conn.getRoster())).toEqual(['bob:both']);
  });
});

// @vitest-environment jsdom
// `fail(e)` gets the Easemob document's codes as strings (e.type === '603'
// blocked, '602' not in the group, '605' no such group, '504' recall window
// passed, '505' recall off, '506' not whitelisted, '501' sensitive words,
// '502' intercepted), and a muted sender also hears onMutedMessage.
import { afterEach, describe, expect, it } from 'vitest';
import { WebIM, type Connection, type WebIMError } from '../../src/compat/webim';
import { compatServers, type CompatServer, type CompatServerOptions } from './support/compat-server';
import { login, type Recorder } from './support/webim-harness';
import { until } from './support/wait';

describe.each(compatServers)('WebIM fail codes on the %s', (_name, makeServer) => {
  let srv: CompatServer;
  const open: Connection[] = [];

  async function setup(
    options: CompatServerOptions = {},
  ): Promise<{ alice: Connection; aliceRec: Recorder; bob: Connection; bobRec: Recorder }> {
    srv = await makeServer(options);
    const a = await login(srv, 'alice');
    const b = await login(srv, 'bob');
    open.push(a.conn, b.conn);
    return { alice: a.conn, aliceRec: a.rec, bob: b.conn, bobRec: b.rec };
  }

  /** Sends a text the document's way and resolves with what fail(e) got (or 'ok'). */
  function sendText(
    conn: Connection,
    to: string,
    chatType: string,
    extra: { ext?: null } = {},
  ): Promise<WebIMError | 'ok'> {
    return new Promise((resolve) => {
      const msg = new WebIM.message('txt', conn.getUniqueId());
      msg.set({ msg: 'hi', to, chatType, success: () => resolve('ok'), fail: (e) => resolve(e), ...extra });
      void conn.send(msg.body);
    });
  }

  afterEach(async () => {
    for (const c of open.splice(0)) c.close();
    await srv.close();
  });

  it("'603' when the recipient has blocked the sender", async () => {
    const { alice, bob } = await setup();
    await bob.addToBlackList({ name: 'alice' });
    expect(await sendText(alice, 'bob', 'singleChat')).toMatchObject({ type: '603' });
    await bob.removeFromBlackList({ name: 'alice' });
    expect(await sendText(alice, 'bob', 'singleChat')).toBe('ok');
  });

  it("'605' for a group that does not exist, '602' for one the sender is not in", async () => {
    const { alice, bob } = await setup();
    expect(await sendText(alice, 'nosuchgroup', 'groupChat')).toMatchObject({ type: '605' });
    await bob.createGroupNew({ data: { groupname: 'private', groupid: 'closed', members: [] } });
    expect(await sendText(alice, 'closed', 'groupChat')).toMatchObject({ type: '602' });
  });

  it("'507' and onMutedMessage for a muted member; the others receive nothing", async () => {
    const { alice, bob, aliceRec, bobRec } = await setup();
    await alice.createGroupNew({ data: { groupname: 'g', groupid: 'muted', members: ['bob'] } });
    await alice.muteGroupMember({ username: 'bob', groupId: 'muted', muteDuration: 60_000 });
    expect(await sendText(bob, 'muted', 'groupChat')).toMatchObject({ type: '507' });
    expect(bobRec.of('onMutedMessage')).toHaveLength(1);
    await alice.unmuteGroupMember({ username: 'bob', groupId: 'muted' });
    expect(await sendText(bob, 'muted', 'groupChat')).toBe('ok');
    await until(() => aliceRec.of('onTextMessage').length === 1);
  });

  it("'506' for a member not on the group's whitelist", async () => {
    const { alice, bob } = await setup();
    await alice.createGroupNew({ data: { groupname: 'g', groupid: 'wl', members: ['bob'] } });
    await alice.client!.setGroupWhitelist('wl', { enabled: true });
    expect(await sendText(bob, 'wl', 'groupChat')).toMatchObject({ type: '506' });
  });

  it("'504' when recalling after the two-minute window of the server's clock", async () => {
    const { alice } = await setup({ manualClock: true });
    const msg = new WebIM.message('txt', alice.getUniqueId());
    msg.set({ msg: 'oops', to: 'bob' });
    const sent = await alice.send(msg.body);
    srv.clock!.advance(121_000);
    const outcome = await new Promise<WebIMError | 'ok'>((resolve) => {
      void alice.recallMessage({
        mid: sent!.serverMsgId,
        to: 'bob',
        type: 'chat',
        success: () => resolve('ok'),
        fail: (e) => resolve(e),
      });
    });
    expect(outcome).toMatchObject({ type: '504' });
  });

  it("'505' when the server has recall turned off", async () => {
    const { alice } = await setup({ recallEnabled: false });
    const msg = new WebIM.message('txt', alice.getUniqueId());
    msg.set({ msg: 'oops', to: 'bob' });
    const sent = await alice.send(msg.body);
    await expect(alice.recallMessage({ mid: msg.id, to: 'bob', type: 'chat' })).rejects.toMatchObject({ type: '505' });
    expect(sent?.localMsgId).toBe(msg.id);
  });

  it("'501' for sensitive words and '502' for a custom interception", async () => {
    const { alice } = await setup({
      moderate: (m) =>
        m.body.type === 'txt' && m.body.msg.includes('bad')
          ? 'reject'
          : m.body.type === 'txt' && m.body.msg.includes('spam')
            ? 'intercept'
            : 'allow',
    });
    const send = (text: string): Promise<WebIMError | 'ok'> =>
      new Promise((resolve) => {
        const msg = new WebIM.message('txt', alice.getUniqueId());
        msg.set({ msg: text, to: 'bob', success: () => resolve('ok'), fail: (e) => resolve(e) });
        void alice.send(msg.body);
      });
    expect(await send('bad word')).toMatchObject({ type: '501' });
    expect(await send('spam link')).toMatchObject({ type: '502' });
    expect(await send('fine')).toBe('ok');
  });

  it('an ext of null is refused, as the document warns', async () => {
    const { alice } = await setup();
    expect(await sendText(alice, 'bob', 'singleChat', { ext: null })).toMatchObject({ type: '4002' });
  });
});

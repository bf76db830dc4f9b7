// @vitest-environment jsdom
// The connection's life as WebIM listeners see it (onOpened, onOffline /
// onOnline around a dropped network, onClosed), WebIM.conn, group and room
// presence, and the page's shared default server (no `server` option).
import { afterEach, describe, expect, it } from 'vitest';
import { WebIM, type Connection, type PresenceMessage, type TextMessage } from '../../src/compat/webim';
import { compatServers, natterServe, type CompatServer } from './support/compat-server';
import { login, record } from './support/webim-harness';
import { until } from './support/wait';

describe.each(compatServers)('WebIM connection lifecycle on the %s', (_name, makeServer) => {
  let srv: CompatServer | null = null;
  const open: Connection[] = [];

  afterEach(async () => {
    for (const c of open.splice(0)) c.close();
    await srv?.close();
    srv = null;
  });

  it('onOpened after open, onOffline / onOnline around a dropped network, onClosed after close', async () => {
    srv = await makeServer();
    const { conn, rec } = await login(srv, 'alice');
    open.push(conn);
    await until(() => rec.of('onOpened').length === 1);
    expect(conn.isOpened()).toBe(true);
    expect(WebIM.conn).toBe(conn);
    conn.client!.dropConnection();
    await until(() => rec.of('onOffline').length === 1);
    await until(() => rec.of('onOnline').length === 1);
    conn.close();
    await until(() => rec.of('onClosed').length === 1);
    expect(rec.of('onOpened')).toHaveLength(1);
  });

  it('messages sent while the network was down arrive once it is back', async () => {
    srv = await makeServer();
    const a = await login(srv, 'alice');
    const b = await login(srv, 'bob');
    open.push(a.conn, b.conn);
    b.conn.client!.dropConnection();
    const msg = new WebIM.message('txt', a.conn.getUniqueId());
    msg.set({ msg: 'while you were away', to: 'bob' });
    await a.conn.send(msg.body);
    const [m] = await until(
      () => b.rec.of<TextMessage>('onTextMessage').length > 0 && b.rec.of<TextMessage>('onTextMessage'),
    );
    expect(m?.data).toBe('while you were away');
    expect(b.rec.of('onTextMessage')).toHaveLength(1);
  });

  it('createGroupNew: onCreateGroup for the creator, onPresence direct_joined for the members', async () => {
    srv = await makeServer();
    const a = await login(srv, 'alice');
    const b = await login(srv, 'bob');
    open.push(a.conn, b.conn);
    let answer: { data: { groupid: string } } | null = null;
    await a.conn.createGroupNew({
      data: { groupname: 'friends', desc: 'd', members: ['bob'], public: true, approval: false, allowinvites: true },
      success: (r) => (answer = r),
    });
    expect(answer!.data.groupid).toBeTruthy();
    const [created] = await until(
      () => a.rec.of<PresenceMessage>('onCreateGroup').length > 0 && a.rec.of<PresenceMessage>('onCreateGroup'),
    );
    expect(created?.gid).toBe(answer!.data.groupid);
    const joined = await until(() => b.rec.of<PresenceMessage>('onPresence').find((p) => p.type === 'direct_joined'));
    expect(joined).toMatchObject({ gid: answer!.data.groupid, from: 'alice' });
  });

  it('joinChatRoom / quitChatRoom: only current members receive room messages', async () => {
    srv = await makeServer();
    const a = await login(srv, 'alice');
    const b = await login(srv, 'bob');
    open.push(a.conn, b.conn);
    await a.conn.createChatRoom({ name: 'r', roomId: 'room1' });
    await a.conn.joinChatRoom({ roomId: 'room1' });
    await b.conn.joinChatRoom({ roomId: 'room1' });
    const say = async (text: string): Promise<void> => {
      const msg = new WebIM.message('txt', a.conn.getUniqueId());
      msg.set({ msg: text, to: 'room1', chatType: 'chatRoom' });
      await a.conn.send(msg.body);
    };
    await say('one');
    await until(() => b.rec.of('onTextMessage').length === 1);
    await b.conn.quitChatRoom({ roomId: 'room1' });
    await say('two');
    // A direct message sent after 'two' is a barrier: once it arrives, 'two' would have too.
    const barrier = new WebIM.message('txt', a.conn.getUniqueId());
    barrier.set({ msg: 'barrier', to: 'bob' });
    await a.conn.send(barrier.body);
    await until(() => b.rec.of<TextMessage>('onTextMessage').some((m) => m.data === 'barrier'));
    expect(
      b.rec
        .of<TextMessage>('onTextMessage')
        .filter((m) => m.chatType === 'chatRoom')
        .map((m) => m.data),
    ).toEqual(['one']);
    const history = await a.conn.fetchHistoryMessages({ queue: 'room1', chatType: 'chatRoom', count: 5 });
    expect(history.map((m) => (m as TextMessage).data)).toEqual(['one', 'two']);
  });
});

describe('WebIM without a server option', () => {
  it("connections share the page's default embedded server", async () => {
    const a = new WebIM.connection();
    const b = new WebIM.connection();
    const rec = record(b);
    await a.open({ user: 'pageuser1', pwd: 'x' });
    await b.open({ user: 'pageuser2', pwd: 'x' });
    const msg = new WebIM.message('txt', a.getUniqueId());
    msg.set({ msg: 'no set-up', to: 'pageuser2' });
    void a.send(msg.body);
    const [m] = await until(
      () => rec.of<TextMessage>('onTextMessage').length > 0 && rec.of<TextMessage>('onTextMessage'),
    );
    expect(m).toMatchObject({ data: 'no set-up', from: 'pageuser1' });
    a.close();
    b.close();
  });
});

describe.each(compatServers)('WebIM receipts sent by hand on the %s', (_name, makeServer) => {
  it("a 'delivery' message reaches the sender's onDeliveredMessage", async () => {
    const srv = await makeServer();
    const a = await login(srv, 'alice');
    const b = await login(srv, 'bob');
    const msg = new WebIM.message('txt', a.conn.getUniqueId());
    msg.set({ msg: 'did you get it?', to: 'bob' });
    await a.conn.send(msg.body);
    const [m] = await until(
      () => b.rec.of<TextMessage>('onTextMessage').length > 0 && b.rec.of<TextMessage>('onTextMessage'),
    );
    const ack = new WebIM.message('delivery', b.conn.getUniqueId());
    ack.set({ id: m!.id, to: 'alice' });
    await b.conn.send(ack.body);
    const [d] = await until(
      () =>
        a.rec.of<{ mid: string; from: string }>('onDeliveredMessage').length > 0 &&
        a.rec.of<{ mid: string; from: string }>('onDeliveredMessage'),
    );
    expect(d).toMatchObject({ mid: m!.id, from: 'bob' });
    a.conn.close();
    b.conn.close();
    await srv.close();
  });
});

describe('WebIM on natter serve with a bad token', () => {
  it("a refused token reaches open's error callback and onError as type '4012'", async () => {
    const srv = await natterServe();
    const conn = new WebIM.connection({ ...srv.facade });
    const errors: string[] = [];
    conn.listen({ onError: (e) => void errors.push(e.type) });
    const seen: string[] = [];
    await expect(
      conn.open({ user: 'alice', pwd: 'x', accessToken: 'not-a-token', error: (e) => void seen.push(e.type) }),
    ).rejects.toMatchObject({ type: '4012' });
    await until(() => seen.length === 1);
    expect(seen).toEqual(['4012']);
    expect(errors).toContain('4012');
    conn.close();
    await srv.close();
  });
});

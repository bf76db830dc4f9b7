// @vitest-environment jsdom
// A TypeScript app written against Easemob's Web IM calls, compiled by
// `tsc` with natter's declarations: only the import line differs from the
// vendor version (and the `...srv.facade` / credential that pick the test
// server). It also runs, with assertions on what the peer receives.
import { afterEach, describe, expect, it } from 'vitest';
import WebIM from '../../src/compat/webim';
import type { LocationMessage, TextMessage } from '../../src/compat/webim';
import { compatServers, type CompatServer } from './support/compat-server';
import { until } from './support/wait';

describe.each(compatServers)('a typed WebIM app on the %s', (_name, makeServer) => {
  let srv: CompatServer;
  afterEach(async () => srv.close());

  it('compiles against the declarations and talks to a peer', async () => {
    srv = await makeServer();
    // ---- the app, as written for the vendor SDK ----
    const conn = new WebIM.connection({
      isMultiLoginSessions: false,
      https: false,
      url: 'wss://im-api.example.com/ws',
      apiUrl: 'https://a1.example.com',
      isAutoLogin: true,
      heartBeatWait: 4500,
      autoReconnectNumMax: 2,
      autoReconnectInterval: 2,
      appKey: 'org#app',
      delivery: true,
      ...srv.facade,
    });
    const texts: string[] = [];
    const places: LocationMessage[] = [];
    const peer = new WebIM.connection({ ...srv.facade, appKey: 'org#app' });
    WebIM.conn = conn; // WebIM.conn is the last connection made unless the app says otherwise
    peer.listen({
      onOpened: () => undefined,
      onTextMessage: (message) => {
        const text: string = message.data;
        texts.push(`${message.from}:${text}:${String(message.ext['mood'])}`);
      },
      onLocationMessage: (message) => void places.push(message),
      onPictureMessage: (message) => void message.url.toLowerCase(),
      onError: (e) => void e.type.toUpperCase(),
      onReadMessage: (message) => void (message.groupReadCount?.[message.mid] ?? 0),
    });
    await conn.open({ user: 'typed1', pwd: 'secret', accessToken: srv.credential('typed1') });
    await peer.open({ user: 'typed2', pwd: 'secret', accessToken: srv.credential('typed2') });

    const id = conn.getUniqueId();
    const msg = new WebIM.message('txt', id);
    const sent: Array<[string, string]> = [];
    msg.set({
      msg: 'hello',
      to: 'typed2',
      chatType: 'singleChat',
      ext: { mood: 'fine' },
      success: (localId, serverMsgId) => void sent.push([localId, serverMsgId]),
      fail: (e) => {
        if (e.type === '603') throw new Error('blocked');
      },
    });
    await conn.send(msg.body);

    const loc = new WebIM.message('loc', conn.getUniqueId());
    loc.set({ to: 'typed2', lat: 31.23, lng: 121.47, addr: 'Shanghai', buildingName: 'Tower' });
    loc.setChatType('singleChat');
    await conn.send(loc.body);

    await until(() => texts.length === 1 && places.length === 1);
    expect(texts).toEqual(['typed1:hello:fine']);
    expect(places[0]).toMatchObject({
      lat: 31.23,
      lng: 121.47,
      addr: 'Shanghai',
      buildingName: 'Tower',
      contentsType: 'LOCATION',
    });
    expect(sent[0]?.[0]).toBe(id);

    const history = await WebIM.conn.fetchHistoryMessages({ queue: 'typed2', isGroup: false, count: 10 });
    const first = history[0] as TextMessage;
    expect(first.data).toBe('hello');
    const sessions = await WebIM.conn.getSessionList();
    const unread: number = sessions.data.channel_infos[0]?.unread_num ?? -1;
    expect(unread).toBe(0);
    const recalled = await conn.recallMessage({ mid: id, to: 'typed2', type: 'chat' });
    expect(recalled.mid).toBe(sent[0]?.[1]);
    const info = WebIM.utils.getFileUrl(document.createElement('input'));
    expect(info).toMatchObject({ url: '', filename: '', filetype: '' });
    // ---- end of the app ----
    conn.close();
    peer.close();
  });
});

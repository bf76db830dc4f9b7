// @vitest-environment jsdom
// Runs every web code example of the Easemob messages document (copied in
// webim-doc/, one file per part of the document) against natter, with assertions on what arrives at
// the other connection. Runs once per server kind in support/compat-server.ts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WebIM, type Connection, type ReceivedMessage } from '../../src/compat/webim';
import { compatServers, type CompatServer } from './support/compat-server';
import {
  SAMPLE_BYTES,
  blobAt,
  installObjectUrls,
  login,
  pickFile,
  readBlob,
  type Recorder,
} from './support/webim-harness';
import { settle, until } from './support/wait';
import * as ex from './webim-doc';

type Logged = unknown[];

describe.each(compatServers)('Easemob document examples on the %s', (_name, makeServer) => {
  let srv: CompatServer;
  let alice: Connection;
  let aliceRec: Recorder;
  let bob: Connection; // the document's 'username'
  let bobRec: Recorder;
  let logs: Logged[];
  const docListeners: Array<[string, EventListenerOrEventListenerObject]> = [];
  const open: Connection[] = [];

  const logged = (first: unknown): Logged | undefined => logs.find((l) => l[0] === first);
  const received = <T extends ReceivedMessage>(rec: Recorder, name: Parameters<Recorder['of']>[0]): T[] =>
    rec.of<T>(name);

  async function connect(
    user: string,
    options: { delivery?: boolean } = {},
  ): Promise<{ conn: Connection; rec: Recorder }> {
    const r = await login(srv, user, options);
    open.push(r.conn);
    return r;
  }

  beforeEach(async () => {
    installObjectUrls();
    logs = [];
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void logs.push(args));
    const add = document.addEventListener.bind(document);
    const track = (
      type: string,
      fn: EventListenerOrEventListenerObject | null,
      o?: boolean | AddEventListenerOptions,
    ): void => {
      if (!fn) return;
      docListeners.push([type, fn]);
      add(type, fn, o);
    };
    vi.spyOn(document, 'addEventListener').mockImplementation(track);
    srv = await makeServer();
    ({ conn: alice, rec: aliceRec } = await connect('alice'));
    ({ conn: bob, rec: bobRec } = await connect('username'));
  });

  afterEach(async () => {
    for (const [type, fn] of docListeners.splice(0)) document.removeEventListener(type, fn);
    for (const c of open.splice(0)) c.close();
    WebIM.Emoji = undefined;
    vi.restoreAllMocks();
    await srv.close();
  });

  it('构造消息: set + setChatType build a group message body that conn.send delivers to the group', async () => {
    await alice.createGroupNew({
      data: {
        groupname: 'team',
        groupid: 'team',
        members: ['username'],
        public: false,
        approval: false,
        allowinvites: false,
      },
    });
    const msg = ex.constructMessage(alice.getUniqueId(), { msg: 'hello team', to: 'team' });
    expect(msg.body.chatType).toBe('groupChat');
    void alice.send(msg.body);
    const [m] = await until(() => received(bobRec, 'onTextMessage').length > 0 && received(bobRec, 'onTextMessage'));
    expect(m).toMatchObject({
      data: 'hello team',
      from: 'alice',
      to: 'team',
      type: 'groupchat',
      chatType: 'groupChat',
    });
  });

  it('发送文本消息(单聊、扩展): the peer gets the text with its ext; success is called', async () => {
    ex.privateTextExample(alice, 'v1', 'v2')();
    const [m] = await until(() => received(bobRec, 'onTextMessage').length > 0 && received(bobRec, 'onTextMessage'));
    expect(m).toMatchObject({
      data: 'message content',
      from: 'alice',
      to: 'username',
      type: 'chat',
      chatType: 'singleChat',
      ext: { key: 'v1', key2: { key3: 'v2' } },
    });
    await until(() => logged('send private text Success'));
    const [receipt] = aliceRec.of<{ id: string; mid: string }>('onReceivedMessage');
    expect(receipt?.mid).toBe(m?.id);
  });

  it('发送文本消息(群组): the document\'s "group id" reaches the members of group_id', async () => {
    await alice.createGroupNew({ data: { groupname: 'g', groupid: 'group id', members: ['username'] } });
    ex.groupTextExample(alice)();
    const [m] = await until(() => received(bobRec, 'onTextMessage').length > 0 && received(bobRec, 'onTextMessage'));
    expect(m).toMatchObject({
      data: 'message content',
      from: 'alice',
      to: 'group_id',
      type: 'groupchat',
      chatType: 'groupChat',
    });
    await until(() => logged('send room text success'));
  });

  it('发送文本消息(聊天室): members of the chat room get it', async () => {
    await alice.createChatRoom({ name: 'lobby', roomId: 'chatroom id' });
    await alice.joinChatRoom({ roomId: 'chatroom id' });
    await bob.joinChatRoom({ roomId: 'chatroom id' });
    ex.roomTextExample(alice)();
    const [m] = await until(() => received(bobRec, 'onTextMessage').length > 0 && received(bobRec, 'onTextMessage'));
    expect(m).toMatchObject({
      data: 'message content',
      from: 'alice',
      to: 'chatroom_id',
      type: 'chatroom',
      chatType: 'chatRoom',
    });
    await until(() => logged('send room text success'));
  });

  it('发送表情消息: with WebIM.Emoji set, the text arrives at onEmojiMessage as ordered txt/emoji parts', async () => {
    // The document's text has no emoji of Easemob's demo map; this map also names the word "content".
    WebIM.Emoji = { path: 'static/faces/', map: { '[):]': 'ee_1.png', content: 'ee_2.png' } };
    ex.emojiListenExample(bob);
    ex.emojiSendExample(alice)();
    await until(() => logged('Emoji'));
    const [m] = received<import('../../src/compat/webim').EmojiMessage>(bobRec, 'onEmojiMessage');
    expect(m?.data).toEqual([
      { type: 'txt', data: 'message ' },
      { type: 'emoji', data: 'static/faces/ee_2.png' },
    ]);
    expect(logs).toContainEqual([{ type: 'emoji', data: 'static/faces/ee_2.png' }]);
    expect(received(bobRec, 'onTextMessage')).toHaveLength(0);
  });

  it('发送贴图消息: a pasted image is uploaded and the peer can download its bytes', async () => {
    ex.pasteImageExample(alice);
    const pasted = new File([SAMPLE_BYTES.png], 'image.png', { type: 'image/png' });
    const event = new Event('paste');
    Object.defineProperty(event, 'clipboardData', {
      value: { types: ['Files'], items: [{ type: 'image/png', getAsFile: () => pasted }] },
    });
    document.dispatchEvent(event);
    const [m] = await until(
      () =>
        received<import('../../src/compat/webim').PictureMessage>(bobRec, 'onPictureMessage').length > 0 &&
        received<import('../../src/compat/webim').PictureMessage>(bobRec, 'onPictureMessage'),
    );
    expect(logged('Complete')).toBeTruthy();
    // The clipboard gives no dimensions: they are read from the image itself.
    expect(m).toMatchObject({ width: 3, height: 2 });
    await until(() => logged('Success'));
    const blob = await WebIM.utils.download.call(bob, { url: m!.url });
    expect(await readBlob(blob)).toEqual(SAMPLE_BYTES.png);
  });

  it('发送URL图片消息: the peer gets the image URL as sent', async () => {
    const url = 'https://cdn.example.com/static/avatar.png';
    ex.urlImageExample(alice, url)();
    const [m] = await until(
      () =>
        received<import('../../src/compat/webim').PictureMessage>(bobRec, 'onPictureMessage').length > 0 &&
        received<import('../../src/compat/webim').PictureMessage>(bobRec, 'onPictureMessage'),
    );
    expect(m).toMatchObject({ url, filename: 'avatar.png', filetype: 'png', from: 'alice' });
  });

  it('发送命令消息: the peer gets the action and ext', async () => {
    ex.commandExample(alice);
    const [m] = await until(() => received(bobRec, 'onCmdMessage').length > 0 && received(bobRec, 'onCmdMessage'));
    expect(m).toMatchObject({ action: 'action', ext: { extmsg: 'extends messages' }, from: 'alice' });
  });

  it('web单聊发送图片消息: an image picked in <input id="image"> arrives with its name, size and bytes', async () => {
    pickFile('image', new File([SAMPLE_BYTES.png], 'photo.png', { type: 'image/png' }));
    ex.privateImageExample(alice)();
    const [m] = await until(
      () =>
        received<import('../../src/compat/webim').PictureMessage>(bobRec, 'onPictureMessage').length > 0 &&
        received<import('../../src/compat/webim').PictureMessage>(bobRec, 'onPictureMessage'),
    );
    expect(m).toMatchObject({
      filename: 'photo.png',
      filetype: 'png',
      width: 3,
      height: 2,
      file_length: SAMPLE_BYTES.png.length,
      ext: { file_length: SAMPLE_BYTES.png.length },
    });
    expect(logged('onFileUploadComplete')).toBeTruthy();
    expect(logs.some((l) => typeof l[0] === 'object' && l[0] !== null && 'loaded' in l[0])).toBe(true);
    expect(await readBlob(await WebIM.utils.download.call(bob, { url: m!.url }))).toEqual(SAMPLE_BYTES.png);
  });

  it('单聊发送文件消息: a picked PDF arrives at onFileMessage', async () => {
    pickFile('file', new File([SAMPLE_BYTES.pdf], 'report.pdf', { type: 'application/pdf' }));
    ex.privateFileExample(alice)();
    const [m] = await until(
      () =>
        received<import('../../src/compat/webim').FileMessage>(bobRec, 'onFileMessage').length > 0 &&
        received<import('../../src/compat/webim').FileMessage>(bobRec, 'onFileMessage'),
    );
    expect(m).toMatchObject({ filename: 'report.pdf', filetype: 'pdf', file_length: SAMPLE_BYTES.pdf.length });
    await until(() => logged('Success'));
  });

  it('单聊发送音频消息: a picked mp3 arrives at onAudioMessage with its length; addAudioMessage downloads it', async () => {
    pickFile('audio', new File([SAMPLE_BYTES.mp3], 'voice.mp3', { type: 'audio/mpeg' }));
    ex.audioListenExample(bob);
    ex.privateAudioExample(alice)();
    const [m] = await until(
      () =>
        received<import('../../src/compat/webim').AudioMessage>(bobRec, 'onAudioMessage').length > 0 &&
        received<import('../../src/compat/webim').AudioMessage>(bobRec, 'onAudioMessage'),
    );
    expect(m).toMatchObject({ filename: 'voice.mp3', length: 3 });
    WebIM.conn = bob;
    const message = { ...m! } as typeof m & { audioSrcUrl?: string };
    const originalUrl = message.url;
    ex.audioActions.addAudioMessage(message, 'audio')(
      () => undefined,
      () => undefined,
    );
    await until(() => message.audioSrcUrl);
    expect(message.audioSrcUrl).toBe(originalUrl);
    expect(await readBlob(blobAt(message.url)!)).toEqual(SAMPLE_BYTES.mp3);
  });

  it("单聊发送视频消息 + 接收消息: the receiver's onVideoMessage downloads the video into #privateVideo", async () => {
    const video = document.createElement('video');
    video.id = 'privateVideo';
    document.body.appendChild(video);
    pickFile('video', new File([SAMPLE_BYTES.mp4], 'clip.mp4', { type: 'video/mp4' }));
    ex.receiveExample(bob);
    ex.privateVideoExample(alice)();
    await until(() => video.src.startsWith('blob:'));
    expect(await readBlob(blobAt(video.src)!)).toEqual(SAMPLE_BYTES.mp4);
    video.remove();
  });

  it('发送自定义消息: the peer gets customEvent and customExts', async () => {
    ex.customExample(alice)();
    const [m] = await until(
      () => received(bobRec, 'onCustomMessage').length > 0 && received(bobRec, 'onCustomMessage'),
    );
    expect(m).toMatchObject({ customEvent: 'customEvent', customExts: {}, from: 'alice', chatType: 'singleChat' });
  });

  it("消息撤回: recallMessage by the sender reaches the peer's onRecallMessage", async () => {
    ex.privateTextExample(alice, 1, 2)();
    const [sent] = await until(
      () =>
        aliceRec.of<{ id: string; mid: string }>('onReceivedMessage').length > 0 &&
        aliceRec.of<{ id: string; mid: string }>('onReceivedMessage'),
    );
    WebIM.conn = alice;
    const outcome: string[] = [];
    ex.recallExample({
      mid: sent!.id,
      to: 'username',
      type: 'chat',
      success: () => outcome.push('ok'),
      fail: (e: { type: string }) => outcome.push(e.type),
    });
    const [r] = await until(
      () =>
        bobRec.of<{ mid: string; from: string }>('onRecallMessage').length > 0 &&
        bobRec.of<{ mid: string; from: string }>('onRecallMessage'),
    );
    expect(r).toMatchObject({ mid: sent!.mid, from: 'alice', type: 'chat' });
    await until(() => outcome.length > 0);
    expect(outcome).toEqual(['ok']);
  });

  it('接收消息: onBlacklistUpdate gets the whole blacklist when the user blocks someone', async () => {
    ex.receiveExample(bob);
    await bob.addToBlackList({ name: 'alice' });
    await until(() => logs.find((l) => typeof l[0] === 'object' && l[0] !== null && 'alice' in l[0]));
    expect(logs).toContainEqual([{ alice: { name: 'alice' } }]);
  });

  it("图片消息: onPictureMessage logs the picture's location", async () => {
    ex.pictureListenExample(bob);
    ex.urlImageExample(alice, 'https://cdn.example.com/p.jpg')();
    await until(() => logged('Location of Picture is '));
    expect(logged('Location of Picture is ')?.[1]).toBe('https://cdn.example.com/p.jpg');
  });

  it('消息漫游: fetchHistoryMessages pages back from where it stopped until mr_cache is reset', async () => {
    const { conn: test1 } = await connect('test1');
    for (let i = 1; i <= 12; i++) {
      const msg = new WebIM.message('txt', test1.getUniqueId());
      msg.set({ msg: `m${i}`, to: 'alice' });
      await test1.send(msg.body);
    }
    WebIM.conn = alice;
    const pages = (): string[][] =>
      logs.filter((l) => Array.isArray(l[0])).map((l) => (l[0] as Array<{ data: string }>).map((m) => m.data));
    ex.historyExample();
    await until(() => pages().length === 1);
    ex.historyExample();
    await until(() => pages().length === 2);
    ex.historyExample();
    await until(() => pages().length === 3);
    ex.historyResetExample();
    ex.historyExample();
    await until(() => pages().length === 4);
    const [first, second, third, again] = pages();
    expect(first).toEqual(['m3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9', 'm10', 'm11', 'm12']);
    expect(second).toEqual(['m1', 'm2']);
    expect(third).toEqual([]);
    expect(again).toEqual(first);
  });

  it('获取会话列表: getSessionList reports channel ids, the last message and unread counts', async () => {
    ex.privateTextExample(alice, 'a', 'b')();
    await until(() => received(bobRec, 'onTextMessage').length > 0);
    WebIM.conn = bob;
    ex.sessionListExample();
    const res = (
      await until(() => logs.find((l) => typeof l[0] === 'object' && l[0] !== null && 'data' in l[0]))
    )[0] as {
      data: {
        channel_infos: Array<{ channel_id: string; unread_num: number; meta: { payload?: string; id?: string } }>;
      };
    };
    const info = res.data.channel_infos.find((c) => c.channel_id === 'natter#natter_alice@easemob.com');
    expect(info?.unread_num).toBe(1);
    expect(JSON.parse(info!.meta.payload!)).toMatchObject({
      bodies: [{ type: 'txt', msg: 'message content' }],
      from: 'alice',
      to: 'username',
    });
  });

  it('删除会话: deleteSession removes the conversation and, with deleteRoam, its history', async () => {
    const { conn: peer } = await connect('userID');
    const msg = new WebIM.message('txt', alice.getUniqueId());
    msg.set({ msg: 'hi', to: 'userID' });
    await alice.send(msg.body);
    expect((await alice.getSessionList()).data.channel_infos.map((c) => c.channel_id)).toContain(
      'natter#natter_userID@easemob.com',
    );
    WebIM.conn = alice;
    ex.deleteSessionExample();
    await until(
      async () => !(await alice.getSessionList()).data.channel_infos.some((c) => c.channel_id.includes('_userID@')),
    );
    await until(async () => (await alice.fetchHistoryMessages({ queue: 'userID', count: 10 })).length === 0);
    expect(peer.isOpened()).toBe(true);
  });

  it('单聊发送已读回执: the sender gets onReadMessage for its message', async () => {
    ex.privateTextExample(alice, 1, 2)();
    const [message] = await until(
      () => received(bobRec, 'onTextMessage').length > 0 && received(bobRec, 'onTextMessage'),
    );
    ex.readReceiptExample(bob, message);
    const [r] = await until(
      () =>
        aliceRec.of<{ mid: string; from: string }>('onReadMessage').length > 0 &&
        aliceRec.of<{ mid: string; from: string }>('onReadMessage'),
    );
    expect(r).toMatchObject({ mid: message!.id, from: 'username' });
  });

  it('已送达回执: with delivery: true the receiver acknowledges and the sender gets onDeliveredMessage', async () => {
    const { rec: carolRec } = await connect('carol', { delivery: true });
    const msg = new WebIM.message('txt', alice.getUniqueId());
    msg.set({ msg: 'ping', to: 'carol' });
    await alice.send(msg.body);
    const [m] = await until(
      () => received(carolRec, 'onTextMessage').length > 0 && received(carolRec, 'onTextMessage'),
    );
    const [d] = await until(
      () =>
        aliceRec.of<{ mid: string; from: string }>('onDeliveredMessage').length > 0 &&
        aliceRec.of<{ mid: string; from: string }>('onDeliveredMessage'),
    );
    expect(d).toMatchObject({ mid: m!.id, from: 'carol' });
  });

  it('已送达回执 from webim.config.js: WebIM.config.delivery = true alone makes the receiver acknowledge', async () => {
    const before = WebIM.config.delivery;
    WebIM.config.delivery = true;
    try {
      await connect('dave');
    } finally {
      WebIM.config.delivery = before;
    }
    const msg = new WebIM.message('txt', alice.getUniqueId());
    msg.set({ msg: 'ping', to: 'dave' });
    await alice.send(msg.body);
    const [d] = await until(
      () =>
        aliceRec.of<{ mid: string; from: string }>('onDeliveredMessage').length > 0 &&
        aliceRec.of<{ mid: string; from: string }>('onDeliveredMessage'),
    );
    expect(d).toMatchObject({ from: 'dave' });
  });

  it('群聊已读回执: allowGroupAck messages report read counts to the sender and list their readers', async () => {
    await alice.createGroupNew({ data: { groupname: 'acks', groupid: 'groupId', members: ['username'] } });
    ex.groupAckListenExample(alice);
    ex.groupReadMessageExample(alice)();
    const [message] = await until(
      () => received(bobRec, 'onTextMessage').length > 0 && received(bobRec, 'onTextMessage'),
    );
    expect(message?.msgConfig).toEqual({ allowGroupAck: true });
    WebIM.conn = bob;
    ex.groupReadReceiptExample(message)();
    const [r] = await until(
      () =>
        aliceRec.of<{ mid: string; groupReadCount?: Record<string, number> }>('onReadMessage').length > 0 &&
        aliceRec.of<{ mid: string; groupReadCount?: Record<string, number> }>('onReadMessage'),
    );
    expect(r?.groupReadCount?.[message!.id]).toBe(1);
    WebIM.conn = alice;
    ex.groupReadUsersExample(message!.id, 'groupId');
    const res = await until(() => logs.find((l) => typeof l[0] === 'object' && l[0] !== null && 'count' in l[0]));
    expect(res[0]).toEqual({ data: ['username'], count: 1 });
  });

  it('群聊已读回执(离线): acks that came while the sender was away reach onStatisticMessage on login', async () => {
    await alice.createGroupNew({ data: { groupname: 'acks', groupid: 'groupId', members: ['username'] } });
    ex.groupReadMessageExample(alice)();
    const [message] = await until(
      () => received(bobRec, 'onTextMessage').length > 0 && received(bobRec, 'onTextMessage'),
    );
    alice.close();
    WebIM.conn = bob;
    ex.groupReadReceiptExample(message)();
    await settle();
    const parse = vi.spyOn(JSON, 'parse');
    const again = new WebIM.connection({ ...srv.facade });
    open.push(again);
    const rec = (await import('./support/webim-harness')).record(again);
    ex.groupAckListenExample(again);
    await again.open({ user: 'alice', pwd: 'password', accessToken: srv.credential('alice') });
    const [s] = await until(
      () =>
        rec.of<{ location: string }>('onStatisticMessage').length > 0 &&
        rec.of<{ location: string }>('onStatisticMessage'),
    );
    expect(parse).toHaveBeenCalledWith(s!.location);
    expect(JSON.parse(s!.location)).toEqual({
      group_ack: [{ msg_id: message!.id, group_id: 'groupId', count: 1, readers: ['username'] }],
    });
  });

  it("发送整个会话已读回执: a group channel ack clears the group's unread count on the server", async () => {
    await bob.createGroupNew({ data: { groupname: 'chan', groupid: 'groupid', members: ['alice'] } });
    const msg = new WebIM.message('txt', bob.getUniqueId());
    msg.set({ msg: 'unread', to: 'groupid', chatType: 'groupChat' });
    await bob.send(msg.body);
    await until(() => received(aliceRec, 'onTextMessage').length > 0);
    const unread = async (): Promise<number | undefined> =>
      (await alice.getSessionList()).data.channel_infos.find((c) => c.channel_id.includes('_groupid@'))?.unread_num;
    expect(await unread()).toBe(1);
    ex.channelAckExample(alice);
    await until(async () => (await unread()) === 0);
  });

  it("发送整个会话已读回执 (单聊): a single-chat channel ack reaches the peer's onChannelMessage", async () => {
    const msg = new WebIM.message('txt', bob.getUniqueId());
    msg.set({ msg: 'hello alice', to: 'alice' });
    await bob.send(msg.body);
    await until(() => received(aliceRec, 'onTextMessage').length > 0);
    const ack = new WebIM.message('channel', alice.getUniqueId());
    ack.set({ to: 'username' });
    await alice.send(ack.body);
    const [c] = await until(
      () =>
        bobRec.of<{ from: string; to: string }>('onChannelMessage').length > 0 &&
        bobRec.of<{ from: string; to: string }>('onChannelMessage'),
    );
    expect(c).toMatchObject({ from: 'alice', to: 'username', chatType: 'singleChat' });
  });
});

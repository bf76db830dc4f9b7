// Runs the WeChat mini-program examples of the Easemob document (copied in
// webim-doc/miniprogram.ts) against natter. `wx` is the platform: a
// stand-in here whose uploadFile / downloadFile really move the bytes to and
// from the natter server. Easemob's upload path `/<org>/<app>/chatfiles` is
// natter's `/files` (the stand-in maps it, as a proxy in front of natter
// would) and the answer is given in Easemob's `{ uri, entities: [{ uuid }] }`.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebIM, type AudioMessage, type Connection, type PictureMessage } from '../../src/compat/webim';
import { compatServers, type CompatServer } from './support/compat-server';
import { SAMPLE_BYTES, login, type Recorder } from './support/webim-harness';
import { until } from './support/wait';
import { MiniProgramPage } from './webim-doc/miniprogram';

interface WxStandIn {
  files: Map<string, Uint8Array>;
  uploads: Array<{ url: string; header: Record<string, string> }>;
  downloads: Array<{ url: string; header: Record<string, string> }>;
  toasts: string[];
  audio: { src: string; played: number };
}

type Callback<T> = ((res: T) => void) | undefined;

function installWx(srv: CompatServer, user: () => string): WxStandIn {
  const state: WxStandIn = { files: new Map(), uploads: [], downloads: [], toasts: [], audio: { src: '', played: 0 } };
  let tmp = 0;
  const wx = {
    WebIM,
    chooseImage(o: { success: Callback<{ tempFilePaths: string[] }> }) {
      const path = 'wxfile://tmp/photo.png';
      state.files.set(path, SAMPLE_BYTES.png);
      o.success?.({ tempFilePaths: [path] });
    },
    getImageInfo(o: { src: string; success: Callback<{ width: number; height: number; path: string }> }) {
      o.success?.({ width: 2, height: 3, path: o.src });
    },
    uploadFile(o: {
      url: string;
      filePath: string;
      name: string;
      header: Record<string, string>;
      success: Callback<{ statusCode: number; data: string }>;
    }) {
      state.uploads.push({ url: o.url, header: o.header });
      if (!/\/[^/]+\/[^/]+\/chatfiles$/.test(o.url)) throw new Error(`not an Easemob upload URL: ${o.url}`);
      const bytes = state.files.get(o.filePath)!;
      void srv
        .putFile(user(), { name: o.filePath.slice(o.filePath.lastIndexOf('/') + 1), mime: 'image/png', bytes })
        .then((file) => {
          const cut = file.url.lastIndexOf('/');
          o.success?.({
            statusCode: 200,
            data: JSON.stringify({ uri: file.url.slice(0, cut), entities: [{ uuid: file.url.slice(cut + 1) }] }),
          });
        });
    },
    downloadFile(o: {
      url: string;
      header: Record<string, string>;
      success: Callback<{ tempFilePath: string; statusCode: number }>;
      fail: Callback<unknown>;
    }) {
      state.downloads.push({ url: o.url, header: o.header });
      srv.bytesAt(o.url, { Authorization: o.header['Authorization'] ?? '' }).then(
        (bytes) => {
          const path = `wxfile://tmp/download-${++tmp}`;
          state.files.set(path, bytes);
          o.success?.({ tempFilePath: path, statusCode: 200 });
        },
        (e: unknown) => o.fail?.(e),
      );
    },
    createInnerAudioContext() {
      return {
        set src(v: string) {
          state.audio.src = v;
        },
        get src() {
          return state.audio.src;
        },
        play() {
          state.audio.played++;
        },
      };
    },
    showToast(o: { title: string }) {
      state.toasts.push(o.title);
    },
  };
  (globalThis as { wx?: unknown }).wx = wx;
  return state;
}

describe.each(compatServers)('Easemob mini-program examples on the %s', (_name, makeServer) => {
  let srv: CompatServer;
  let me: Connection;
  let bobRec: Recorder;
  const open: Connection[] = [];
  let wx: WxStandIn;

  beforeEach(async () => {
    // Easemob's upload answer names a file as `uri + '/' + uuid`: the embedded server serves paths, not object URLs, here.
    srv = await makeServer({ pathFileUrls: true });
    const a = await login(srv, 'mini');
    const b = await login(srv, 'username');
    me = a.conn;
    bobRec = b.rec;
    open.push(a.conn, b.conn);
    WebIM.conn = me;
    me.apiUrl = 'https://a1.easemob.example';
    wx = installWx(srv, () => 'mini');
  });

  afterEach(async () => {
    for (const c of open.splice(0)) c.close();
    delete (globalThis as { wx?: unknown }).wx;
    await srv.close();
  });

  it('小程序单聊发送图片消息: the chosen image is uploaded and arrives as a picture the peer can fetch', async () => {
    const page = new MiniProgramPage({ username: { myName: 'mini' }, chatType: 'singleChat' }, 'username');
    page.sendImage();
    const [m] = await until(
      () => bobRec.of<PictureMessage>('onPictureMessage').length > 0 && bobRec.of<PictureMessage>('onPictureMessage'),
    );
    expect(wx.uploads[0]).toMatchObject({
      url: 'https://a1.easemob.example/natter/natter/chatfiles',
      header: { Authorization: `Bearer ${me.context.accessToken}` },
    });
    expect(m).toMatchObject({ from: 'mini', width: 2, height: 3, filetype: 'png', filename: 'wxfile://tmp/photo.png' });
    expect(await srv.bytesAt(m!.url, { Authorization: `Bearer ${srv.credential('username')}` })).toEqual(
      SAMPLE_BYTES.png,
    );
  });

  it('小程序播放: playAudio downloads a received voice message and plays it', async () => {
    const voice = new WebIM.message('audio', me.getUniqueId());
    voice.set({
      file: { data: new Blob([SAMPLE_BYTES.mp3], { type: 'audio/mpeg' }), filename: 'voice.mp3', filetype: 'mp3' },
      length: 2,
      to: 'username',
    });
    await me.send(voice.body);
    const [message] = await until(
      () => bobRec.of<AudioMessage>('onAudioMessage').length > 0 && bobRec.of<AudioMessage>('onAudioMessage'),
    );
    const token = srv.credential('username');
    const listener = new MiniProgramPage({ msg: { msg: { token } } }, 'mini');
    listener.playAudio(message);
    await until(() => wx.audio.played === 1);
    expect(wx.downloads[0]?.header).toMatchObject({ Authorization: `Bearer ${token}`, Accept: 'audio/mp3' });
    expect(wx.files.get(wx.audio.src)).toEqual(SAMPLE_BYTES.mp3);
    expect(wx.toasts).toEqual([]);
  });
});

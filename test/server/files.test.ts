import { describe, expect, it } from 'vitest';
import { createEmbeddedServer } from '../../src/server/embedded-server';
import { contentMatches } from '../../src/server/file-sniff';
import { isNatterError } from '../../src/protocol/errors';
import { login } from './raw-client';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const ascii = (s: string) => new TextEncoder().encode(s);
const riff = (kind: string) => new Uint8Array([...ascii('RIFF'), 0, 0, 0, 0, ...ascii(kind)]);
const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

async function codeOf(p: Promise<unknown>): Promise<number> {
  try {
    await p;
    return 0;
  } catch (e) {
    return isNatterError(e) ? e.code : -1;
  }
}

describe('file uploads', () => {
  it('recognises each allowed type by its magic bytes', () => {
    const cases: [string, Uint8Array][] = [
      ['image/png', PNG],
      ['image/jpeg', new Uint8Array([0xff, 0xd8, 0xff, 0xe0])],
      ['image/gif', ascii('GIF89a...')],
      ['image/webp', riff('WEBP')],
      ['image/bmp', ascii('BM....')],
      ['application/pdf', ascii('%PDF-1.7')],
      ['application/zip', new Uint8Array([0x50, 0x4b, 0x03, 0x04])],
      ['audio/mpeg', ascii('ID3...')],
      ['video/mp4', new Uint8Array([0, 0, 0, 0x18, ...ascii('ftypmp42')])],
      ['video/webm', new Uint8Array([0x1a, 0x45, 0xdf, 0xa3])],
      ['audio/ogg', ascii('OggS')],
      ['audio/wav', riff('WAVE')],
      ['audio/amr', ascii('#!AMR\n')],
      ['text/plain', ascii('héllo')],
    ];
    for (const [mime, bytes] of cases) {
      expect([mime, contentMatches(mime, bytes)]).toEqual([mime, true]);
      expect([mime, contentMatches(mime, ascii('MZ\0\0 not it'))]).toEqual([mime, false]);
    }
  });

  it('putFile checks size (511), type (4150) and content (4151), then serves the bytes by id', async () => {
    const server = createEmbeddedServer({ limits: { maxFileBytes: 64 } });
    const { core } = server;
    expect(await codeOf(core.putFile('a', { name: 'big.png', mime: 'image/png', bytes: new Uint8Array(65) }))).toBe(
      511,
    );
    expect(
      await codeOf(core.putFile('a', { name: 'x.exe', mime: 'application/x-msdownload', bytes: ascii('MZ') })),
    ).toBe(4150);
    expect(await codeOf(core.putFile('a', { name: 'x.png', mime: 'image/png', bytes: ascii('<svg/>') }))).toBe(4151);
    const file = await core.putFile('a', { name: 'p.png', mime: 'image/PNG', bytes: PNG, width: 1, height: 1 });
    expect(file).toMatchObject({ name: 'p.png', size: PNG.length, mime: 'image/png', width: 1, height: 1 });
    expect(file.fileId).toMatch(/^[0-9a-f]{32}$/);
    const got = await core.getFile(file.fileId!);
    expect(got?.bytes).toEqual(PNG);
    expect(got?.meta).toEqual(file);
    expect(await core.getFile('nope')).toBeNull();
  });

  it('the loopback transport uploads through the core; messages take file metadata from the server record', async () => {
    const server = createEmbeddedServer({});
    const transport = server.connect();
    const progress: number[] = [];
    const file = await transport.upload!({
      data: new Blob([PNG]),
      name: 'p.png',
      mime: 'image/png',
      user: 'alice',
      onProgress: (l) => progress.push(l),
    });
    expect(progress).toEqual([0, PNG.length]);
    const alice = await login(transport, 'alice');
    const sent = await alice.ok('send', {
      localId: 'img',
      to: 'bob',
      chatType: 'single',
      body: {
        type: 'img',
        fileId: file.fileId!,
        url: 'http://evil.example/x',
        name: 'p.png',
        size: 1,
        mime: 'text/html',
      },
    });
    expect(sent.message.body).toMatchObject({ url: file.url, size: PNG.length, mime: 'image/png' });
    expect(
      await alice.code('send', {
        localId: 'img2',
        to: 'bob',
        chatType: 'single',
        body: { type: 'file', fileId: 'unknown', url: 'u', name: 'n', size: 1, mime: 'x' },
      }),
    ).toBe(4040);
    const refused = await transport.upload!({
      data: new Blob([ascii('nope')]),
      name: 'p.png',
      mime: 'image/png',
      user: 'alice',
    }).catch((e: unknown) => e);
    expect(isNatterError(refused) && refused.code).toBe(4151);
  });

  it('file.put uploads small files inside a frame', async () => {
    const server = createEmbeddedServer({});
    const alice = await login(server.connect(), 'alice');
    const { file } = await alice.ok('file.put', { name: 'note.txt', mime: 'text/plain', data: b64(ascii('hello')) });
    expect(file).toMatchObject({ name: 'note.txt', size: 5, mime: 'text/plain' });
    expect(await alice.code('file.put', { name: 'x.pdf', mime: 'application/pdf', data: b64(ascii('hello')) })).toBe(
      4151,
    );
    expect(await alice.code('file.put', { name: 'x', mime: 'text/plain', data: '***' })).toBe(4002);
  });
});

// The HTTP file API of a real server on 127.0.0.1: authenticated uploads (raw
// body and multipart), refusals by size, type and content, names that try to
// be paths, and downloads that give back the same bytes with the right headers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningServer } from '../../src/node/serve';
import { createToken } from '../../src/node/token';
import { ErrorCode } from '../../src/protocol/errors';
import type { UploadedFile } from '../../src/protocol/link';
import { SECRET, startTestServer, tempDir } from './support/servers';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const MAX = 64 * 1024;

let server: RunningServer;
let tmp: ReturnType<typeof tempDir>;
const token = createToken('alice', { secret: SECRET });
const auth = { Authorization: `Bearer ${token}` };

beforeAll(async () => {
  tmp = tempDir();
  server = await startTestServer(tmp.dir, { limits: { maxFileBytes: MAX } });
});
afterAll(async () => {
  await server.close();
  tmp.remove();
});

async function upload(
  body: BodyInit,
  headers: Record<string, string>,
  query = '',
): Promise<{ status: number; json: { file?: UploadedFile; code?: number; message?: string } }> {
  const res = await fetch(`${server.httpUrl}/files${query}`, { method: 'POST', headers, body });
  return { status: res.status, json: (await res.json()) as { file?: UploadedFile; code?: number } };
}

describe('POST /files', () => {
  it('stores a raw-body upload and serves it back byte for byte with its headers', async () => {
    const { status, json } = await upload(
      PNG,
      { ...auth, 'Content-Type': 'image/png' },
      `?name=${encodeURIComponent('été photo.png')}&width=1&height=1`,
    );
    expect(status).toBe(201);
    const file = json.file!;
    expect(file).toMatchObject({ name: 'été photo.png', size: PNG.length, mime: 'image/png' });
    expect(file.url).toBe(`${server.httpUrl}/files/${file.fileId}`);
    expect(file.fileId).toMatch(/^[A-Za-z0-9_-]{16,}$/);

    const res = await fetch(file.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-length')).toBe(String(PNG.length));
    expect(res.headers.get('content-disposition')).toBe(
      `inline; filename="_t_ photo.png"; filename*=UTF-8''%C3%A9t%C3%A9%20photo.png`,
    );
    expect(Buffer.from(await res.arrayBuffer()).equals(PNG)).toBe(true);
  });

  it('accepts multipart/form-data with a "file" field', async () => {
    const form = new FormData();
    form.append('file', new Blob(['hello, natter\n'], { type: 'text/plain' }), 'notes.txt');
    const { status, json } = await upload(form, auth);
    expect(status).toBe(201);
    expect(json.file).toMatchObject({ name: 'notes.txt', size: 14, mime: 'text/plain' });
    const res = await fetch(json.file!.url);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="notes.txt"; filename*=UTF-8''notes.txt`);
    expect(await res.text()).toBe('hello, natter\n');
  });

  it('refuses uploads without valid credentials', async () => {
    expect((await upload(PNG, { 'Content-Type': 'image/png' })).json.code).toBe(ErrorCode.NOT_AUTHENTICATED);
    expect((await upload(PNG, { 'Content-Type': 'image/png', 'X-Natter-User': 'alice' })).json.code).toBe(
      ErrorCode.NOT_AUTHENTICATED,
    );
    const forged = await upload(PNG, {
      'Content-Type': 'image/png',
      Authorization: `Bearer ${createToken('alice', { secret: 'wrong' })}`,
    });
    expect([forged.status, forged.json.code]).toEqual([401, ErrorCode.TOKEN_INVALID]);
    const expired = await upload(PNG, {
      'Content-Type': 'image/png',
      Authorization: `Bearer ${createToken('alice', { secret: SECRET, ttlSeconds: -5 })}`,
    });
    expect([expired.status, expired.json.code]).toEqual([401, ErrorCode.TOKEN_EXPIRED]);
  });

  it('refuses a type outside the allow-list (4150) and a file that claims to be PNG but is not (4151)', async () => {
    const exe = await upload(
      Buffer.from('MZ\x90\x00'),
      { ...auth, 'Content-Type': 'application/x-msdownload' },
      '?name=run.exe',
    );
    expect([exe.status, exe.json.code]).toEqual([415, ErrorCode.FILE_TYPE_NOT_ALLOWED]);
    const fake = await upload(
      Buffer.from('<script>alert(1)</script>'),
      { ...auth, 'Content-Type': 'image/png' },
      '?name=cat.png',
    );
    expect([fake.status, fake.json.code]).toEqual([415, ErrorCode.FILE_CONTENT_MISMATCH]);
  });

  it('refuses a body over the size limit with 511, announced or streamed', async () => {
    const big = Buffer.alloc(MAX + 1, 0x61);
    const announced = await upload(Buffer.concat([big, Buffer.alloc(128 * 1024)]), {
      ...auth,
      'Content-Type': 'text/plain',
    });
    expect([announced.status, announced.json.code]).toEqual([413, ErrorCode.TOO_LARGE]);
    expect(await streamChunked(MAX * 4)).toEqual({ status: 413, code: ErrorCode.TOO_LARGE });
    const form = new FormData();
    form.append('file', new Blob([big], { type: 'text/plain' }), 'big.txt');
    expect((await upload(form, auth)).json.code).toBe(ErrorCode.TOO_LARGE);
  });

  it('keeps only the last segment of names that try to be paths, and never writes outside its directory', async () => {
    for (const name of ['../../../etc/passwd', '..\\..\\boot.ini', '/abs/path.txt', '..']) {
      const { status, json } = await upload(
        'x',
        { ...auth, 'Content-Type': 'text/plain' },
        `?name=${encodeURIComponent(name)}`,
      );
      expect(status).toBe(201);
      expect(json.file!.name).not.toMatch(/[\\/]|^\.\.$/);
    }
    expect(existsSync(join(tmp.dir, 'etc'))).toBe(false);
    for (const entry of readdirSync(tmp.dir))
      expect(['files', 'natter.sqlite', 'natter.sqlite-shm', 'natter.sqlite-wal', 'natter.sqlite-lock']).toContain(
        entry,
      );
  });
});

describe("POST /{org}/{app}/chatfiles (Easemob's upload path)", () => {
  it("stores a multipart upload and answers Easemob's { uri, entities: [{ uuid }] }, whose uri/uuid serves the bytes", async () => {
    const form = new FormData();
    form.append('file', new Blob([PNG], { type: 'image/png' }), 'photo.png');
    const res = await fetch(`${server.httpUrl}/easemob-demo/chatdemoui/chatfiles`, {
      method: 'POST',
      headers: auth,
      body: form,
    });
    expect(res.status).toBe(200);
    const json = (await res.json()) as { uri: string; entities: { uuid: string; type: string }[] };
    expect(json.entities[0]).toMatchObject({ type: 'chatfile' });
    const download = await fetch(`${json.uri}/${json.entities[0]!.uuid}`);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(PNG)).toBe(true);
    const anonymous = await fetch(`${server.httpUrl}/easemob-demo/chatdemoui/chatfiles`, {
      method: 'POST',
      body: form,
    });
    expect(anonymous.status).toBe(401);
  });
});

describe('GET /files/<id>', () => {
  it('serves byte ranges (media seeking) and refuses unsatisfiable ones', async () => {
    const { json } = await upload(PNG, { ...auth, 'Content-Type': 'image/png' }, '?name=r.png');
    const url = json.file!.url;
    const part = await fetch(url, { headers: { Range: 'bytes=1-3' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 1-3/${PNG.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(PNG.subarray(1, 4))).toBe(true);
    const tail = await fetch(url, { headers: { Range: 'bytes=-4' } });
    expect(Buffer.from(await tail.arrayBuffer()).equals(PNG.subarray(PNG.length - 4))).toBe(true);
    expect((await fetch(url, { headers: { Range: `bytes=${PNG.length}-` } })).status).toBe(416);
    const head = await fetch(url, { method: 'HEAD' });
    expect([head.status, head.headers.get('content-length')]).toEqual([200, String(PNG.length)]);
  });

  it('answers 404 for unknown ids and for ids that try to be paths', async () => {
    for (const path of [
      '/files/AAAAAAAAAAAAAAAAAAAAAA',
      '/files/..%2F..%2Fnatter.sqlite',
      '/files/%2e%2e/natter.sqlite',
      '/files/',
    ]) {
      const status = await rawGet(path);
      expect([path, status]).toEqual([path, 404]);
    }
  });
});

/** GET with the path sent exactly as written (fetch would normalise the dots). */
function rawGet(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method: 'GET' }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

/** Streams a chunked body of `total` bytes and returns the answer, which must come before the end. */
function streamChunked(total: number): Promise<{ status: number; code: number }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: '/files?name=big.txt',
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'text/plain' },
      },
      (res) => {
        answered = true;
        let text = '';
        res.setEncoding('utf8').on('data', (d: string) => (text += d));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, code: (JSON.parse(text) as { code: number }).code }),
        );
      },
    );
    // The server answers early and closes; the rest of our body may then fail to write.
    req.on('error', (e) => {
      if (!answered) reject(e);
    });
    let sent = 0;
    const chunk = Buffer.alloc(16 * 1024, 0x62);
    const pump = (): void => {
      while (sent < total && !answered) {
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      req.end();
    };
    pump();
  });
}

describe('POST /files in dev mode', () => {
  it('accepts X-Natter-User without a token, and still refuses a forged token', async () => {
    const devTmp = tempDir();
    const dev = await startTestServer(devTmp.dir, { dev: true, secret: null });
    try {
      const ok = await fetch(`${dev.httpUrl}/files?name=a.txt`, {
        method: 'POST',
        headers: { 'X-Natter-User': 'carol', 'Content-Type': 'text/plain' },
        body: 'dev',
      });
      expect(ok.status).toBe(201);
      const forged = await fetch(`${dev.httpUrl}/files?name=a.txt`, {
        method: 'POST',
        headers: { Authorization: 'Bearer forged.token', 'Content-Type': 'text/plain' },
        body: 'dev',
      });
      expect(((await forged.json()) as { code: number }).code).toBe(ErrorCode.TOKEN_INVALID);
      const bad = await fetch(`${dev.httpUrl}/files?name=a.txt`, {
        method: 'POST',
        headers: { 'X-Natter-User': '../root', 'Content-Type': 'text/plain' },
        body: 'dev',
      });
      expect(((await bad.json()) as { code: number }).code).toBe(ErrorCode.NOT_AUTHENTICATED);
    } finally {
      await dev.close();
      devTmp.remove();
    }
  });
});

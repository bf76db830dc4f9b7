// @vitest-environment jsdom
// The WebSocket transport as a browser page uses it: the page's own
// WebSocket (none passed in) and XMLHttpRequest uploads with progress,
// against a real Node host on 127.0.0.1 (cross-origin, so CORS is exercised).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createChatClient } from '../../src/client/chat-client';
import { silentLogger } from '../../src/node/logger';
import { startServer } from '../../src/node/serve';
import { conversationId } from '../../src/protocol/ids';
import { PNG } from '../conformance/fixtures';
import { Recorder, codeOf } from '../conformance/support';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

describe('WebSocket transport in a browser-like page', () => {
  it("connects with the page's WebSocket and uploads with XMLHttpRequest progress", async () => {
    expect(typeof XMLHttpRequest).toBe('function');
    expect(typeof WebSocket).toBe('function');
    const dir = mkdtempSync(join(tmpdir(), 'natter-xhr-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const srv = await startServer({
      port: 0,
      host: '127.0.0.1',
      db: ':memory:',
      files: dir,
      logger: silentLogger,
      dev: true,
    });
    cleanups.push(() => srv.close());
    const ann = createChatClient({ url: srv.url, user: 'ann' });
    const ben = createChatClient({ url: srv.url, user: 'ben' });
    cleanups.push(
      () => ann.close(),
      () => ben.close(),
    );
    const rec = new Recorder(ben);
    await ann.connect();
    await ben.connect();

    const progress: Array<[number, number]> = [];
    const m = await ann.sendFile(conversationId('single', 'ben'), 'img', new Blob([PNG], { type: 'image/png' }), {
      name: 'dot.png',
      onProgress: (l, t) => progress.push([l, t]),
    });
    expect(m.body).toMatchObject({ type: 'img', size: PNG.length, mime: 'image/png' });
    expect(progress.at(-1)).toEqual([PNG.length, PNG.length]);
    await rec.waitFor('message', (e) => e.message.serverId === m.serverId);

    expect(await codeOf(ann.upload(new Blob(['not a png'], { type: 'image/png' }), { name: 'bad.png' }))).toBe(4151);
  });
});

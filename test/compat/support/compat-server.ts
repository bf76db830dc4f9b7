// Owns the servers the compat tests run the vendors' examples against, behind
// one factory shape: the embedded server in the page, and `natter serve` (the
// Node host on SQLite, reached over WebSocket and HTTP, with signed tokens as
// the vendors' accessToken / userSig). A server may use a manual clock
// (signaling timeouts, recall window) and hand out chosen invitation ids first
// (the documents' literal inviteIDs).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { createEmbeddedServer } from '../../../src/server/embedded-server';
import { createManualClock, systemClock, type ManualClock } from '../../../src/server/clock';
import { createIdSource, type IdSource } from '../../../src/server/id-source';
import { startServer } from '../../../src/node/serve';
import { silentLogger } from '../../../src/node/logger';
import { createToken } from '../../../src/node/token';
import type { ServerOption } from '../../../src/compat/server-option';
import type { Message } from '../../../src/protocol/message';
import type { UploadedFile } from '../../../src/protocol/link';
import { resolveObjectURL } from 'node:buffer';
import { blobAt as pageBlobAt, readBlob } from './object-urls';

async function readAnyBlob(blob: Blob | import('node:buffer').Blob): Promise<Uint8Array> {
  if (typeof (blob as Blob).arrayBuffer === 'function') return new Uint8Array(await (blob as Blob).arrayBuffer());
  return readBlob(blob as Blob);
}

export interface CompatServerOptions {
  /** Drive the server's clock by hand (signaling timeouts). */
  manualClock?: boolean;
  /** Invitation ids the server hands out first, in order. */
  inviteIds?: string[];
  /** Server-side recall switch (false answers recall with 505). */
  recallEnabled?: boolean;
  /** Moderation hook: 'reject' (501) or 'intercept' (502) a message. */
  moderate?: (message: Message) => 'allow' | 'reject' | 'intercept';
  /** Embedded server: serve files at `/files/<id>` paths instead of the page's object URLs. */
  pathFileUrls?: boolean;
}

export interface CompatServer {
  /** Spread into the facades' options: `new WebIM.connection({ ...srv.facade })`. */
  facade: { server: ServerOption; WebSocket?: unknown };
  /** What the app passes as Easemob's accessToken / Tencent's userSig for `user`. */
  credential(user: string): string;
  /** Set when created with `manualClock`. */
  clock: ManualClock | null;
  /** Stores a file as `user` the way the platform would upload it (HTTP on `natter serve`). */
  putFile(user: string, file: { name: string; mime: string; bytes: Uint8Array }): Promise<UploadedFile>;
  /** The bytes behind a file URL this server handed out. */
  bytesAt(url: string, headers?: Record<string, string>): Promise<Uint8Array>;
  close(): Promise<void>;
}

export type CompatServerFactory = (options?: CompatServerOptions) => Promise<CompatServer>;

function coreOptions(options: CompatServerOptions): {
  clock: ManualClock | null;
  ids: IdSource;
  rest: Record<string, unknown>;
} {
  const clock = options.manualClock ? createManualClock(Date.now()) : null;
  const ids = createIdSource(clock ?? systemClock);
  const chosen = [...(options.inviteIds ?? [])];
  return {
    clock,
    ids: { ...ids, inviteId: () => chosen.shift() ?? ids.inviteId() },
    rest: {
      ...(options.recallEnabled !== undefined ? { recallEnabled: options.recallEnabled } : {}),
      ...(options.moderate ? { moderate: options.moderate } : {}),
    },
  };
}

export const embeddedServer: CompatServerFactory = async (options = {}) => {
  const { clock, ids, rest } = coreOptions(options);
  const server = createEmbeddedServer({
    ...(clock ? { clock } : {}),
    ids,
    ...rest,
    ...(options.pathFileUrls ? { fileUrl: (id: string) => `/files/${id}` } : {}),
  });
  return {
    facade: { server },
    // The embedded server runs in dev mode: the vendor credential is ignored.
    credential: () => 'vendor-credential',
    clock,
    putFile: (user, file) => server.core.putFile(user, file),
    bytesAt: async (url) => {
      const path = /^\/files\/([^/]+)$/.exec(url);
      if (path) {
        const found = await server.core.getFile(path[1]!);
        if (!found) throw new Error(`no file at ${url}`);
        return found.bytes;
      }
      // Object URLs: the page's own (jsdom tests register theirs) or Node's.
      const blob = pageBlobAt(url) ?? resolveObjectURL(url);
      if (!blob) throw new Error(`no object URL ${url}`);
      return readAnyBlob(blob);
    },
    close: async () => server.close(),
  };
};

const SECRET = 'compat-test-secret';

export const natterServe: CompatServerFactory = async (options = {}) => {
  const { clock, ids, rest } = coreOptions(options);
  const dir = await mkdtemp(join(tmpdir(), 'natter-compat-'));
  const running = await startServer({
    port: 0,
    host: '127.0.0.1',
    db: ':memory:',
    files: dir,
    secret: SECRET,
    logger: silentLogger,
    ...(options.recallEnabled !== undefined ? { recallEnabled: options.recallEnabled } : {}),
    core: { ...(clock ? { clock } : {}), ids, ...(options.moderate ? { moderate: options.moderate } : {}) },
  });
  void rest;
  return {
    facade: { server: running.url, WebSocket },
    credential: (user) => createToken(user, { secret: SECRET }),
    clock,
    putFile: async (user, file) => {
      const res = await fetch(`${running.httpUrl}/files?name=${encodeURIComponent(file.name)}`, {
        method: 'POST',
        headers: { 'Content-Type': file.mime, Authorization: `Bearer ${createToken(user, { secret: SECRET })}` },
        body: file.bytes as Uint8Array<ArrayBuffer>,
      });
      const answer = (await res.json()) as { file?: UploadedFile; code?: number; message?: string };
      if (!answer.file) throw new Error(`upload failed: ${answer.code ?? res.status} ${answer.message ?? ''}`);
      return answer.file;
    },
    bytesAt: async (url, headers = {}) => {
      const res = await fetch(url, { headers });
      if (!res.ok) throw new Error(`download failed: HTTP ${res.status}`);
      return new Uint8Array(await res.arrayBuffer());
    },
    close: async () => {
      await running.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
};

/** Every server kind the compat tests run against. */
export const compatServers: Array<[string, CompatServerFactory]> = [
  ['embedded server', embeddedServer],
  ['natter serve', natterServe],
];

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

export interface CompatServerOptions {
  /** Drive the server's clock by hand (signaling timeouts). */
  manualClock?: boolean;
  /** Invitation ids the server hands out first, in order. */
  inviteIds?: string[];
  /** Server-side recall switch (false answers recall with 505). */
  recallEnabled?: boolean;
  /** Moderation hook: 'reject' (501) or 'intercept' (502) a message. */
  moderate?: (message: Message) => 'allow' | 'reject' | 'intercept';
}

export interface CompatServer {
  /** Spread into the facades' options: `new WebIM.connection({ ...srv.facade })`. */
  facade: { server: ServerOption; WebSocket?: unknown };
  /** What the app passes as Easemob's accessToken / Tencent's userSig for `user`. */
  credential(user: string): string;
  /** Set when created with `manualClock`. */
  clock: ManualClock | null;
  close(): Promise<void>;
}

export type CompatServerFactory = (options?: CompatServerOptions) => Promise<CompatServer>;

function coreOptions(options: CompatServerOptions): { clock: ManualClock | null; ids: IdSource; rest: Record<string, unknown> } {
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
  const server = createEmbeddedServer({ ...(clock ? { clock } : {}), ids, ...rest });
  return {
    facade: { server },
    // The embedded server runs in dev mode: the vendor credential is ignored.
    credential: () => 'vendor-credential',
    clock,
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

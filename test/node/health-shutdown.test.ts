// A single `natter serve` node's health check while it shuts down: once SIGTERM
// starts the graceful stop (its clients are told to reconnect elsewhere),
// GET /healthz answers 503, not 200, on a connection the node still serves, so
// a load balancer stops sending before the node is gone; the node then exits
// with 0. The cluster's counterpart is in test/node/cluster/health-shutdown.test.ts.
import { afterEach, describe, expect, it } from 'vitest';
import { busyConnection } from './support/busy-connection';
import { RawClient } from './support/raw-client';
import { spawnServer, tempDir } from './support/servers';
import { createToken } from '../../src/node/token';
import { SECRET } from './support/secret';

const cleanups: Array<() => Promise<unknown> | void> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

describe('natter serve on SQLite', { timeout: 60_000 }, () => {
  it('answers /healthz with 503 once SIGTERM starts the shutdown, then exits with 0', async () => {
    const tmp = tempDir('natter-health-');
    cleanups.push(() => tmp.remove());
    const server = await spawnServer(tmp.dir);
    cleanups.push(() => (server.child.exitCode === null ? server.kill9() : undefined));
    expect((await fetch(`${server.httpUrl}/healthz`)).status).toBe(200);
    const port = Number(new URL(server.httpUrl).port);
    const probe = await busyConnection(port);
    cleanups.push(() => probe.close());
    const alice = await RawClient.connect(server.url, { token: createToken('alice', { secret: SECRET }) });
    expect(alice.welcome).not.toBeNull();

    const exited = server.stop();
    await alice.until(() => alice.frames.some((f) => f.t === 'bye'), 20_000);
    expect(await probe.healthz()).toEqual({
      status: 503,
      body: expect.objectContaining({ ok: false, stopping: true }),
    });
    expect(await exited).toBe(0);
  });
});

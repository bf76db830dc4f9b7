// A node whose PostgreSQL is down answers a hello with an error frame that
// says so (5031, retry after a while) and a bye, instead of leaving the client
// waiting for a welcome; once PostgreSQL is back, the same client connects
// and sends. PostgreSQL is stopped for real.
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createChatClient } from '../../../src/client/chat-client';
import { createWebSocketTransport } from '../../../src/client/websocket-transport';
import { createToken } from '../../../src/node/token';
import { ErrorCode } from '../../../src/protocol/errors';
import { conversationId } from '../../../src/protocol/ids';
import { SECRET } from '../support/secret';
import { Cluster } from './support/cluster';
import { helloFrames } from './support/hello-frames';
import { useClusterServices } from './support/services';

const services = useClusterServices();

describe('a hello while PostgreSQL is down', { timeout: 120_000 }, () => {
  it('is answered with 5031 and a bye; after PostgreSQL returns the client connects and sends', async () => {
    const cluster = await Cluster.start(services.postgres, services.redis, 1);
    try {
      await services.postgres.down();
      try {
        const { frames, closeCode } = await helloFrames(cluster.url(0), createToken('alice', { secret: SECRET }));
        expect(frames[0]).toMatchObject({ t: 'err', code: ErrorCode.STORAGE_UNAVAILABLE });
        expect(frames[0]!.retryAfter).toBeGreaterThan(0);
        expect(frames[1]).toMatchObject({ t: 'bye', code: ErrorCode.STORAGE_UNAVAILABLE });
        expect(frames.some((f) => f.t === 'welcome')).toBe(false);
        // The server closed the socket (a policy close: 5031 is outside WebSocket close codes).
        expect(closeCode).toBe(1008);
      } finally {
        await services.postgres.up();
      }
      const alice = createChatClient({
        transport: createWebSocketTransport({ url: cluster.url(0), WebSocket }),
        token: createToken('alice', { secret: SECRET }),
      });
      try {
        await alice.connect();
        const sent = await alice.sendText(conversationId('single', 'bob'), 'back again');
        expect(sent.seq).toBe(1);
      } finally {
        alice.close();
      }
    } finally {
      await cluster.stop();
    }
  });
});

// Owns what the cluster presence tests share: a client of one user on one node
// that records every presence change it is pushed, and a bounded wait.
import WebSocket from 'ws';
import { createChatClient } from '../../../../src/client/chat-client';
import type { ChatClient } from '../../../../src/client/chat-client-types';
import { createWebSocketTransport } from '../../../../src/client/websocket-transport';
import { createToken } from '../../../../src/node/token';
import type { Presence } from '../../../../src/protocol/people';
import { SECRET } from '../../support/secret';
import type { Cluster } from './cluster';

/** `user` on `node` (no reconnect), with the presence changes it is pushed in `seen`. */
export function onNode(cluster: Cluster, node: number, user: string): { c: ChatClient; seen: Presence[] } {
  const c = createChatClient({
    transport: createWebSocketTransport({ url: cluster.url(node), WebSocket }),
    token: createToken(user, { secret: SECRET }),
    reconnect: false,
  });
  const seen: Presence[] = [];
  c.on('presence', (e) => seen.push(...e.presence));
  return { c, seen };
}

/** Polls `cond` every 100 ms until it holds; fails naming `what` after `ms`. */
export async function until(cond: () => boolean | Promise<boolean>, what: string, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

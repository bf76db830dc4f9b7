// The attack suite's harness: a real `natter serve` in a child process on
// 127.0.0.1 (started with the CLI flags under test), raw sockets for the
// attacks, and a witness — two ordinary ChatClients that talk before the
// attacks and must still talk after, with every message stored before still
// in history.
import { expect } from 'vitest';
import WebSocket from 'ws';
import { createChatClient } from '../../../src/client/chat-client';
import type { ChatClient } from '../../../src/client/chat-client-types';
import { createToken } from '../../../src/node/token';
import type { Message } from '../../../src/protocol/message';
import { SECRET, spawnServer, tempDir, type ChildServer } from '../support/servers';

export interface AttackServer extends ChildServer {
  stopAndClean(): Promise<void>;
}

export async function startAttackServer(args: string[]): Promise<AttackServer> {
  const tmp = tempDir('natter-attack-');
  const server = await spawnServer(tmp.dir, args);
  return {
    ...server,
    async stopAndClean() {
      await server.stop();
      tmp.remove();
    },
  };
}

export const tokenFor = (user: string, ttlSeconds = 3600): string => createToken(user, { secret: SECRET, ttlSeconds });

/** Opens a WebSocket and waits until it is open (or refused: resolves with the HTTP status). */
export function openSocket(
  url: string,
  options: WebSocket.ClientOptions = {},
): Promise<{ ws: WebSocket } | { status: number }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, options);
    ws.once('open', () => resolve({ ws }));
    ws.once('unexpected-response', (_req, res) => {
      resolve({ status: res.statusCode ?? 0 });
      res.resume();
    });
    ws.once('error', reject);
  });
}

/** Resolves when `ws` closes, with its close code; rejects after `ms` (a bound, not a timing check). */
export function closedWithin(ws: WebSocket, ms: number): Promise<number> {
  return new Promise((resolve, reject) => {
    if (ws.readyState === WebSocket.CLOSED) {
      resolve(-1);
      return;
    }
    const timer = setTimeout(() => reject(new Error('socket still open')), ms);
    ws.once('close', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

/** Two ordinary users who talk before the attacks and must still talk after. */
export class Witness {
  private readonly sent: Message[] = [];
  private alice: ChatClient | null = null;
  private bob: ChatClient | null = null;

  constructor(private readonly url: string) {}

  private client(user: string): ChatClient {
    return createChatClient({
      url: this.url,
      WebSocket,
      token: tokenFor(user),
      reconnect: false,
      device: `witness-${user}`,
    });
  }

  /** Logs in and stores a few messages. */
  async before(): Promise<void> {
    this.alice = this.client('witness-alice');
    this.bob = this.client('witness-bob');
    await Promise.all([this.alice.connect(), this.bob.connect()]);
    for (let i = 0; i < 5; i++) this.sent.push(await this.alice.sendText('single:witness-bob', `before ${i}`));
  }

  /** A fresh pair of clients still sends and receives, and everything stored before is in history. */
  async after(): Promise<void> {
    this.alice?.close();
    this.bob?.close();
    const alice = this.client('witness-alice');
    const bob = this.client('witness-bob');
    try {
      await Promise.all([alice.connect(), bob.connect()]);
      const received = new Promise<Message>((resolve) => {
        const off = bob.on('message', (e) => {
          off();
          resolve(e.message);
        });
      });
      const sent = await alice.sendText('single:witness-bob', 'after the attacks');
      expect((await received).serverId).toBe(sent.serverId);
      const page = await bob.history('single:witness-alice', { limit: 50 });
      const stored = page.messages.map((m) => m.serverId);
      for (const m of [...this.sent, sent]) expect(stored).toContain(m.serverId);
    } finally {
      alice.close();
      bob.close();
    }
  }
}

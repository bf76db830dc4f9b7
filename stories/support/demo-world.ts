// Owns the demo world the stories and the playground run on: one embedded server
// in the page, a client per user, and a seeded history (a chat per pair of users
// and a group of everyone). Uses only natter's public entry.
import {
  createChatClient,
  createEmbeddedServer,
  type ChatClient,
  type EmbeddedServer,
  type EmbeddedServerOptions,
} from '../../src/entries/index';

export interface DemoWorld {
  server: EmbeddedServer;
  clients: Record<string, ChatClient>;
  /** Create (and connect) a client for a new user. */
  addUser(user: string): Promise<ChatClient>;
  close(): void;
}

export interface DemoWorldOptions {
  users?: string[];
  /** Seed a short history between every pair and a group of everyone. Default true. */
  seed?: boolean;
  groupId?: string;
  server?: EmbeddedServerOptions;
  /** Messages of older history between the first two users, written before the seeded chat. */
  history?: number;
}

const LINES: Array<[number, string]> = [
  [0, 'Hi! Did you see the new release? 🎉'],
  [1, 'Yes — the read receipts are great 👍'],
  [0, 'Paste an image into the box below, it uploads with progress.'],
  [1, 'And the call button rings everyone in the group 📞'],
];

export async function createDemoWorld(options: DemoWorldOptions = {}): Promise<DemoWorld> {
  const users = options.users ?? ['alice', 'bob', 'carol'];
  const server = createEmbeddedServer(options.server ?? {});
  const clients: Record<string, ChatClient> = {};
  const addUser = async (user: string) => {
    const client = createChatClient({ transport: server.connect(), user, device: `demo-${user}`, delivery: true });
    clients[user] = client;
    await client.connect();
    return client;
  };
  for (const u of users) await addUser(u);
  if (options.history && users.length >= 2)
    await writeHistory(server, users[0]!, users[1]!, options.history, (i) => `Earlier message ${i + 1}`);
  if (options.seed ?? true) {
    for (let i = 0; i < users.length; i++) {
      for (let j = i + 1; j < users.length; j++) {
        const pair = [users[i]!, users[j]!];
        for (const [who, text] of LINES) await clients[pair[who]!]!.sendText(`single:${pair[1 - who]}`, text);
      }
    }
    const groupId = options.groupId ?? 'team';
    await clients[users[0]!]!.createGroup({ groupId, name: 'Team', members: users.slice(1) });
    await clients[users[0]!]!.sendText(`group:${groupId}`, 'Welcome to the team room, everyone 👋');
    if (users[1]) await clients[users[1]]!.sendText(`group:${groupId}`, 'Thanks! Happy to be here.');
  }
  return {
    server,
    clients,
    addUser,
    close() {
      for (const c of Object.values(clients)) c.close();
      server.close();
    },
  };
}

/** Seed `count` messages into one conversation quickly (pipelined sends). */
export async function seedMessages(
  from: ChatClient,
  conversation: `single:${string}` | `group:${string}`,
  count: number,
  text = (i: number) => `Message ${i + 1}`,
): Promise<void> {
  const batch = 500;
  for (let i = 0; i < count; i += batch) {
    const n = Math.min(batch, count - i);
    await Promise.all(Array.from({ length: n }, (_, k) => from.sendText(conversation, text(i + k))));
  }
}

/**
 * Writes `count` text messages between `a` and `b` straight into the embedded server's storage
 * (through `server.storage`, the public handle the core also reads through), oldest first, one
 * minute apart, ending now. Much faster than sending: 100,000 messages take about a second.
 * Conversation states are not touched: follow with one real send so both users list the chat.
 */
export async function writeHistory(
  server: EmbeddedServer,
  a: string,
  b: string,
  count: number,
  text = (i: number) => `Message ${i + 1}`,
): Promise<void> {
  const key = a < b ? `single:${a}|${b}` : `single:${b}|${a}`;
  const start = server.clock.now() - count * 60_000;
  await server.storage.transaction(async (tx) => {
    for (let i = 0; i < count; i++) {
      const seq = await tx.nextSeq(key);
      const from = Math.floor(i / 3) % 2 === 0 ? a : b;
      await tx.insertMessage({
        key,
        message: {
          serverId: `seed-${key}-${seq}`,
          localId: `seed-${seq}`,
          from,
          to: from === a ? b : a,
          chatType: 'single',
          seq,
          ts: start + i * 60_000,
          body: { type: 'txt', msg: text(i) },
        },
      });
    }
  });
}

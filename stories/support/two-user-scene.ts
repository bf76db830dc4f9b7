// Owns the common scene of the MessageList stories: Alice's view of her chat
// with Bob (and, where asked, Carol and Dave) on one embedded server, after a
// story-specific script has run with the real clients.
import {
  createEmbeddedServer,
  type ChatClient,
  type ConversationId,
  type EmbeddedServer,
  type EmbeddedServerOptions,
} from '../../src/entries/index';
import { connectUser, type Scene } from './scene';

export interface PeopleScene extends Scene {
  server: EmbeddedServer;
  people: Record<string, ChatClient>;
}

export interface PeopleOptions {
  users?: string[];
  server?: EmbeddedServerOptions;
  /** The conversation Alice opens (default `single:bob`). */
  conversation?: ConversationId;
  /** Users who connect with `delivery: true` (default all): their clients acknowledge delivery. */
  delivery?: (user: string) => boolean;
}

/** Starts a server, connects `users` (Alice first), runs `script`, and returns Alice's scene. */
export async function peopleScene(
  options: PeopleOptions,
  script: (people: Record<string, ChatClient>, server: EmbeddedServer) => Promise<void>,
): Promise<PeopleScene> {
  const server = createEmbeddedServer(options.server ?? {});
  const people: Record<string, ChatClient> = {};
  try {
    for (const u of options.users ?? ['alice', 'bob'])
      people[u] = await connectUser(server, u, undefined, options.delivery?.(u) ?? true);
    await script(people, server);
  } catch (e) {
    for (const c of Object.values(people)) c.close();
    server.close();
    throw e;
  }
  return {
    server,
    people,
    client: people.alice!,
    conversation: options.conversation ?? 'single:bob',
    close() {
      for (const c of Object.values(people)) c.close();
      server.close();
    },
  };
}

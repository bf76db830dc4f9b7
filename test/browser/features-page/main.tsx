// Browser fixture for the conversation features: an embedded server, alice's
// drop-in Chat, and bob's client recording the feature events that reach him
// (reactions, replies, edits, pins, threads, forwards). A group "team" (alice
// owns it) holds a pinned message far back behind carol's chatter and a
// message of bob's mentioning alice. The test reads `window.__natter`.
import { createRoot } from 'react-dom/client';
import { createChatClient } from '../../../src/client/chat-client';
import type { ChatEvent } from '../../../src/protocol/frames';
import { ChatProvider } from '../../../src/react/index';
import { createEmbeddedServer } from '../../../src/server/embedded-server';
import { Chat } from '../../../src/ui/index';
import '../../../src/ui/styles.css';

interface Handle {
  ready: boolean;
  events: ChatEvent[];
  bobMessageId: string;
}
const handle: Handle = { ready: false, events: [], bobMessageId: '' };
(window as unknown as { __natter: Handle }).__natter = handle;

const server = createEmbeddedServer();
const alice = createChatClient({ transport: server.connect(), user: 'alice', delivery: false });
const bob = createChatClient({ transport: server.connect(), user: 'bob', delivery: false });
const carol = createChatClient({ transport: server.connect(), user: 'carol', delivery: false });
for (const type of ['message', 'messageUpdate', 'pins', 'threadReply'] as const)
  bob.on(type, (e) => void handle.events.push(e));

async function main(): Promise<void> {
  await bob.connect();
  await alice.connect();
  await carol.connect();
  await alice.createGroup({ groupId: 'team', name: 'team', members: ['bob', 'carol'] });
  const agenda = await bob.sendText('group:team', 'agenda far back');
  await alice.pin(agenda.serverId);
  for (let i = 1; i <= 40; i++) await carol.sendText('group:team', `chatter ${i}`);
  await bob.sendText('group:team', '@alice please review', { mentions: { users: ['alice'] } });
  handle.bobMessageId = (await bob.sendText('single:alice', 'hello from bob')).serverId;
  createRoot(document.getElementById('root') as HTMLElement).render(
    <ChatProvider client={alice}>
      <Chat theme="light" />
    </ChatProvider>,
  );
  handle.ready = true;
}

main().catch((e: unknown) => {
  (window as unknown as { __natterError: string }).__natterError = String(e);
});

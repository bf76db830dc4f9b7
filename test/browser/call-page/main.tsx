// Browser fixture for calls: one Chat per user, each in a labelled pane, on an
// embedded server shared by the page (`?users=alice,bob`) or on a natter
// server over WebSocket (`?url=ws://…&users=alice`, dev mode). `open` picks
// the conversation each pane shows; `group=<id>` makes the first user create
// that group with every listed member (`members=`, default the users) unless
// it exists (pages of one group on natter serve). The
// test reads `window.__natter` for the clients, their calls and WebRTC stats.
// `locale=<tag>` shows the UI in that language (e.g. zh-CN, ja, ar);
// `devices` adds a device picker under each Chat (choosing before a call).
import { createRoot } from 'react-dom/client';
import { callClientFor } from '../../../src/client/call/call-client';
import type { CallClient } from '../../../src/client/call/call-types';
import { createChatClient } from '../../../src/client/chat-client';
import type { ChatClient } from '../../../src/client/chat-client-types';
import type { ConversationId } from '../../../src/protocol/ids';
import { ChatProvider } from '../../../src/react/index';
import { createEmbeddedServer } from '../../../src/server/embedded-server';
import { CallDevicePicker, Chat } from '../../../src/ui/index';
import '../../../src/ui/styles.css';

interface Handle {
  ready: boolean;
  clients: Record<string, ChatClient>;
  calls: Record<string, CallClient>;
  /** Sum of a kind's counter over the inbound (or outbound) RTP streams of `user`'s link with `peer`. */
  rtp(
    user: string,
    peer: string,
    direction: 'inbound-rtp' | 'outbound-rtp',
    kind: 'audio' | 'video',
    field: string,
  ): Promise<number>;
}

const query = new URLSearchParams(location.search);
const users = (query.get('users') ?? 'alice,bob').split(',');
const url = query.get('url');
const group = query.get('group');
const members = (query.get('members') ?? users.join(',')).split(',');
const open = query.get('open');
const locale = query.get('locale') ?? 'en';
const picker = query.has('devices');

const handle: Handle = {
  ready: false,
  clients: {},
  calls: {},
  async rtp(user, peer, direction, kind, field) {
    const report = await handle.calls[user]!.stats(peer);
    let sum = 0;
    report?.forEach((s: { type: string; kind?: string; [k: string]: unknown }) => {
      if (s.type === direction && s.kind === kind && typeof s[field] === 'number') sum += s[field];
    });
    return sum;
  },
};
(window as unknown as { __natter: Handle }).__natter = handle;

async function main(): Promise<void> {
  const server = url ? null : createEmbeddedServer();
  for (const user of users) {
    const client = createChatClient(
      server
        ? { transport: server.connect(), user }
        : { url: url!, user, reconnect: { initialDelayMs: 100, maxDelayMs: 500 } },
    );
    await client.connect();
    handle.clients[user] = client;
    handle.calls[user] = callClientFor(client);
  }
  const first = handle.clients[users[0]!]!;
  // On a shared server the group may exist already (another page made it).
  const exists = group
    ? await first.group(group).then(
        () => true,
        () => false,
      )
    : false;
  if (group && !exists)
    await first.createGroup({ groupId: group, name: group, members: members.filter((m) => m !== users[0]) });
  const root = createRoot(document.getElementById('root') as HTMLElement);
  root.render(
    <>
      {users.map((user) => {
        const peer = user === users[0] ? (users[1] ?? 'bob') : users[0]!;
        const conversation = (group ? `group:${group}` : (open ?? `single:${peer}`)) as ConversationId;
        return (
          <div key={user} className="pane" role="region" aria-label={`${user}'s screen`}>
            <ChatProvider client={handle.clients[user]!}>
              <Chat theme="light" locale={locale} callModal="chat" defaultConversationId={conversation} />
              {picker && <CallDevicePicker locale={locale} />}
            </ChatProvider>
          </div>
        );
      })}
    </>,
  );
  handle.ready = true;
}

main().catch((e: unknown) => {
  (window as unknown as { __natterError: string }).__natterError = String(
    e instanceof Error ? (e.stack ?? e.message) : e,
  );
});

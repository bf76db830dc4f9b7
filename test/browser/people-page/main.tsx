// Browser fixture for people in the drop-in Chat: an embedded server whose
// app fills dave's profile (name and picture) through the profile hook, a
// group "Builders" where bob, carol, dave and alice take turns, and a single
// chat with carol, who left 5 minutes ago (the server's clock ran 5 minutes
// behind while she was here); wang (王小明) is in the group and never writes.
// Renders alice's Chat in the theme `?theme=`.
import { createRoot } from 'react-dom/client';
import { createChatClient } from '../../../src/client/chat-client';
import { setProfile } from '../../../src/client/people';
import { ChatProvider } from '../../../src/react/index';
import type { Clock } from '../../../src/server/clock';
import { createEmbeddedServer } from '../../../src/server/embedded-server';
import { Chat } from '../../../src/ui/index';
import '../../../src/ui/styles.css';

const theme = new URLSearchParams(location.search).get('theme') === 'dark' ? 'dark' : 'light';

/** A 2×2 orange PNG: dave's picture as the app's user database gives it. */
const DAVE_PICTURE =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGN4VqcERAwQCgAtxgYZHCtf2QAAAABJRU5ErkJggg==';

let behindMs = 5 * 60_000;
const clock: Clock = {
  now: () => Date.now() - behindMs,
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as number),
};
const server = createEmbeddedServer({
  clock,
  people: {
    profiles: {
      get: (users) =>
        users.filter((u) => u === 'dave').map((user) => ({ user, name: 'Dave Dunn', avatar: DAVE_PICTURE })),
    },
  },
});
const connect = async (user: string) => {
  const c = createChatClient({ transport: server.connect(), user, delivery: false });
  await c.connect();
  return c;
};

async function main(): Promise<void> {
  const carol = await connect('carol');
  await setProfile(carol, { name: 'Carol Chen' });
  const { groupId } = await carol.createGroup({ name: 'Builders', members: ['alice', 'bob', 'dave', 'wang'] });
  const group = `group:${groupId}` as const;
  await carol.sendText('single:alice', 'see you later');
  const bob = await connect('bob');
  await setProfile(bob, { name: 'Bob Builder' });
  const dave = await connect('dave');
  const wang = await connect('wang');
  await setProfile(wang, { name: '王小明' });
  wang.close();
  await bob.sendText(group, 'first from bob');
  await bob.sendText(group, 'second from bob');
  await carol.sendText(group, 'carol here');
  await dave.sendText(group, 'dave here');
  carol.close();
  // Carol's last-seen time is written as the server drops her session.
  while ((await server.storage.getProfiles(['carol']))[0]?.lastSeen == null)
    await new Promise((r) => setTimeout(r, 10));
  behindMs = 0;
  const alice = await connect('alice');
  await alice.sendText(group, 'alice here');
  await bob.sendText(group, 'bob again');
  createRoot(document.getElementById('root') as HTMLElement).render(
    <ChatProvider client={alice}>
      <Chat theme={theme} />
    </ChatProvider>,
  );
  Object.assign(window, { __natter: { ready: true } });
}

main().catch((e: unknown) => {
  Object.assign(window, { __natterError: String(e) });
});

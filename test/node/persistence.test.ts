// Everything the core keeps survives a graceful restart of an in-process
// server on the same SQLite file and files directory.
import { afterEach, describe, expect, it } from 'vitest';
import { createToken } from '../../src/node/token';
import type { RunningServer } from '../../src/node/serve';
import type { ConversationSummary, GroupInfo } from '../../src/protocol/entities';
import type { HistoryPage } from '../../src/protocol/frames';
import type { UploadedFile } from '../../src/protocol/link';
import type { Message } from '../../src/protocol/message';
import { RawClient } from './support/raw-client';
import { SECRET, startTestServer, tempDir } from './support/servers';

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
async function connect(server: RunningServer, user: string): Promise<RawClient> {
  const c = await RawClient.connect(server.url, { token: createToken(user, { secret: SECRET }) });
  cleanups.push(() => c.close());
  return c;
}

describe('natter serve across a restart', () => {
  it('keeps messages, unread counts, read state, groups, blocklists and files', async () => {
    const tmp = tempDir();
    cleanups.push(tmp.remove);
    let server = await startTestServer(tmp.dir);
    let alice = await connect(server, 'alice');
    const { message: m1 } = await alice.call<{ message: Message }>('send', {
      localId: 'p1',
      to: 'bob',
      chatType: 'single',
      body: { type: 'txt', msg: 'one' },
    });
    await alice.call('send', { localId: 'p2', to: 'bob', chatType: 'single', body: { type: 'txt', msg: 'two' } });
    await alice.call('group.create', { groupId: 'team', name: 'Team', members: ['bob'] });
    await alice.call('send', {
      localId: 'g1',
      to: 'team',
      chatType: 'group',
      body: { type: 'txt', msg: 'hello team' },
    });
    await alice.call('block', { user: 'mallory' });
    const res = await fetch(`${server.httpUrl}/files?name=a.txt`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${createToken('alice', { secret: SECRET })}`, 'Content-Type': 'text/plain' },
      body: 'kept on disk',
    });
    const { file } = (await res.json()) as { file: UploadedFile };
    let bob = await connect(server, 'bob');
    await bob.call('ack', { conversation: 'single:alice', upToSeq: m1.seq });
    await alice.close();
    await bob.close();
    await server.close();

    server = await startTestServer(tmp.dir);
    cleanups.push(() => server.close());
    bob = await connect(server, 'bob');
    const { conversations } = await bob.call<{ conversations: ConversationSummary[] }>('conversations', {});
    expect(conversations.map((c) => [c.id, c.unread, c.readSeq, c.lastSeq])).toEqual([
      ['group:team', 1, 0, 1],
      ['single:alice', 1, 1, 2],
    ]);
    const page = await bob.call<HistoryPage>('history', { conversation: 'single:alice' });
    expect(page.messages.map((m) => m.localId)).toEqual(['p2', 'p1']);
    const { group } = await bob.call<{ group: GroupInfo }>('group.info', { groupId: 'team' });
    expect(group.members.sort()).toEqual(['alice', 'bob']);
    alice = await connect(server, 'alice');
    expect((await alice.call<{ blocked: string[] }>('blocklist', {})).blocked).toEqual(['mallory']);
    // Files: metadata in SQLite, bytes on disk, same id and URL path after the restart.
    const got = await fetch(`${server.httpUrl}/files/${file.fileId}`);
    expect(got.status).toBe(200);
    expect(await got.text()).toBe('kept on disk');
  });
});

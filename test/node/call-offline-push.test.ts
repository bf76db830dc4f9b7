// Offline push for calls on a real `natter serve` (in-process, 127.0.0.1,
// SQLite): a call invitation is sent as the CallClient sends it (the call's
// data, onlineUserOnly, a ring timeout) and, when the callee has no live
// session, the server hands its offlinePushInfo to the push hook; a callee who
// is connected is rung over the socket instead, and a call without
// offlinePushInfo (or with disablePush) pushes nothing.
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createChatClient } from '../../src/client/chat-client';
import type { ChatClient, InviteOptions } from '../../src/client/chat-client-types';
import { createToken } from '../../src/node/token';
import type { RunningServer } from '../../src/node/serve';
import type { OfflinePushInfo } from '../../src/protocol/invitation';
import { rtcCallData } from '../../src/protocol/rtc';
import type { PushNotice } from '../../src/server/server-options';
import { SECRET, startTestServer, tempDir } from './support/servers';

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function serve(pushed: Array<[string, PushNotice]>): Promise<RunningServer> {
  const tmp = tempDir();
  const server = await startTestServer(tmp.dir, { core: { push: (user, notice) => pushed.push([user, notice]) } });
  cleanups.push(tmp.remove, () => server.close());
  return server;
}

async function chat(server: RunningServer, user: string): Promise<ChatClient> {
  const client = createChatClient({
    url: server.url,
    WebSocket,
    token: createToken(user, { secret: SECRET }),
    reconnect: false,
  });
  cleanups.push(() => client.close());
  await client.connect();
  return client;
}

/** What CallClient.start sends for a video call with `offlinePushInfo`. */
const videoCall = (offlinePushInfo?: OfflinePushInfo): InviteOptions => ({
  data: rtcCallData('video'),
  timeout: 30,
  onlineUserOnly: true,
  ...(offlinePushInfo ? { offlinePushInfo } : {}),
});

const PUSH: OfflinePushInfo = { title: 'alice', description: 'Incoming video call', extension: '{"call":"video"}' };

describe('offline push for call invitations on natter serve', () => {
  it('a callee with no live session gets the push with the call and its offlinePushInfo; opening the app then finds the call ringing', async () => {
    const pushed: Array<[string, PushNotice]> = [];
    const server = await serve(pushed);
    const alice = await chat(server, 'alice');
    const { invitation } = await alice.invite('bob', videoCall(PUSH));

    await expect.poll(() => pushed.length).toBe(1);
    const [user, notice] = pushed[0]!;
    expect(user).toBe('bob');
    if (notice.kind !== 'invitation') throw new Error(`pushed a ${notice.kind} notice`);
    expect(notice.offlinePushInfo).toEqual(PUSH);
    expect(notice.invitation.inviteId).toBe(invitation.inviteId);
    expect(notice.invitation.data).toBe(rtcCallData('video'));
    // A call leaves no signaling message in history (its summary is written when it ends).
    expect(notice.message).toBeNull();

    // Bob opens the app from the notification within the ring time: the call is there to answer.
    const bob = await chat(server, 'bob');
    expect((await bob.pendingInvitations()).map((i) => i.inviteId)).toEqual([invitation.inviteId]);
  });

  it('a connected callee is rung over the socket and gets no push', async () => {
    const pushed: Array<[string, PushNotice]> = [];
    const server = await serve(pushed);
    const alice = await chat(server, 'alice');
    const bob = await chat(server, 'bob');
    const rung = new Promise<string>((resolve) => bob.on('invitation', (e) => resolve(e.invitation.inviteId)));
    const { invitation } = await alice.invite('bob', videoCall(PUSH));
    expect(await rung).toBe(invitation.inviteId);
    // The push hook runs right after the invitation is stored; a second request's answer comes after it.
    await alice.invite('carol', videoCall({ ...PUSH, disablePush: true }));
    expect(pushed).toEqual([]);
  });

  it('a call without offlinePushInfo, or with disablePush, pushes nothing; a group call pushes each offline invitee', async () => {
    const pushed: Array<[string, PushNotice]> = [];
    const server = await serve(pushed);
    const alice = await chat(server, 'alice');
    await alice.invite('bob', videoCall());
    await alice.invite('carol', videoCall({ ...PUSH, disablePush: true }));
    await alice.createGroup({ groupId: 'crew', name: 'crew', members: ['bob', 'carol'] });
    await alice.inviteInGroup('crew', ['bob', 'carol'], videoCall(PUSH));
    await expect.poll(() => pushed.map(([u]) => u).sort()).toEqual(['bob', 'carol']);
    expect(pushed.every(([, n]) => n.kind === 'invitation' && n.invitation.groupId === 'crew')).toBe(true);
  });
});

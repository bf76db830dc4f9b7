// Invitations open when an invitee logs in: the SDK hands them
// to NEW_INVITATION_RECEIVED, so an app that rings on that event rings for a
// call that started while the invitee was offline — once, not again for the
// live event, and never for an `onlineUserOnly` invitation (online users only).
import { afterEach, describe, expect, it } from 'vitest';
import TencentCloudChat, { type SignalingEvent, type TencentChat } from '../../src/compat/tencent';
import { compatServers, type CompatServer } from './support/compat-server';
import { settle, until } from './support/wait';

const S = TencentCloudChat.TSignaling;

describe.each(compatServers)('Tencent invitations open at login on the %s', (_name, makeServer) => {
  let srv: CompatServer | null = null;
  const chats: TencentChat[] = [];

  afterEach(async () => {
    for (const c of chats.splice(0)) await c.logout();
    await srv?.close();
    srv = null;
  });

  async function login(userID: string): Promise<{ chat: TencentChat; signals: SignalingEvent[] }> {
    const chat = TencentCloudChat.create({ SDKAppID: 1400000000, ...srv!.facade });
    chats.push(chat);
    const signals: SignalingEvent[] = [];
    // The document's order: listeners first, then login.
    await chat.addSignalingListener(S.NEW_INVITATION_RECEIVED, (e) => void signals.push(e));
    await chat.login({ userID, userSig: srv!.credential(userID) });
    return { chat, signals };
  }

  it('an invitee who logs in while an invitation is open gets NEW_INVITATION_RECEIVED for it, once', async () => {
    srv = await makeServer();
    const caller = await login('caller');
    const { inviteID } = await caller.chat.invite({ userID: 'user1', data: '{"call":"video"}', timeout: 0 });
    const user1 = await login('user1');
    const [got] = await until(() => user1.signals.length > 0 && user1.signals);
    expect(got).toMatchObject({
      name: S.NEW_INVITATION_RECEIVED,
      data: { inviteID, inviter: 'caller', data: '{"call":"video"}', inviteeList: ['user1'] },
    });
    // The invitee answers it as usual; nothing is announced twice.
    await user1.chat.accept({ inviteID, data: '' });
    await settle();
    expect(user1.signals).toHaveLength(1);
  });

  it('answered, cancelled and onlineUserOnly invitations are not announced at login', async () => {
    srv = await makeServer();
    const caller = await login('caller');
    const cancelled = await caller.chat.invite({ userID: 'user1', data: 'cancelled', timeout: 0 });
    await caller.chat.cancel({ inviteID: cancelled.inviteID, data: '' });
    await caller.chat.invite({ userID: 'user1', data: 'online only', timeout: 0, onlineUserOnly: true });
    const open = await caller.chat.invite({ userID: 'user1', data: 'open', timeout: 0 });
    const user1 = await login('user1');
    await until(() => user1.signals.length > 0);
    await settle();
    expect(user1.signals.map((e) => e.data.data)).toEqual(['open']);
    expect(user1.signals[0]!.data.inviteID).toBe(open.inviteID);
  });
});

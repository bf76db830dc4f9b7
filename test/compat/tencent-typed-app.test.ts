// A TypeScript app written against Tencent Cloud Chat's signaling calls,
// compiled by `tsc` with natter's declarations: only the import line differs
// from the vendor version (and the `...srv.facade` / userSig that pick the
// test server). It also runs, with assertions on what the peer receives.
import { afterEach, describe, expect, it } from 'vitest';
import TencentCloudChat from '../../src/compat/tencent';
import type { SignalingEvent } from '../../src/compat/tencent';
import { compatServers, type CompatServer } from './support/compat-server';
import { until } from './support/wait';

describe.each(compatServers)('a typed TencentCloudChat app on the %s', (_name, makeServer) => {
  let srv: CompatServer;
  afterEach(async () => srv.close());

  it('compiles against the declarations and rings a peer', async () => {
    srv = await makeServer();
    // ---- the app, as written for the vendor SDK ----
    const caller = TencentCloudChat.create({ SDKAppID: 1400000001, ...srv.facade });
    const callee = TencentCloudChat.create({ SDKAppID: 1400000001, ...srv.facade });
    caller.setLogLevel(1);
    let ready = false;
    callee.on(TencentCloudChat.EVENT.SDK_READY, () => {
      ready = true;
    });
    const received: SignalingEvent[] = [];
    const infos: Array<number | undefined> = [];
    const context = { name: 'call-screen' };
    await callee.addSignalingListener(
      TencentCloudChat.TSignaling.NEW_INVITATION_RECEIVED,
      function (this: typeof context, event) {
        received.push(event);
        void this.name;
      },
      context,
    );
    callee.on(TencentCloudChat.EVENT.MESSAGE_RECEIVED, (event) => {
      for (const message of event.data) infos.push(callee.getSignalingInfo(message)?.actionType);
    });
    const answers: string[] = [];
    await caller.addSignalingListener(
      TencentCloudChat.TSignaling.INVITEE_ACCEPTED,
      (event) => void answers.push(`${event.data.invitee ?? ''} accepted ${event.data.inviteID}`),
    );
    await caller.login({ userID: 'alice', userSig: srv.credential('alice') });
    await callee.login({ userID: 'bob', userSig: srv.credential('bob') });

    const imResponse = await caller.invite({
      userID: 'bob',
      data: JSON.stringify({ call_type: 2, room_id: 1234 }),
      timeout: 30,
      offlinePushInfo: {
        title: 'Call',
        description: 'Alice is calling',
        apnsInfo: { sound: TencentCloudChat.TYPES.IOS_OFFLINE_PUSH_DEFAULT_SOUND },
      },
    });
    const inviteID: string = imResponse.inviteID;
    await until(() => ready && received.length === 1);
    expect(received[0]?.data).toMatchObject({ inviteID, inviter: 'alice', inviteeList: ['bob'] });
    expect(JSON.parse(received[0]?.data.data ?? '{}')).toEqual({ call_type: 2, room_id: 1234 });
    await until(() => infos.length === 1);
    expect(infos).toEqual([TencentCloudChat.TSignaling.ACTION_TYPE_INVITE]);

    await callee.accept({ inviteID, data: '' });
    await until(() => answers.length === 1);
    expect(answers).toEqual([`bob accepted ${inviteID}`]);
    try {
      await callee.reject({ inviteID, data: '' });
      expect.unreachable('a second answer must be refused');
    } catch (imError) {
      expect((imError as { code: number }).code).toBe(8010);
    }
    const list = await callee.getMessageList({ conversationID: 'C2Calice' });
    expect(list.data.messageList.map((m) => callee.getSignalingInfo(m)?.actionType)).toEqual([1, 3]);
    // ---- end of the app ----
    await caller.logout();
    await callee.logout();
  });
});

describe.each(compatServers)('TencentCloudChat SDK events on the %s', (_name, makeServer) => {
  it('SDK_READY once per login; a dropped network is NET_STATE_CHANGE connecting → connected; logout is SDK_NOT_READY', async () => {
    const srv = await makeServer();
    const chat = TencentCloudChat.create({ SDKAppID: 1, ...srv.facade });
    const events: string[] = [];
    chat.on(TencentCloudChat.EVENT.SDK_READY, (e) => void events.push(e.name));
    chat.on(TencentCloudChat.EVENT.SDK_NOT_READY, (e) => void events.push(e.name));
    chat.on(TencentCloudChat.EVENT.NET_STATE_CHANGE, (e) => void events.push(e.data.state));
    await chat.login({ userID: 'netuser', userSig: srv.credential('netuser') });
    await until(() => events.includes('sdkStateReady'));
    chat.client!.dropConnection();
    await until(() => events.filter((e) => e === 'connected').length === 2);
    await chat.logout();
    expect(events).toEqual([
      'connected',
      'sdkStateReady',
      'connecting',
      'connected',
      'disconnected',
      'sdkStateNotReady',
    ]);
    await srv.close();
  });
});

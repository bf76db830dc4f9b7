// Runs every code example of Tencent's signaling document (copied in
// tencent-doc/examples.ts) against natter, with assertions on what the other
// side receives. The server hands out the document's literal inviteID first,
// so cancel / accept / reject / modify examples act on a real invitation.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import TencentCloudChat, {
  type SignalingEvent,
  type SignalingHandler,
  type TencentChat,
  type TencentMessage,
} from '../../src/compat/tencent';
import { compatServers, type CompatServer } from './support/compat-server';
import { settle, until } from './support/wait';
import * as ex from './tencent-doc/examples';

const DOC_INVITE_ID = '38897dbf-ecd4-4b59-a132-bc31529a2b18';
const S = TencentCloudChat.TSignaling;

interface Party {
  chat: TencentChat;
  signals: SignalingEvent[];
  messages: TencentMessage[];
}

describe.each(compatServers)('Tencent signaling document examples on the %s', (_name, makeServer) => {
  let srv: CompatServer;
  let inviter: Party; // the document's caller (unnamed there)
  let user1: Party;
  let user2: Party;
  let warns: unknown[][];
  let logs: unknown[][];
  const chats: TencentChat[] = [];

  /** Logs in with every signaling event and received message recorded (the login the tests add). */
  async function login(userID: string): Promise<Party> {
    const chat = TencentCloudChat.create({ SDKAppID: 1400000000, ...srv.facade });
    chats.push(chat);
    const party: Party = { chat, signals: [], messages: [] };
    const record: SignalingHandler = (e) => void party.signals.push(e);
    for (const name of [
      S.NEW_INVITATION_RECEIVED,
      S.INVITEE_ACCEPTED,
      S.INVITEE_REJECTED,
      S.INVITATION_CANCELLED,
      S.INVITATION_TIMEOUT,
      S.INVITATION_MODIFIED,
    ]) {
      await chat.addSignalingListener(name, record);
    }
    chat.on(TencentCloudChat.EVENT.MESSAGE_RECEIVED, (e) => void party.messages.push(...e.data));
    await chat.login({ userID, userSig: srv.credential(userID) });
    return party;
  }

  const signal = (p: Party, name: string): SignalingEvent | undefined => p.signals.find((e) => e.name === name);
  const warned = (first: string): unknown[] | undefined => warns.find((w) => w[0] === first);
  const logged = (first: string): unknown[] | undefined => logs.find((w) => w[0] === first);

  beforeEach(async () => {
    warns = [];
    logs = [];
    vi.spyOn(console, 'warn').mockImplementation((...a: unknown[]) => void warns.push(a));
    vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void logs.push(a));
    srv = await makeServer({ manualClock: true, inviteIds: [DOC_INVITE_ID] });
    inviter = await login('caller');
    user1 = await login('user1');
    user2 = await login('user2');
  });

  afterEach(async () => {
    for (const c of chats.splice(0)) await c.logout();
    vi.restoreAllMocks();
    await srv.close();
  });

  /** Instruments chat's listener calls (handlers are registered wrapped, and still run) to see the document's handlers being called. */
  function instrument(chat: TencentChat): SignalingEvent[] {
    const calls: SignalingEvent[] = [];
    const wrappers = new Map<SignalingHandler, SignalingHandler>();
    const add = chat.addSignalingListener.bind(chat);
    const remove = chat.removeSignalingListener.bind(chat);
    vi.spyOn(chat, 'addSignalingListener').mockImplementation((name, fn, ctx) => {
      const w: SignalingHandler = function (this: unknown, e) {
        calls.push(e);
        fn.call(this, e);
      };
      wrappers.set(fn, w);
      return add(name, w, ctx);
    });
    vi.spyOn(chat, 'removeSignalingListener').mockImplementation((name, fn, ctx) =>
      remove(name, wrappers.get(fn) ?? fn, ctx),
    );
    return calls;
  }

  it('监听信令事件: the added handler is called with { name, data } for a new invitation', async () => {
    const calls = instrument(user1.chat);
    ex.addListenerExample(user1.chat);
    await ex.inviteExample(inviter.chat);
    await until(() => calls.length > 0);
    expect(calls[0]).toEqual({
      name: 'newInvitationReceived',
      data: { inviteID: DOC_INVITE_ID, inviter: 'caller', groupID: '', data: '', inviteeList: ['user1'] },
    });
  });

  it('移除监听信令事件: removing a handler stops its calls; removing another function leaves it', async () => {
    const calls = instrument(user1.chat);
    const added = ex.addListenerExample(user1.chat);
    // The document's remove names a function of its own, not the one added above.
    await ex.removeListenerExample(user1.chat);
    await ex.inviteExample(inviter.chat);
    await until(() => calls.length === 1);
    await user1.chat.removeSignalingListener(S.NEW_INVITATION_RECEIVED, added);
    await inviter.chat.invite({ userID: 'user1', data: 'second' });
    await until(() => user1.signals.filter((e) => e.name === S.NEW_INVITATION_RECEIVED).length === 2);
    expect(calls).toHaveLength(1);
  });

  it('邀请某个人: invite resolves { code: 0, data: { message }, inviteID } and user1 is invited', async () => {
    await ex.inviteExample(inviter.chat);
    const [, res] = (await until(() => warned('invite success:'))) as [
      string,
      { code: number; inviteID: string; data: { message: TencentMessage } },
    ];
    expect(res.code).toBe(0);
    expect(res.inviteID).toBe(DOC_INVITE_ID);
    expect(inviter.chat.getSignalingInfo(res.data.message)).toMatchObject({
      inviteID: DOC_INVITE_ID,
      actionType: S.ACTION_TYPE_INVITE,
      inviteeList: ['user1'],
    });
    const e = await until(() => signal(user1, S.NEW_INVITATION_RECEIVED));
    expect(e.data).toMatchObject({ inviteID: DOC_INVITE_ID, inviter: 'caller', inviteeList: ['user1'] });
    const conv = (await user1.chat.getConversationList()).data.conversationList.find(
      (c) => c.conversationID === 'C2Ccaller',
    );
    expect(conv?.unreadCount).toBe(1);
  });

  it('邀请某个人 (excludeFromHistoryMessage): the invitation leaves unreadCount alone', async () => {
    await ex.inviteExcludedExample(inviter.chat);
    await until(() => warned('invite success:'));
    const e = await until(() => signal(user1, S.NEW_INVITATION_RECEIVED));
    expect(JSON.parse(e.data.data)).toEqual({ excludeFromHistoryMessage: true });
    const conv = (await user1.chat.getConversationList()).data.conversationList.find(
      (c) => c.conversationID === 'C2Ccaller',
    );
    expect(conv?.unreadCount ?? 0).toBe(0);
  });

  it("邀请某个人 (30s 超时): after 30 s on the server's clock both sides get INVITATION_TIMEOUT", async () => {
    await ex.inviteTimeoutExample(inviter.chat);
    await until(() => signal(user1, S.NEW_INVITATION_RECEIVED));
    srv.clock!.advance(29_000);
    await settle();
    expect(signal(inviter, S.INVITATION_TIMEOUT)).toBeUndefined();
    srv.clock!.advance(1_000);
    const mine = await until(() => signal(inviter, S.INVITATION_TIMEOUT));
    const theirs = await until(() => signal(user1, S.INVITATION_TIMEOUT));
    expect(mine.data).toMatchObject({ inviteID: DOC_INVITE_ID, inviteeList: ['user1'], isSelfTimeout: false });
    expect(theirs.data).toMatchObject({ inviteID: DOC_INVITE_ID, inviteeList: ['user1'], isSelfTimeout: true });
    ex.acceptExample(user1.chat);
    const [, err] = (await until(() => warned('accept failed:'))) as [string, { code: number }];
    expect(err.code).toBe(8010);
  });

  it('邀请某个人 (onlineUserOnly): delivered live, but nothing is stored in history', async () => {
    await ex.inviteOnlineOnlyExample(inviter.chat);
    const [, res] = (await until(() => warned('invite success:'))) as [
      string,
      { code: number; data: { message: unknown } },
    ];
    expect(res.data.message).toBeNull();
    await until(() => signal(user1, S.NEW_INVITATION_RECEIVED));
    const list = await user1.chat.getMessageList({ conversationID: 'C2Ccaller' });
    expect(list.data.messageList).toHaveLength(0);
    expect(user1.messages).toHaveLength(0);
  });

  it('邀请群内的某些人: both invitees of group AV1 are invited', async () => {
    await inviter.chat.createGroup({
      groupID: 'AV1',
      name: 'call',
      type: TencentCloudChat.TYPES.GRP_WORK,
      memberList: [{ userID: 'user1' }, { userID: 'user2' }],
    });
    await ex.inviteInGroupExample(inviter.chat);
    await until(() => warned('inviteInGroup success:'));
    for (const p of [user1, user2]) {
      const e = await until(() => signal(p, S.NEW_INVITATION_RECEIVED));
      expect(e.data).toMatchObject({
        inviteID: DOC_INVITE_ID,
        groupID: 'AV1',
        inviter: 'caller',
        inviteeList: ['user1', 'user2'],
      });
    }
  });

  it('邀请发起者取消邀请: the invitee gets INVITATION_CANCELLED; an invitee cannot cancel', async () => {
    await ex.inviteExample(inviter.chat);
    await until(() => signal(user1, S.NEW_INVITATION_RECEIVED));
    ex.cancelExample(user1.chat);
    const [, refused] = (await until(() => warned('cancel failed:'))) as [string, { code: number }];
    expect([8010, 8011, 8020]).toContain(refused.code);
    ex.cancelExample(inviter.chat);
    await until(() => logged('cancel OK'));
    const e = await until(() => signal(user1, S.INVITATION_CANCELLED));
    expect(e.data).toMatchObject({ inviteID: DOC_INVITE_ID, inviter: 'caller' });
  });

  it('被邀请人接受邀请: the inviter gets INVITEE_ACCEPTED with the invitee; a second answer gets 8010', async () => {
    await ex.inviteExample(inviter.chat);
    await until(() => signal(user1, S.NEW_INVITATION_RECEIVED));
    ex.acceptExample(user1.chat);
    const [, ok] = (await until(() => logged('accept OK'))) as [string, { code: number; inviteID: string }];
    expect(ok).toMatchObject({ code: 0, inviteID: DOC_INVITE_ID });
    const e = await until(() => signal(inviter, S.INVITEE_ACCEPTED));
    expect(e.data).toMatchObject({
      inviteID: DOC_INVITE_ID,
      inviter: 'caller',
      invitee: 'user1',
      inviteeList: ['user1'],
    });
    ex.rejectExample(user1.chat);
    const [, err] = (await until(() => warned('reject failed:'))) as [string, { code: number }];
    expect(err.code).toBe(8010);
  });

  it('被邀请人接受邀请 (forged): someone who knows the inviteID but was not invited is refused by the server', async () => {
    await ex.inviteExample(inviter.chat);
    await until(() => signal(user1, S.NEW_INVITATION_RECEIVED));
    ex.acceptExample(user2.chat);
    const [, err] = (await until(() => warned('accept failed:'))) as [string, { code: number; message: string }];
    expect(err.code).toBe(8011);
    expect(typeof err.message).toBe('string');
    await settle();
    expect(signal(inviter, S.INVITEE_ACCEPTED)).toBeUndefined();
  });

  it('被邀请人拒绝邀请: the inviter gets INVITEE_REJECTED with the invitee', async () => {
    await ex.inviteExample(inviter.chat);
    await until(() => signal(user1, S.NEW_INVITATION_RECEIVED));
    ex.rejectExample(user1.chat);
    await until(() => logged('reject OK'));
    const e = await until(() => signal(inviter, S.INVITEE_REJECTED));
    expect(e.data).toMatchObject({ inviteID: DOC_INVITE_ID, invitee: 'user1' });
  });

  it('获取信令信息: signaling messages give their details, ordinary messages null', async () => {
    await ex.inviteExample(inviter.chat);
    const message = await until(() => user1.messages.find((m) => m.type === TencentCloudChat.TYPES.MSG_CUSTOM));
    const info = ex.signalingInfoExample(user1.chat, message);
    expect(logged('signaling info')?.[1]).toEqual(info);
    expect(info).toMatchObject({
      businessID: 1,
      inviteID: DOC_INVITE_ID,
      inviter: 'caller',
      actionType: S.ACTION_TYPE_INVITE,
      inviteeList: ['user1'],
      data: '',
    });
    await inviter.chat.client!.sendText('single:user1', 'hello');
    const text = await until(() => user1.messages.find((m) => m.type === TencentCloudChat.TYPES.MSG_TEXT));
    expect(ex.signalingInfoExample(user1.chat, text)).toBeNull();
    const history = await user1.chat.getMessageList({ conversationID: 'C2Ccaller' });
    expect(history.data.messageList.map((m) => user1.chat.getSignalingInfo(m)?.inviteID ?? null)).toEqual([
      DOC_INVITE_ID,
      null,
    ]);
  });

  it('获取信令信息 on copies: a spread or JSON clone of a signaling message (Redux, Vue) still gives its details; a look-alike custom message does not', async () => {
    await ex.inviteExample(inviter.chat);
    const message = await until(() => user1.messages.find((m) => m.type === TencentCloudChat.TYPES.MSG_CUSTOM));
    const original = user1.chat.getSignalingInfo(message);
    expect(original).toMatchObject({ inviteID: DOC_INVITE_ID, actionType: S.ACTION_TYPE_INVITE });
    expect(user1.chat.getSignalingInfo({ ...message })).toEqual(original);
    expect(user1.chat.getSignalingInfo(JSON.parse(JSON.stringify(message)))).toEqual(original);
    // A peer's custom message carrying the same JSON is not signaling, copied or not.
    const lookAlike = {
      ...message,
      ID: 'forged',
      natter: { ...(message as { natter: object }).natter, localId: 'client-made' },
    };
    expect(user1.chat.getSignalingInfo(lookAlike)).toBeNull();
    await inviter.chat.client!.send('user1', 'single', {
      type: 'custom',
      customEvent: '',
      customExts: { businessID: '1', inviteID: 'x', inviter: 'caller', actionType: '1' },
    });
    const custom = await until(() =>
      user1.messages.find((m) => m.type === TencentCloudChat.TYPES.MSG_CUSTOM && m !== message),
    );
    expect(user1.chat.getSignalingInfo(JSON.parse(JSON.stringify(custom)))).toBeNull();
  });

  it('修改邀请信令: the invitee gets INVITATION_MODIFIED with the new data', async () => {
    await ex.inviteExample(inviter.chat);
    await until(() => signal(user1, S.NEW_INVITATION_RECEIVED));
    ex.modifyExample(inviter.chat);
    await until(() => logged('modifyInvitation OK'));
    const e = await until(() => signal(user1, S.INVITATION_MODIFIED));
    expect(e.data).toMatchObject({ inviteID: DOC_INVITE_ID, data: 'xxxx' });
  });
});

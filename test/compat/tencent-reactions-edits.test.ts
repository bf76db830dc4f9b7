// The Tencent Cloud Chat message extensions natter maps: modifyMessage with
// MESSAGE_MODIFIED, and addMessageReaction / removeMessageReaction /
// getMessageReactions with MESSAGE_REACTIONS_UPDATED, on messages from
// getMessageList, on the embedded server and on `natter serve`.
import { afterEach, describe, expect, it } from 'vitest';
import TencentCloudChat from '../../src/compat/tencent';
import { compatServers, type CompatServer } from './support/compat-server';
import { until } from './support/wait';

describe.each(compatServers)('Tencent reactions and modifyMessage on the %s', (_name, makeServer) => {
  let srv: CompatServer;
  afterEach(async () => srv.close());

  it('reacts to and modifies a message; the peer gets both events', async () => {
    srv = await makeServer();
    const alice = TencentCloudChat.create({ SDKAppID: 1, ...srv.facade });
    const bob = TencentCloudChat.create({ SDKAppID: 1, ...srv.facade });
    const modified: string[] = [];
    const reactions: Array<{ messageID: string; reactionList: Array<{ reactionID: string; totalUserCount: number }> }> =
      [];
    bob.on(TencentCloudChat.EVENT.MESSAGE_MODIFIED, (e) => {
      for (const m of e.data as Array<{ payload: { text?: string } }>) modified.push(String(m.payload.text));
    });
    bob.on(
      TencentCloudChat.EVENT.MESSAGE_REACTIONS_UPDATED,
      (e) => void reactions.push(e.data as (typeof reactions)[number]),
    );
    await alice.login({ userID: 'tx1', userSig: srv.credential('tx1') });
    await bob.login({ userID: 'tx2', userSig: srv.credential('tx2') });
    await alice.client!.sendText('single:tx2', 'first draft');
    const { data } = await alice.getMessageList({ conversationID: 'C2Ctx2' });
    const message = data.messageList[0]!;

    await bob.addMessageReaction(message, 'emoji_1');
    const added = await alice.addMessageReaction(message, 'emoji_1');
    expect(added.data.reactionID).toBe('emoji_1');
    await until(() => reactions.length === 2);
    expect(reactions[1]).toMatchObject({
      messageID: message.ID,
      reactionList: [{ reactionID: 'emoji_1', totalUserCount: 2 }],
    });
    const summary = await bob.getMessageReactions({ messageList: [message], maxUserCountPerReaction: 1 });
    expect(summary.data.resultList[0]?.reactionList).toEqual([
      { reactionID: 'emoji_1', totalUserCount: 2, partialUserIDList: ['tx2'], reactedByMyself: true },
    ]);
    await bob.removeMessageReaction(message, 'emoji_1');
    await until(() => reactions.length === 3);

    message.payload.text = 'final text';
    const res = await alice.modifyMessage(message);
    expect(res.data.message.payload['text']).toBe('final text');
    await until(() => modified.length === 1);
    expect(modified).toEqual(['final text']);
    await expect(bob.modifyMessage(message)).rejects.toMatchObject({ code: 510 });
    await alice.logout();
    await bob.logout();
  });
});

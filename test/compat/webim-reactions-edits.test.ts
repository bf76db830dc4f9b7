// @vitest-environment jsdom
// The Easemob Web IM message extensions natter maps: addReaction /
// deleteReaction / getReactionList / getReactionDetail with onReactionChange,
// and modifyMessage with onModifiedMessage — by the app's own message ids,
// on the embedded server and on `natter serve`.
import { afterEach, describe, expect, it } from 'vitest';
import WebIM from '../../src/compat/webim';
import { compatServers, type CompatServer } from './support/compat-server';
import { until } from './support/wait';

describe.each(compatServers)('WebIM reactions and edits on the %s', (_name, makeServer) => {
  let srv: CompatServer;
  afterEach(async () => srv.close());

  it('reacts, lists reactions, takes one back and modifies a text message; the peer hears of each', async () => {
    srv = await makeServer();
    const conn = new WebIM.connection({ ...srv.facade, appKey: 'org#app' });
    const peer = new WebIM.connection({ ...srv.facade, appKey: 'org#app' });
    const changes: Array<{ messageId: string; counts: string }> = [];
    const modified: string[] = [];
    peer.listen({
      onReactionChange: (e) =>
        void changes.push({
          messageId: e.messageId,
          counts: e.reactions.map((r) => `${r.reaction}${r.count}`).join(','),
        }),
      onModifiedMessage: (m) => void modified.push(String(m['data'])),
    });
    await conn.open({ user: 'rx1', pwd: 'x', accessToken: srv.credential('rx1') });
    await peer.open({ user: 'rx2', pwd: 'x', accessToken: srv.credential('rx2') });
    const id = conn.getUniqueId();
    const msg = new WebIM.message('txt', id);
    msg.set({ msg: 'hello', to: 'rx2', chatType: 'singleChat' });
    await conn.send(msg.body);

    await conn.addReaction({ messageId: id, reaction: '👍' });
    await until(() => changes.length === 1);
    const list = await conn.getReactionList({ chatType: 'singleChat', messageId: id });
    expect(list.data[id]).toEqual([{ reaction: '👍', count: 1, isAddedBySelf: true, userList: ['rx1'] }]);
    const detail = await conn.getReactionDetail({ messageId: id, reaction: '👍' });
    expect(detail.data).toMatchObject({ reaction: '👍', count: 1, userList: ['rx1'] });
    await conn.deleteReaction({ messageId: id, reaction: '👍' });
    await until(() => changes.length === 2);
    expect(changes[1]?.counts).toBe('');

    const edit = new WebIM.message('txt', conn.getUniqueId());
    edit.set({ msg: 'hello, edited', to: 'rx2', chatType: 'singleChat' });
    const res = await conn.modifyMessage({ messageId: id, modifiedMessage: edit });
    expect(res.message.body).toEqual({ type: 'txt', msg: 'hello, edited' });
    await until(() => modified.length === 1);
    expect(modified).toEqual(['hello, edited']);

    let failed: string | null = null;
    await peer
      .modifyMessage({
        messageId: res.message.serverId,
        modifiedMessage: edit,
        fail: (e) => void (failed = String(e.type)),
      })
      .catch(() => undefined);
    expect(failed).toBe('510');
    conn.close();
    peer.close();
  });
});

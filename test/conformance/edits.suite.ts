// Conformance: edits — the author edits a text message within the server's
// edit window; every member gets the new text marked `edited`, live and in
// history, and replies quoting it show the new text; an edit retried with
// the same editId applies once (even after a later edit); others (510), non-
// text bodies (510), tombstones (510), the window (4091) and the moderation
// hook (501) refuse; an edit made offline is sent on reconnect.
import { describe, expect, it } from 'vitest';
import { conversationId } from '../../src/protocol/ids';
import { FEATURE_WINDOWS, SENSITIVE_WORD, type HarnessFactory } from './harness';
import { codeOf, useSession } from './support';

export function editsSuite(factory: HarnessFactory): void {
  describe('edits', () => {
    const s = useSession(factory);

    it('the author edits: the peer and the author’s other device get the new text, marked edited, live and in history', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice } = await s.client(a);
      const { rec: aliceOther } = await s.client(a);
      const { c: bob, rec: bobRec } = await s.client(b);
      const m = await alice.sendText(conversationId('single', b), 'teh typo');
      const edited = await alice.editText(m.serverId, 'the typo');
      expect(edited).toMatchObject({
        serverId: m.serverId,
        seq: m.seq,
        ts: m.ts,
        body: { type: 'txt', msg: 'the typo' },
      });
      expect(edited.edited?.at).toBeGreaterThanOrEqual(m.ts);
      const live = await bobRec.waitFor(
        'messageUpdate',
        (e) => e.message.serverId === m.serverId && e.reason === 'edit',
      );
      expect(live.message.body).toEqual({ type: 'txt', msg: 'the typo' });
      await aliceOther.waitFor('messageUpdate', (e) => e.reason === 'edit');
      const page = await bob.history(conversationId('single', a));
      expect(page.messages[0]?.body).toEqual({ type: 'txt', msg: 'the typo' });
      expect(page.messages[0]?.edited).toBeDefined();
    });

    it('an edit retried with its editId applies once, even after a later edit', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice } = await s.client(a);
      const m = await alice.sendText(conversationId('single', b), 'v1');
      const first = await alice.request('edit', {
        serverId: m.serverId,
        body: { type: 'txt', msg: 'v2' },
        editId: 'edit-1',
      });
      await alice.request('edit', { serverId: m.serverId, body: { type: 'txt', msg: 'v3' }, editId: 'edit-2' });
      const retried = await alice.request('edit', {
        serverId: m.serverId,
        body: { type: 'txt', msg: 'v2' },
        editId: 'edit-2',
      });
      expect(retried.message.body).toEqual({ type: 'txt', msg: 'v3' });
      expect(first.message.edited?.id).toBe('edit-1');
      const page = await alice.history(conversationId('single', b));
      expect(page.messages[0]?.body).toEqual({ type: 'txt', msg: 'v3' });
    });

    it('an edit made offline is sent when the connection returns', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice } = await s.client(a);
      const { rec: bobRec } = await s.client(b);
      const m = await alice.sendText(conversationId('single', b), 'draft');
      const { c: aliceLater } = s.offline(a);
      const edit = aliceLater.editText(m.serverId, 'final');
      await aliceLater.connect();
      expect((await edit).body).toEqual({ type: 'txt', msg: 'final' });
      await bobRec.waitFor('messageUpdate', (e) => e.message.serverId === m.serverId);
      expect(bobRec.all('messageUpdate', (e) => e.message.serverId === m.serverId)).toHaveLength(1);
    });

    it('a reply quoting an edited message shows the new text in history', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice } = await s.client(a);
      const { c: bob } = await s.client(b);
      const m = await alice.sendText(conversationId('single', b), 'meet at 5');
      const reply = await bob.sendText(conversationId('single', a), 'ok', { replyTo: m.serverId });
      expect(reply.reply).toMatchObject({ serverId: m.serverId, from: a, text: 'meet at 5' });
      await alice.editText(m.serverId, 'meet at 6');
      const page = await bob.history(conversationId('single', a));
      expect(page.messages.find((x) => x.serverId === reply.serverId)?.reply?.text).toBe('meet at 6');
    });

    it('refusals: not the author (510), not text (510), a tombstone (510), sensitive words (501)', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice } = await s.client(a);
      const { c: bob } = await s.client(b);
      const m = await alice.sendText(conversationId('single', b), 'mine');
      expect(await codeOf(bob.editText(m.serverId, 'hijack'))).toBe(510);
      const loc = await alice.send(b, 'single', { type: 'loc', lat: 1, lng: 2, addr: 'here' });
      expect(await codeOf(alice.editText(loc.serverId, 'text now'))).toBe(510);
      expect(await codeOf(alice.editText(m.serverId, `a ${SENSITIVE_WORD}`))).toBe(501);
      await alice.recall(m.serverId);
      expect(await codeOf(alice.editText(m.serverId, 'back'))).toBe(510);
      expect(await codeOf(alice.editText('no-such-message', 'x'))).toBe(508);
    });

    it('within the edit window an edit passes; just after it 4091', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice } = await s.client(a);
      const m = await alice.sendText(conversationId('single', b), 'window');
      // Margins of 30 s: on a cluster the nodes' clocks are real time plus the offset, and a loaded
      // machine can take more than a second between the send and the next step (one did).
      await s.h.advance(FEATURE_WINDOWS.editWindowMs - 30_000);
      await alice.editText(m.serverId, 'inside');
      await s.h.advance(60_000);
      expect(await codeOf(alice.editText(m.serverId, 'outside'))).toBe(4091);
    });
  });
}

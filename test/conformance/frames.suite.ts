// Conformance: frames no ChatClient would send — not JSON, unknown types and
// operations, bad parameters, wrong version, oversized, forged sender — get
// an error frame (the server may then close that connection), and the server
// keeps serving everyone else.
import { describe, expect, it } from 'vitest';
import type { ServerFrame, WelcomeFrame } from '../../src/protocol/frames';
import { conversationId } from '../../src/protocol/ids';
import { PROTOCOL_VERSION } from '../../src/protocol/version';
import type { HarnessFactory } from './harness';
import { openRaw, useSession, type RawConnection, type Session } from './support';

async function welcomed(s: Session, user: string): Promise<{ raw: RawConnection; welcome: WelcomeFrame }> {
  const raw = await openRaw(s.h.transport());
  raw.send(JSON.stringify({ v: PROTOCOL_VERSION, t: 'hello', device: `raw-${user}`, ...s.h.credentials(user) }));
  const welcome = (await raw.waitFrame((f) => f.t === 'welcome')) as WelcomeFrame;
  return { raw, welcome };
}

function isErr(id?: string): (f: ServerFrame) => boolean {
  return (f) => f.t === 'err' && (id === undefined || f.id === id);
}

async function errCode(raw: RawConnection, id?: string): Promise<number> {
  const f = await raw.waitFrame(isErr(id));
  return f.t === 'err' ? f.code : -1;
}

export function framesSuite(factory: HarnessFactory): void {
  describe('malformed, oversized and unknown frames', () => {
    const s = useSession(factory);

    async function stillServes(): Promise<void> {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice } = await s.client(a);
      const { rec: bobRec } = await s.client(b);
      const m = await alice.sendText(conversationId('single', b), 'still here');
      await bobRec.waitFor('message', (e) => e.message.serverId === m.serverId);
    }

    it('text that is not JSON, before or after hello, gets 4000', async () => {
      const before = await openRaw(s.h.transport());
      before.send('this is not json');
      expect(await errCode(before)).toBe(4000);
      before.close();
      const { raw } = await welcomed(s, s.users('raw')[0]);
      raw.send('{"v":1,"t":"req",');
      expect(await errCode(raw)).toBe(4000);
      raw.close();
      await stillServes();
    });

    it('an unknown frame type or operation gets an error naming the request', async () => {
      const [u] = s.users('raw');
      const first = await welcomed(s, u);
      first.raw.send(JSON.stringify({ v: PROTOCOL_VERSION, t: 'req', id: 'u1', op: 'no.such.op', p: {} }));
      expect(await errCode(first.raw, 'u1')).toBe(4001);
      first.raw.close();
      const second = await welcomed(s, u);
      second.raw.send(JSON.stringify({ v: PROTOCOL_VERSION, t: 'teleport', id: 'u2' }));
      expect([4000, 4001]).toContain(await errCode(second.raw));
      second.raw.close();
      await stillServes();
    });

    it('invalid parameters get 4002 and a wrong protocol version gets 4003', async () => {
      const [u] = s.users('raw');
      const one = await welcomed(s, u);
      one.raw.send(JSON.stringify({ v: PROTOCOL_VERSION, t: 'req', id: 'p1', op: 'send', p: { to: 5, body: 'nope' } }));
      expect(await errCode(one.raw, 'p1')).toBe(4002);
      one.raw.close();
      const two = await welcomed(s, u);
      two.raw.send(JSON.stringify({ v: 99, t: 'req', id: 'v1', op: 'blocklist', p: {} }));
      expect(await errCode(two.raw)).toBe(4003);
      two.raw.close();
      await stillServes();
    });

    it('a frame over the announced size limit gets 511', async () => {
      const [u, peer] = s.users('raw', 'peer');
      const { raw, welcome } = await welcomed(s, u);
      const huge = 'x'.repeat(welcome.limits.maxFrameBytes + 1024);
      raw.send(
        JSON.stringify({
          v: PROTOCOL_VERSION,
          t: 'req',
          id: 'big',
          op: 'send',
          p: { localId: 'big1', to: peer, chatType: 'single', body: { type: 'txt', msg: huge } },
        }),
      );
      expect(await errCode(raw)).toBe(511);
      raw.close();
      await stillServes();
    });

    it('a text over the length limit gets 511 through the client too', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice } = await s.client(a);
      const max = alice.limits!.maxTextLength;
      const refused = await alice.sendText(conversationId('single', b), 'y'.repeat(max + 1)).then(
        () => null,
        (e: unknown) => e,
      );
      expect(refused).toMatchObject({ code: 511 });
      await stillServes();
    });

    it('an ext over the size limit gets 511', async () => {
      const [a, b] = s.users('alice', 'bob');
      const { c: alice } = await s.client(a);
      const big = { blob: 'z'.repeat(alice.limits!.maxExtBytes + 16) };
      const refused = await alice.sendText(conversationId('single', b), 'with a large ext', { ext: big }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(refused).toMatchObject({ code: 511 });
    });

    it('a client-sent `from` is never trusted', async () => {
      const [u, victim, peer] = s.users('raw', 'victim', 'peer');
      const { raw } = await welcomed(s, u);
      raw.send(
        JSON.stringify({
          v: PROTOCOL_VERSION,
          t: 'req',
          id: 'f1',
          op: 'send',
          p: {
            localId: 'forge1',
            to: peer,
            chatType: 'single',
            from: victim,
            body: { type: 'txt', msg: 'i am victim' },
          },
        }),
      );
      const answer = await raw.waitFrame((f) => (f.t === 'ok' || f.t === 'err') && f.id === 'f1');
      if (answer.t === 'ok') expect((answer.r as { message: { from: string } }).message.from).toBe(u);
      else expect(answer.t === 'err' ? answer.code : -1).toBe(4002);
      raw.close();
      await stillServes();
    });

    it('a request before hello is refused and does not log anyone in', async () => {
      const raw = await openRaw(s.h.transport());
      raw.send(JSON.stringify({ v: PROTOCOL_VERSION, t: 'req', id: 'early', op: 'blocklist', p: {} }));
      const f = await raw.waitFrameOrClose((x) => x.t === 'err' || x.t === 'ok');
      if (f !== 'closed') {
        expect(f.t).toBe('err');
        expect(f.t === 'err' ? f.code : 0).toBe(4010);
      }
      raw.close();
      await stillServes();
    });
  });
}

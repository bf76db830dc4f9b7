import { describe, expect, it } from 'vitest';
import { validateClientFrame } from '../../src/protocol/validate';

const limits = { maxTextLength: 10, maxExtBytes: 32 };
const req = (op: string, p: unknown, extra: object = {}) =>
  JSON.stringify({ v: 1, t: 'req', id: 'x', op, p, ...extra });
const send = (body: unknown, extra: object = {}) =>
  req('send', { localId: 'l1', to: 'bob', chatType: 'single', body, ...extra });
const codeOf = (raw: string) => {
  const r = validateClientFrame(raw, limits);
  return r.ok ? 0 : r.code;
};

describe('validateClientFrame', () => {
  it('refuses frames that are not JSON objects with v and t as malformed (4000)', () => {
    expect(codeOf('{nope')).toBe(4000);
    expect(codeOf('[]')).toBe(4000);
    expect(codeOf('{"t":"req"}')).toBe(4000);
    expect(codeOf('{"v":1,"t":"shout"}')).toBe(4000);
    expect(codeOf('{"v":1,"t":"req","op":"send"}')).toBe(4000);
  });

  it('refuses another protocol version with 4003 and keeps the request id', () => {
    const r = validateClientFrame(JSON.stringify({ v: 2, t: 'req', id: 'r9', op: 'conversations', p: {} }), limits);
    expect(r).toMatchObject({ ok: false, code: 4003, id: 'r9' });
  });

  it('refuses unknown operations with 4001 and bad parameters with 4002', () => {
    expect(validateClientFrame(req('explode', {}), limits)).toMatchObject({ ok: false, code: 4001, id: 'x' });
    expect(codeOf(req('toString', {}))).toBe(4001);
    expect(codeOf(req('recall', {}))).toBe(4002);
    expect(codeOf(req('history', { conversation: 'nowhere' }))).toBe(4002);
    expect(codeOf(req('group.mute', { groupId: 'g', user: 'u', mute: 'yes' }))).toBe(4002);
  });

  it('accepts every body type a client may send', () => {
    const file = { url: 'u', name: 'n', size: 1, mime: 'image/png' };
    for (const body of [
      { type: 'txt', msg: 'hi' },
      { type: 'img', ...file, width: 1, height: 2 },
      { type: 'cmd', action: 'typing' },
      { type: 'file', ...file },
      { type: 'audio', ...file, duration: 3 },
      { type: 'video', ...file, duration: 3 },
      { type: 'custom', customEvent: 'gift', customExts: { a: 'b' } },
      { type: 'loc', lat: 1, lng: 2, addr: 'here' },
    ]) {
      expect(codeOf(send(body))).toBe(0);
    }
  });

  it('refuses server-only bodies (signal, recalled) and ext: null', () => {
    expect(
      codeOf(
        send({ type: 'signal', action: 'invite', inviteId: 'i', inviter: 'a', invitees: ['b'], data: '', timeout: 0 }),
      ),
    ).toBe(4002);
    expect(codeOf(send({ type: 'recalled', recalledAt: 1, by: 'a' }))).toBe(4002);
    expect(codeOf(send({ type: 'txt', msg: 'hi' }, { ext: null }))).toBe(4002);
    expect(codeOf(send({ type: 'custom', customEvent: 'e', customExts: { n: 1 } }))).toBe(4002);
  });

  it('strips a client-sent from and other server-owned fields', () => {
    const r = validateClientFrame(send({ type: 'txt', msg: 'hi' }, { from: 'mallory', serverId: 'S', seq: 9 }), limits);
    expect(r.ok).toBe(true);
    if (r.ok && r.frame.t === 'req')
      expect(r.frame.p).toEqual({ localId: 'l1', to: 'bob', chatType: 'single', body: { type: 'txt', msg: 'hi' } });
  });

  it('answers text and ext over the limits with 511', () => {
    expect(codeOf(send({ type: 'txt', msg: '0123456789' }))).toBe(0);
    expect(codeOf(send({ type: 'txt', msg: '0123456789x' }))).toBe(511);
    expect(codeOf(send({ type: 'txt', msg: 'a' }, { ext: { k: 'x'.repeat(40) } }))).toBe(511);
    expect(codeOf(req('sig.invite', { invitees: ['b'], data: 'x'.repeat(40) }))).toBe(511);
  });

  it('validates hello and ping', () => {
    expect(validateClientFrame('{"v":1,"t":"ping"}', limits)).toEqual({ ok: true, frame: { v: 1, t: 'ping' } });
    expect(codeOf('{"v":1,"t":"hello","user":"has space"}')).toBe(4002);
    expect(codeOf('{"v":1,"t":"hello","user":"bob","resume":-1}')).toBe(4002);
    expect(codeOf('{"v":1,"t":"hello","user":"bob","resume":3,"device":"d"}')).toBe(0);
  });
});

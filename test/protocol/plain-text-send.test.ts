import { describe, expect, it } from 'vitest';
import { plainTextSend } from '../../src/protocol/plain-text-send';
import { validateClientFrame, validateFrameValue } from '../../src/protocol/validate';

const limits = { maxTextLength: 40, maxExtBytes: 64 };

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const validFrame = () => ({
  v: 1,
  t: 'req',
  id: 'r1',
  op: 'send',
  p: { localId: 'l1', to: 'bob', chatType: 'single', body: { type: 'txt', msg: 'hello' } },
});

/** Values a malformed frame puts where a field goes: wrong types, edge lengths, near misses. */
const oddValues: unknown[] = [
  undefined, // the key is left out
  null,
  0,
  1,
  2,
  -1,
  1.5,
  true,
  false,
  '',
  ' ',
  '~',
  '~l1',
  'a'.repeat(64),
  'a'.repeat(65),
  'a'.repeat(128),
  'a'.repeat(129),
  'a'.repeat(41),
  'bob!',
  'bo b',
  'é',
  'ü'.repeat(40),
  '😀'.repeat(20),
  '😀'.repeat(21),
  'single',
  'group',
  'room',
  'private',
  'txt',
  'img',
  'cmd',
  'req',
  'send',
  'hello',
  'recall',
  [],
  ['bob'],
  {},
  { type: 'txt' },
  { type: 'txt', msg: 'x' },
  { type: 'txt', msg: 'x', extra: 1 },
  { type: 'txt', msg: 5 },
  { type: 'cmd', action: 'typing' },
  { type: 'img', url: 'u', name: 'n', size: 1, mime: 'image/png' },
  { type: 'signal', msg: 'x' },
  { a: { b: { c: {} } } },
];

/** Keys a mutation may set or add, per level of the frame. */
const keys = {
  frame: ['v', 't', 'id', 'op', 'p', 'extra', 'e'],
  p: ['localId', 'to', 'chatType', 'body', 'ext', 'config', 'replyTo', 'mentions', 'threadOf', 'from', 'serverId'],
  body: ['type', 'msg', 'action', 'url', 'extra'],
};

type Obj = Record<string, unknown>;

function mutate(frame: Obj, pick: <T>(xs: readonly T[]) => T): void {
  const level = pick(['frame', 'p', 'body'] as const);
  const target =
    level === 'frame'
      ? frame
      : level === 'p'
        ? (frame.p as Obj | undefined)
        : ((frame.p as Obj | undefined)?.body as Obj | undefined);
  if (typeof target !== 'object' || target === null || Array.isArray(target)) return;
  const key = pick(keys[level]);
  const value = pick(oddValues);
  if (value === undefined) delete target[key];
  else target[key] = structuredClone(value);
}

/** Both paths answer the same: the frame (same keys in the same order) or the same refusal. */
function expectSameAnswer(raw: string): ReturnType<typeof validateClientFrame> {
  const withFastPath = validateClientFrame(raw, limits);
  const schemaOnly = validateFrameValue(JSON.parse(raw), limits);
  expect(withFastPath).toStrictEqual(schemaOnly);
  expect(JSON.stringify(withFastPath)).toBe(JSON.stringify(schemaOnly));
  return withFastPath;
}

describe('plainTextSend (the fast path for a plain text send)', () => {
  it('takes a plain text send and builds the frame the schema builds', () => {
    const raw = JSON.stringify(validFrame());
    expect(plainTextSend(JSON.parse(raw))).not.toBeNull();
    expect(expectSameAnswer(raw)).toMatchObject({ ok: true, frame: { op: 'send', p: { body: { msg: 'hello' } } } });
  });

  it('answers exactly as the schema does for thousands of generated, mostly malformed, send frames', () => {
    const next = random(21);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
    let fast = 0;
    let accepted = 0;
    let refused = 0;
    for (let i = 0; i < 6000; i++) {
      const frame: Obj = validFrame();
      const mutations = Math.floor(next() * 4); // 0 keeps some frames valid
      for (let m = 0; m < mutations; m++) mutate(frame, pick);
      const raw = JSON.stringify(frame);
      if (plainTextSend(JSON.parse(raw)) !== null) fast++;
      const answer = expectSameAnswer(raw);
      if (answer.ok) accepted++;
      else refused++;
    }
    // The generator reaches both sides and the fast path itself, so agreement is not vacuous.
    expect(fast).toBeGreaterThan(1000);
    expect(accepted).toBeGreaterThan(fast);
    expect(refused).toBeGreaterThan(2000);
  });

  it('leaves frames with keys the schema strips or a __proto__ key to the schema, which answers them', () => {
    const base = validFrame();
    const cases = [
      { ...base, extra: 1 },
      { ...base, p: { ...base.p, from: 'mallory' } },
      { ...base, p: { ...base.p, body: { ...base.p.body, from: 'mallory' } } },
    ].map((f) => JSON.stringify(f));
    cases.push(JSON.stringify(base).replace('"body":', '"__proto__":{"x":1},"body":'));
    cases.push(JSON.stringify(base).replace('"msg":', '"__proto__":null,"msg":'));
    for (const raw of cases) {
      expect(plainTextSend(JSON.parse(raw))).toBeNull();
      const answer = expectSameAnswer(raw);
      expect(answer.ok && answer.frame.t === 'req' && answer.frame.p).toStrictEqual(base.p);
    }
  });

  it('refuses a text over the limit with 511 and the request id, as the schema path does', () => {
    const frame = validFrame();
    frame.p.body.msg = 'x'.repeat(41);
    expect(plainTextSend(JSON.parse(JSON.stringify(frame)))).not.toBeNull();
    expect(expectSameAnswer(JSON.stringify(frame))).toMatchObject({ ok: false, code: 511, id: 'r1' });
  });

  it('leaves the depth check to the schema path when the limit is below the shape it takes', () => {
    const raw = JSON.stringify(validFrame());
    expect(validateClientFrame(raw, { ...limits, maxJsonDepth: 2 })).toMatchObject({ ok: false, code: 4004 });
  });
});

// Signed tokens: minted for a user, verified until they expire, refused when
// forged or tampered with, and the hello authenticator's dev mode.
import { describe, expect, it } from 'vitest';
import { createHelloAuthenticator, createToken, verifyToken } from '../../src/node/token';
import { ErrorCode } from '../../src/protocol/errors';

const secret = 'test-secret';

function codeOf(fn: () => unknown): number | undefined {
  try {
    fn();
  } catch (e) {
    return (e as { code?: number }).code;
  }
  return undefined;
}

describe('tokens', () => {
  it('verifies a freshly minted token to its user', () => {
    const token = createToken('alice', { secret, ttlSeconds: 60 });
    expect(verifyToken(token, { secret })).toBe('alice');
  });

  it('refuses a token after its expiry with 4011', () => {
    const now = Date.UTC(2026, 0, 1);
    const token = createToken('alice', { secret, ttlSeconds: 60, now });
    expect(verifyToken(token, { secret, now: now + 59_000 })).toBe('alice');
    expect(codeOf(() => verifyToken(token, { secret, now: now + 60_000 }))).toBe(ErrorCode.TOKEN_EXPIRED);
  });

  it('refuses forged, tampered and garbage tokens with 4012', () => {
    const token = createToken('alice', { secret });
    const [payload, sig] = token.split('.') as [string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { exp: number };
    const asBob = Buffer.from(JSON.stringify({ user: 'bob', exp: claims.exp })).toString('base64url');
    expect(codeOf(() => verifyToken(`${asBob}.${sig}`, { secret }))).toBe(ErrorCode.TOKEN_INVALID);
    expect(codeOf(() => verifyToken(createToken('alice', { secret: 'other' }), { secret }))).toBe(
      ErrorCode.TOKEN_INVALID,
    );
    expect(codeOf(() => verifyToken(`${payload}.${sig.slice(0, -2)}`, { secret }))).toBe(ErrorCode.TOKEN_INVALID);
    for (const junk of ['', 'abc', 'a.b.c', '.', `${payload}.`])
      expect(codeOf(() => verifyToken(junk, { secret }))).toBe(ErrorCode.TOKEN_INVALID);
  });

  it('refuses to mint or verify without a secret', () => {
    expect(() => createToken('alice', { secret: '' })).toThrow(/secret/);
    expect(() => verifyToken('x.y', { secret: '' })).toThrow(/secret/);
  });
});

describe('hello authenticator', () => {
  it('requires a token unless dev mode is on, and says when it expires', async () => {
    const auth = createHelloAuthenticator({ secret });
    const now = Date.now();
    const token = createToken('carol', { secret, now, ttlSeconds: 600 });
    expect(await auth({ v: 1, t: 'hello', token })).toEqual({
      user: 'carol',
      expiresAt: (Math.floor(now / 1000) + 600) * 1000,
    });
    expect(await auth({ v: 1, t: 'hello', user: 'carol' })).toMatchObject({ code: ErrorCode.NOT_AUTHENTICATED });
    expect(await auth({ v: 1, t: 'hello', token: createToken('carol', { secret, ttlSeconds: -1 }) })).toMatchObject({
      code: ErrorCode.TOKEN_EXPIRED,
    });
  });

  it('accepts a bare user id in dev mode, and still checks tokens that are sent', async () => {
    const auth = createHelloAuthenticator({ secret, dev: true });
    expect(await auth({ v: 1, t: 'hello', user: 'dave' })).toEqual({ user: 'dave' });
    expect(await auth({ v: 1, t: 'hello', user: '../etc' })).toMatchObject({ code: ErrorCode.NOT_AUTHENTICATED });
    expect(await auth({ v: 1, t: 'hello', token: 'forged.token', user: 'dave' })).toMatchObject({
      code: ErrorCode.TOKEN_INVALID,
    });
  });
});

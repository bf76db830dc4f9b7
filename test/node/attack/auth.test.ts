// Attacks on authentication, against a real `natter serve` taking natter's
// own tokens and JWTs (HS256 secret, and RS256 / ES256 / EdDSA keys from a
// JWKS file): unsigned tokens, wrong keys, algorithm confusion, wrong issuer
// or audience, expired and not-yet-valid tokens, bad user claims, and tokens
// that expire in the middle of a session. A JWKS served by URL is checked on
// an in-process host.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import WebSocket from 'ws';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, UnsecuredJWT, type CryptoKey, type JWK } from 'jose';
import { createChatClient } from '../../../src/client/chat-client';
import { ErrorCode } from '../../../src/protocol/errors';
import type { RunningServer } from '../../../src/node/serve';
import { RawClient } from '../support/raw-client';
import { startTestServer, tempDir } from '../support/servers';
import { closedWithin, startAttackServer, tokenFor, Witness, type AttackServer } from './support';

const JWT_SECRET = 'an-identity-provider-secret-of-40-bytes!';
const ISSUER = 'https://id.example.com/';
const AUDIENCE = 'natter';

type Alg = 'RS256' | 'ES256' | 'EdDSA';
const keys = {} as Record<Alg | 'attacker', { privateKey: CryptoKey; publicJwk: JWK }>;
let server: AttackServer;
let witness: Witness;
const jwksDir = tempDir('natter-jwks-');

beforeAll(async () => {
  for (const alg of ['RS256', 'ES256', 'EdDSA', 'attacker'] as const) {
    const { privateKey, publicKey } = await generateKeyPair(alg === 'attacker' ? 'RS256' : alg, { extractable: true });
    keys[alg] = { privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid: `${alg}-key`, use: 'sig' } };
  }
  const jwksFile = join(jwksDir.dir, 'jwks.json');
  writeFileSync(jwksFile, JSON.stringify({ keys: [keys.RS256.publicJwk, keys.ES256.publicJwk, keys.EdDSA.publicJwk] }));
  server = await startAttackServer([
    '--jwt-secret',
    JWT_SECRET,
    '--jwt-jwks',
    jwksFile,
    '--jwt-issuer',
    ISSUER,
    '--jwt-audience',
    AUDIENCE,
    '--jwt-clock-skew',
    '0',
  ]);
  witness = new Witness(server.url);
  await witness.before();
}, 30_000);
afterAll(async () => {
  await server.stopAndClean();
  jwksDir.remove();
});

interface Claims {
  sub?: string;
  iss?: string;
  aud?: string;
  exp?: number | null;
  nbf?: number;
  [k: string]: unknown;
}

const now = (): number => Math.floor(Date.now() / 1000);

async function jwt(
  alg: 'HS256' | Alg,
  claims: Claims = {},
  key?: CryptoKey | Uint8Array,
  kid?: string,
): Promise<string> {
  const { exp, ...rest } = { sub: 'jwt-user', iss: ISSUER, aud: AUDIENCE, exp: now() + 600, ...claims };
  const signer = new SignJWT(rest)
    .setProtectedHeader({ alg, ...(alg === 'HS256' ? {} : { kid: kid ?? `${alg}-key` }) })
    .setIssuedAt();
  if (exp !== null) signer.setExpirationTime(exp);
  return signer.sign(key ?? (alg === 'HS256' ? new TextEncoder().encode(JWT_SECRET) : keys[alg].privateKey));
}

/** Says hello with `token`: the user it was welcomed as, or the refusal code. */
async function login(token: string): Promise<string | number> {
  const c = await RawClient.connect(server.url, { token });
  await c.close();
  if (c.welcome) return c.welcome.user;
  const err = c.frames.find((f) => f.t === 'err');
  return err && err.t === 'err' ? err.code : -1;
}

describe('JWTs', () => {
  it('welcomes HS256, RS256, ES256 and EdDSA tokens from the configured issuer and audience', async () => {
    expect(await login(await jwt('HS256'))).toBe('jwt-user');
    for (const alg of ['RS256', 'ES256', 'EdDSA'] as const)
      expect([alg, await login(await jwt(alg, { sub: `u-${alg}` }))]).toEqual([alg, `u-${alg}`]);
    // natter's own tokens still work next to them.
    expect(await login(tokenFor('own-token-user'))).toBe('own-token-user');
  });

  it('refuses alg "none", wrong keys and algorithm confusion (4012)', async () => {
    const unsigned = new UnsecuredJWT({ sub: 'admin', iss: ISSUER, aud: AUDIENCE }).setExpirationTime('10m').encode();
    expect(await login(unsigned)).toBe(ErrorCode.TOKEN_INVALID);
    // The same claims with a forged "none" header on a signed token's body.
    const [, body] = (await jwt('HS256', { sub: 'admin' })).split('.');
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    expect(await login(`${header}.${body}.`)).toBe(ErrorCode.TOKEN_INVALID);
    expect(await login(`${header}.${body}.c2ln`)).toBe(ErrorCode.TOKEN_INVALID);
    expect(
      await login(await jwt('HS256', {}, new TextEncoder().encode('another-secret-that-is-long-enough-32b'))),
    ).toBe(ErrorCode.TOKEN_INVALID);
    // Signed by a key the JWKS does not hold, claiming the kid of one it does.
    expect(await login(await jwt('RS256', {}, keys.attacker.privateKey, 'RS256-key'))).toBe(ErrorCode.TOKEN_INVALID);
    expect(await login(await jwt('RS256', {}, keys.attacker.privateKey, 'unknown-kid'))).toBe(ErrorCode.TOKEN_INVALID);
    // HS256 "signed" with the server's RSA public key (the classic confusion).
    const pem = await exportSPKI((await generateKeyPair('RS256', { extractable: true })).publicKey);
    expect(await login(await jwt('HS256', {}, new TextEncoder().encode(pem)))).toBe(ErrorCode.TOKEN_INVALID);
    // A tampered payload.
    const good = await jwt('ES256');
    const [h, , s] = good.split('.');
    const forgedBody = Buffer.from(
      JSON.stringify({ sub: 'admin', iss: ISSUER, aud: AUDIENCE, exp: now() + 600 }),
    ).toString('base64url');
    expect(await login(`${h}.${forgedBody}.${s}`)).toBe(ErrorCode.TOKEN_INVALID);
  });

  it('refuses a wrong issuer or audience, a missing exp, a future nbf and an unusable user id (4012), and an expired token (4011)', async () => {
    expect(await login(await jwt('HS256', { iss: 'https://evil.example/' }))).toBe(ErrorCode.TOKEN_INVALID);
    expect(await login(await jwt('RS256', { aud: 'another-app' }))).toBe(ErrorCode.TOKEN_INVALID);
    expect(await login(await jwt('HS256', { exp: null }))).toBe(ErrorCode.TOKEN_INVALID);
    expect(await login(await jwt('HS256', { nbf: now() + 600 }))).toBe(ErrorCode.TOKEN_INVALID);
    expect(await login(await jwt('HS256', { sub: '../../etc/passwd' }))).toBe(ErrorCode.TOKEN_INVALID);
    expect(await login(await jwt('EdDSA', { exp: now() - 5 }))).toBe(ErrorCode.TOKEN_EXPIRED);
  });

  it('accepts a JWT for uploads, and refuses an unsigned one', async () => {
    const upload = async (token: string): Promise<number> =>
      (
        await fetch(`${server.httpUrl}/files?name=a.txt`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'text/plain' },
          body: 'hi',
        })
      ).status;
    expect(await upload(await jwt('ES256'))).toBe(201);
    expect(
      await upload(new UnsecuredJWT({ sub: 'x', iss: ISSUER, aud: AUDIENCE }).setExpirationTime('10m').encode()),
    ).toBe(401);
  });
});

describe('tokens that expire mid-session', () => {
  it("ends a raw session at its natter token's expiry (4011) after an expiring notice", async () => {
    const c = await RawClient.connect(server.url, { token: tokenFor('short-lived', 2) });
    expect(c.welcome).not.toBeNull();
    const code = await closedWithin(c.ws, 8000);
    expect(code).toBe(4011);
    expect(c.frames.some((f) => f.t === 'expiring')).toBe(true);
    expect(c.frames.find((f) => f.t === 'bye')).toMatchObject({ code: ErrorCode.TOKEN_EXPIRED });
  });

  it("ends a session at its JWT's expiry", async () => {
    const c = await RawClient.connect(server.url, { token: await jwt('RS256', { exp: now() + 2 }) });
    expect(c.welcome).not.toBeNull();
    expect(await closedWithin(c.ws, 8000)).toBe(4011);
  });

  it('keeps a ChatClient that renews its token when told it will expire, without losing a message', async () => {
    const alice = createChatClient({ url: server.url, WebSocket, token: tokenFor('renewer', 3), reconnect: false });
    const bob = createChatClient({ url: server.url, WebSocket, token: tokenFor('renewer-peer'), reconnect: false });
    try {
      await Promise.all([alice.connect(), bob.connect()]);
      const renewed = new Promise<void>((resolve, reject) => {
        alice.on('tokenWillExpire', () => void alice.renewToken(tokenFor('renewer', 3600)).then(resolve, reject));
      });
      await renewed;
      // Past the first token's expiry.
      await new Promise((r) => setTimeout(r, 3500));
      expect(alice.state).toBe('open');
      const sent = await alice.sendText('single:renewer-peer', 'still here');
      const page = await bob.history('single:renewer');
      expect(page.messages.map((m) => m.serverId)).toContain(sent.serverId);
    } finally {
      alice.close();
      bob.close();
    }
  });
});

describe('JWKS by URL', () => {
  it('fetches the keys from the identity provider and uses the configured user claim', async () => {
    const jwks = JSON.stringify({ keys: [keys.ES256.publicJwk] });
    const idp: Server = createServer((_req, res) =>
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(jwks),
    );
    await new Promise<void>((r) => idp.listen(0, '127.0.0.1', r));
    const port = (idp.address() as { port: number }).port;
    const tmp = tempDir();
    let host: RunningServer | null = null;
    try {
      host = await startTestServer(tmp.dir, {
        jwt: { jwks: `http://127.0.0.1:${port}/.well-known/jwks.json`, userClaim: 'natter_user', issuer: ISSUER },
      });
      const token = await jwt('ES256', { natter_user: 'claimed-user', sub: 'idp|12345' });
      const c = await RawClient.connect(host.url, { token });
      expect(c.welcome?.user).toBe('claimed-user');
      await c.close();
      const forger = await generateKeyPair('ES256');
      const other = await RawClient.connect(host.url, {
        token: await jwt('ES256', { natter_user: 'claimed-user' }, forger.privateKey, 'ES256-key'),
      });
      expect(other.welcome).toBeNull();
      await other.close();
    } finally {
      await host?.close();
      tmp.remove();
      await new Promise((r) => idp.close(r));
    }
  });
});

describe('after the attacks', () => {
  it('an ordinary client still sends and receives, and nothing stored was lost', async () => {
    await witness.after();
  });
});

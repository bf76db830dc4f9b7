// The `natter` command: help, minting tokens, refusing to serve without a
// secret, and `natter serve` from bin/natter.js answering on the port it prints.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import WebSocket from 'ws';
import { createChatClient } from '../../src/client/chat-client';
import { runCli, type CliIo } from '../../src/node/cli';
import { generateVapidKeys } from '../../src/node/push-sender';
import { verifyToken } from '../../src/node/token';
import { tempDir } from './support/servers';

function io(env: Record<string, string> = {}): CliIo & { stdout: string; stderr: string } {
  const o = {
    stdout: '',
    stderr: '',
    env,
    out: (t: string) => void (o.stdout += t),
    err: (t: string) => void (o.stderr += t),
  };
  return o;
}

describe('natter CLI', () => {
  it('prints help for --help and for serve --help', async () => {
    const a = io();
    expect(await runCli(['--help'], a)).toBe(0);
    expect(a.stdout).toContain('natter serve');
    expect(a.stdout).toContain('--synchronous');
    const b = io();
    expect(await runCli(['serve', '--help'], b)).toBe(0);
    expect(b.stdout).toContain('--db <path>');
    expect(b.stdout).toContain('--event-max-age <ms>');
    for (const option of [
      '--max-connections <n>',
      '--max-connections-per-ip <n>',
      '--hello-timeout <ms>',
      '--headers-timeout <ms>',
      '--request-timeout <ms>',
      '--upload-rate <r,b>',
      '--upload-quota <bytes>',
      '--reject-words <list>',
      '--intercept-words <list>',
      '--jwt-secret <s>',
      '--jwt-jwks <file|url>',
      '--jwt-issuer',
      '--jwt-audience',
      '--jwt-clock-skew',
      '--jwt-user-claim',
      '--jwt-algorithms',
    ]) {
      expect(b.stdout).toContain(option);
    }
  });

  it('prints the version of @natter/server for --version and -v', async () => {
    const { version } = JSON.parse(
      readFileSync(resolve(import.meta.dirname, '../../packages/server/package.json'), 'utf8'),
    ) as { version: string };
    for (const flag of ['--version', '-v']) {
      const a = io();
      expect(await runCli([flag], a)).toBe(0);
      expect(a.stdout).toBe(`${version}\n`);
    }
  });

  it('mints a token with --secret or NATTER_SECRET and the given ttl', async () => {
    const a = io();
    const s3cret = 's3cret-s3cret-s3cret-s3cret-s3cret';
    expect(await runCli(['token', 'alice', '--secret', s3cret, '--ttl', '60'], a)).toBe(0);
    expect(verifyToken(a.stdout.trim(), { secret: s3cret })).toBe('alice');
    expect(verifyToken(a.stdout.trim(), { secret: s3cret, now: Date.now() + 59_000 })).toBe('alice');
    expect(() => verifyToken(a.stdout.trim(), { secret: s3cret, now: Date.now() + 61_000 })).toThrow('expired');
    const fromEnv = 'from-env-from-env-from-env-from-env';
    const b = io({ NATTER_SECRET: fromEnv });
    expect(await runCli(['token', 'bob'], b)).toBe(0);
    expect(verifyToken(b.stdout.trim(), { secret: fromEnv })).toBe('bob');
    const c = io();
    expect(await runCli(['token', 'bob'], c)).toBe(2);
    expect(c.stderr).toContain('secret');
  });

  it('refuses to mint with a secret under 32 bytes (brute-forceable from any one token)', async () => {
    for (const secret of ['s3cret', 'x'.repeat(31), 'é'.repeat(15)]) {
      const a = io();
      expect(await runCli(['token', 'alice', '--secret', secret], a)).toBe(2);
      expect(a.stderr).toContain('at least 32 bytes');
      expect(a.stdout).toBe('');
    }
    const env = io({ NATTER_SECRET: 'short' });
    expect(await runCli(['token', 'alice'], env)).toBe(2);
    expect(await runCli(['token', 'alice', '--secret', 'x'.repeat(32)], io())).toBe(0);
  });

  it('refuses to serve without a secret unless --dev, and rejects unknown commands and options', async () => {
    const tmp = tempDir();
    try {
      const a = io();
      expect(
        await runCli(['serve', '--port', '0', '--db', join(tmp.dir, 'db.sqlite'), '--files', join(tmp.dir, 'f')], a),
      ).toBe(2);
      expect(a.stderr).toContain('--secret');
      const b = io();
      expect(await runCli(['serve', '--bogus'], b)).toBe(2);
      const r = io();
      expect(await runCli(['serve', '--dev', '--rate-limit', 'fast'], r)).toBe(2);
      expect(r.stderr).toContain('--rate-limit');
      const age = io();
      expect(await runCli(['serve', '--dev', '--event-max-age', 'a month'], age)).toBe(2);
      expect(age.stderr).toContain('--event-max-age must be a non-negative integer');
      const c = io();
      expect(await runCli(['launch'], c)).toBe(2);
      expect(c.stderr).toContain('unknown command');
    } finally {
      tmp.remove();
    }
  });

  it('prints a VAPID key pair, and refuses incomplete or malformed Web Push settings before opening anything', async () => {
    const keys = io();
    expect(await runCli(['vapid-keys'], keys)).toBe(0);
    const m = /--vapid-public-key[ =](\S+)\n--vapid-private-key[ =](\S+)\n/.exec(keys.stdout);
    expect(Buffer.from(m![1]!, 'base64url')).toHaveLength(65);
    expect(Buffer.from(m![2]!, 'base64url')).toHaveLength(32);
    const [publicKey, privateKey] = [m![1]!, m![2]!];
    const help = io();
    await runCli(['serve', '--help'], help);
    for (const option of ['--vapid-public-key <k>', '--vapid-private-key <k>', '--vapid-subject <uri>', '--push-text'])
      expect(help.stdout).toContain(option);

    const cases: [string[], Record<string, string>, string][] = [
      [['--vapid-subject', 'mailto:a@b.test'], {}, '--vapid-subject needs --vapid-public-key'],
      [['--vapid-public-key', publicKey], {}, 'both --vapid-public-key and --vapid-private-key'],
      [['--vapid-public-key', publicKey], { NATTER_VAPID_PRIVATE_KEY: privateKey }, 'needs --vapid-subject'],
      [
        ['--vapid-public-key', 'short', '--vapid-private-key', privateKey, '--vapid-subject', 'mailto:a@b.test'],
        {},
        'Web Push settings: Vapid public key should be 65 bytes',
      ],
      [
        ['--vapid-public-key', publicKey, '--vapid-private-key', privateKey, '--vapid-subject', 'ops@b.test'],
        {},
        'Web Push settings:',
      ],
    ];
    for (const [args, env, error] of cases) {
      const out = io(env);
      expect(await runCli(['serve', '--dev', '--db', ':memory:', '--port', '0', ...args], out)).toBe(2);
      expect(out.stderr).toContain(error);
    }

    // One private key in 64 starts with a dash: pasted as printed, it is read as the key (the error
    // is the missing subject, not the command line).
    let dashed = generateVapidKeys();
    while (!dashed.privateKey.startsWith('-')) dashed = generateVapidKeys();
    const pasted = io();
    const args = ['--vapid-public-key', dashed.publicKey, '--vapid-private-key', dashed.privateKey];
    expect(await runCli(['serve', '--dev', '--db', ':memory:', '--port', '0', ...args], pasted)).toBe(2);
    expect(pasted.stderr).toContain('needs --vapid-subject');
  });

  it('serve --edit-window and --delete-window are the windows the server announces and enforces', async () => {
    const tmp = tempDir();
    let stop: (() => Promise<void>) | null = null;
    const o = io();
    o.onServer = (close) => void (stop = close);
    try {
      const args = [
        'serve',
        '--dev',
        '--port',
        '0',
        '--db',
        join(tmp.dir, 'db.sqlite'),
        '--files',
        join(tmp.dir, 'f'),
        '--edit-window',
        '60000',
        '--delete-window',
        '0',
      ];
      expect(await runCli(args, o)).toBe(0);
      const url = /WebSocket (ws:\/\/[^)]+)\)/.exec(o.stdout)![1]!;
      const client = createChatClient({ url, user: 'alice', WebSocket, reconnect: false });
      await client.connect();
      expect(client.limits).toMatchObject({ editWindowMs: 60_000, deleteWindowMs: 0 });
      const m = await client.sendText('single:bob', 'hi');
      await new Promise((r) => setTimeout(r, 5));
      expect(await client.deleteMessage(m.serverId, 'everyone').catch((e: { code: number }) => e.code)).toBe(4092);
      client.close();
    } finally {
      await (stop as (() => Promise<void>) | null)?.();
      tmp.remove();
    }
  });

  it('runs `natter serve --dev` through bin/natter.js, prints where it listens, and stops on SIGTERM', async () => {
    const tmp = tempDir();
    const root = resolve(import.meta.dirname, '../..');
    const child = spawn(
      process.execPath,
      [
        join(root, 'packages/server/bin/natter.js'),
        'serve',
        '--dev',
        '--port',
        '0',
        '--db',
        join(tmp.dir, 'db.sqlite'),
        '--files',
        join(tmp.dir, 'files'),
        '--event-max-age',
        '86400000',
      ],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    try {
      const url = await new Promise<string>((res, rej) => {
        let out = '';
        const timer = setTimeout(() => rej(new Error('no listening line')), 20_000);
        child.stdout.setEncoding('utf8').on('data', (d: string) => {
          out += d;
          const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (m) {
            clearTimeout(timer);
            res(m[1]!);
          }
        });
      });
      const health = await fetch(`${url}/health`);
      expect(await health.json()).toMatchObject({ ok: true });
      const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      // Structured logs: one JSON object per line on stderr.
      const events = stderr
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => (JSON.parse(l) as { event: string }).event);
      expect(events).toEqual(expect.arrayContaining(['server.listening', 'server.stopping', 'server.stopped']));
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      tmp.remove();
    }
  });
});

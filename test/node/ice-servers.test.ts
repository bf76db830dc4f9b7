// ICE servers for calls on `natter serve`: parsing --ice-servers, TURN
// REST-style short-lived credentials, and a device joining a call on a real
// server (started by the CLI on 127.0.0.1) receiving them.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runCli } from '../../src/node/cli';
import { iceServersFor, parseIceServers, turnRestCredential } from '../../src/node/ice-servers';
import { rtcCallData, type IceServer } from '../../src/protocol/rtc';
import { RawClient } from './support/raw-client';
import { tempDir } from './support/servers';

describe('ICE servers', () => {
  it('parses comma-separated stun:/turn: URLs and JSON entries, and refuses anything else', () => {
    expect(
      parseIceServers(
        'stun:stun.example.org:3478, turn:turn.example.org:3478?transport=udp,turns:turn.example.org:5349',
      ),
    ).toEqual([
      { urls: ['stun:stun.example.org:3478'] },
      { urls: ['turn:turn.example.org:3478?transport=udp', 'turns:turn.example.org:5349'] },
    ]);
    expect(parseIceServers('[{"urls":"turn:t.example:3478","username":"u","credential":"p"}]')).toEqual([
      { urls: ['turn:t.example:3478'], username: 'u', credential: 'p' },
    ]);
    expect(() => parseIceServers('http://example.org')).toThrow('not a stun:/turn: URL');
    expect(() => parseIceServers('[{"urls":"ftp:x"}]')).toThrow('entry 0');
    expect(() => parseIceServers('[{')).toThrow('not valid JSON');
  });

  it('makes TURN REST credentials: <expiry>:<user> signed with HMAC-SHA1 of the shared secret', () => {
    // Checked against `printf 1700003600:alice | openssl dgst -sha1 -hmac north -binary | base64`.
    expect(turnRestCredential('north', 'alice', 3600, 1_700_000_000_000)).toEqual({
      username: '1700003600:alice',
      credential: 'wjwSXO2ch1B6VaLTLMy2Avn5O9o=',
    });
    const perUser = iceServersFor({
      servers: parseIceServers('stun:s.example:3478,turn:t.example:3478'),
      turnSecret: 'north',
      turnTtlSeconds: 60,
      now: () => 1_700_000_000_000,
    });
    expect(typeof perUser === 'function' && perUser('bob')).toEqual([
      { urls: ['stun:s.example:3478'] },
      {
        urls: ['turn:t.example:3478'],
        username: '1700000060:bob',
        credential: turnRestCredential('north', 'bob', 60, 1_700_000_000_000).credential,
      },
    ]);
  });

  it('natter serve --ice-servers --turn-secret: a device joining a call gets fresh TURN credentials', async () => {
    const tmp = tempDir();
    let stop: (() => Promise<void>) | undefined;
    const out: string[] = [];
    try {
      const code = await runCli(
        [
          'serve',
          '--dev',
          '--port',
          '0',
          '--db',
          join(tmp.dir, 'db.sqlite'),
          '--files',
          join(tmp.dir, 'f'),
          '--ice-servers',
          'stun:s.example:3478,turn:t.example:3478',
          '--turn-secret',
          'north',
          '--turn-ttl',
          '600',
        ],
        { out: (t) => void out.push(t), err: (t) => void out.push(t), env: {}, onServer: (s) => (stop = s) },
      );
      expect(code).toBe(0);
      const url = /WebSocket (ws:\/\/\S+)\)/.exec(out.join(''))![1]!;
      const alice = await RawClient.connect(url, { user: 'alice', device: 'a1' });
      const invited = await alice.call<{ invitation: { inviteId: string } }>('sig.invite', {
        invitees: ['bob'],
        data: rtcCallData('audio'),
        timeout: 30,
        onlineUserOnly: true,
      });
      const before = Math.floor(Date.now() / 1000);
      const joined = await alice.call<{ iceServers: IceServer[] }>('rtc.join', { callId: invited.invitation.inviteId });
      const turn = joined.iceServers[1]!;
      expect(joined.iceServers[0]).toEqual({ urls: ['stun:s.example:3478'] });
      const [expiry, user] = turn.username!.split(':');
      expect(user).toBe('alice');
      expect(Number(expiry)).toBeGreaterThanOrEqual(before + 600);
      expect(Number(expiry)).toBeLessThanOrEqual(before + 602);
      expect(turn.credential).toBe(
        turnRestCredential('north', 'alice', Number(expiry) - before, before * 1000).credential,
      );
      await alice.close();
      const bad: string[] = [];
      expect(
        await runCli(['serve', '--dev', '--turn-secret', 'x'], {
          out: () => undefined,
          err: (t) => void bad.push(t),
          env: {},
        }),
      ).toBe(2);
      expect(bad.join('')).toContain('--turn-secret needs --ice-servers');
    } finally {
      await stop?.();
      tmp.remove();
    }
  });
});

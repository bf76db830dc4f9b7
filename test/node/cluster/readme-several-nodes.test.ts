// The README's "Running several nodes" section, followed as written: its
// environment variables and its `natter serve` command line, with only the
// values swapped for this machine's (a real PostgreSQL and Redis started
// here, a free port, 127.0.0.1, a temporary files directory), start two
// nodes; both answer /healthz with 200 and a message sent on one reaches a
// client of the other. A flag or variable renamed in the CLI and not in the
// README fails here.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createChatClient } from '../../../src/client/chat-client';
import type { ChatClient } from '../../../src/client/chat-client-types';
import { createWebSocketTransport } from '../../../src/client/websocket-transport';
import { runCli } from '../../../src/node/cli';
import { createToken } from '../../../src/node/token';
import { conversationId } from '../../../src/protocol/ids';
import { SECRET } from '../support/secret';
import { freshDatabase } from './support/cluster';
import { useClusterServices } from './support/services';

const services = useClusterServices();

/** The first `sh` block of the README's "Running several nodes" section: its exports and its serve line. */
function readmeCommands(): { env: Record<string, string>; serve: string[] } {
  const readme = readFileSync(resolve(import.meta.dirname, '../../../README.md'), 'utf8');
  const section = readme.split('\n## Running several nodes\n')[1]!.split('\n## ')[0]!;
  const block = /```sh\n([\s\S]*?)```/.exec(section)![1]!;
  const env: Record<string, string> = {};
  let serve: string[] = [];
  for (const raw of block.split('\n')) {
    const line = raw.replace(/\s+#.*$/, '').trim();
    const exported = /^export (\w+)=(\S+)$/.exec(line);
    if (exported) env[exported[1]!] = exported[2]!;
    else if (line.startsWith('npx natter serve')) serve = line.split(/\s+/).slice(2);
  }
  return { env, serve };
}

/** `args` with the value after each flag in `values` replaced. */
function withValues(args: string[], values: Record<string, string>): string[] {
  return args.map((a, i) => (args[i - 1]! in values ? values[args[i - 1]!]! : a));
}

describe('the README section "Running several nodes"', { timeout: 120_000 }, () => {
  it('starts two nodes from its commands that answer /healthz and carry a message between them', async () => {
    const { env, serve } = readmeCommands();
    expect(Object.keys(env).sort()).toEqual(['NATTER_DB', 'NATTER_REDIS', 'NATTER_SECRET']);
    expect(env.NATTER_DB).toMatch(/^postgres:\/\//);
    expect(env.NATTER_REDIS).toMatch(/^redis:\/\//);
    expect(serve).toEqual(expect.arrayContaining(['--port', '--host', '--files']));
    const files = mkdtempSync(join(tmpdir(), 'natter-readme-files-'));
    const runEnv = {
      NATTER_SECRET: SECRET,
      NATTER_DB: await freshDatabase(services.postgres),
      NATTER_REDIS: services.redis.url,
    };
    const args = withValues(serve, { '--port': '0', '--host': '127.0.0.1', '--files': files });
    const stops: Array<() => Promise<void>> = [];
    const clients: ChatClient[] = [];
    try {
      // Started at the same moment, as the section allows.
      const ports = await Promise.all(
        [0, 1].map(async () => {
          let out = '';
          let err = '';
          const io = {
            env: runEnv,
            out: (t: string) => void (out += t),
            err: (t: string) => void (err += t),
            onServer: (stop: () => Promise<void>) => void stops.push(stop),
          };
          expect(await runCli(args, io), err).toBe(0);
          return Number(/listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out)![1]);
        }),
      );
      for (const port of ports) expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      const [alice, bob] = ['alice', 'bob'].map((user, i) => {
        const c = createChatClient({
          transport: createWebSocketTransport({ url: `ws://127.0.0.1:${ports[i]}/ws`, WebSocket }),
          token: createToken(user, { secret: SECRET }),
        });
        clients.push(c);
        return c;
      }) as [ChatClient, ChatClient];
      await Promise.all([alice.connect(), bob.connect()]);
      const arrived = new Promise<string>((done) =>
        bob.on('message', (e) => {
          const body = e.message.body;
          if (body.type === 'txt') done(body.msg);
        }),
      );
      await alice.sendText(conversationId('single', 'bob'), 'across nodes');
      expect(await arrived).toBe('across nodes');
    } finally {
      for (const c of clients) c.close();
      await Promise.all(stops.map((stop) => stop()));
      rmSync(files, { recursive: true, force: true });
    }
  });
});

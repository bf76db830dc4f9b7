// The relays the per-message latency benchmark (message-latency.bench.ts)
// compares, each one server on which pairs of users are connected: a bare `ws`
// relay (bench/fanout/ws-server.mjs, no storage) and `natter serve` at its
// defaults, each in a child process of its own, and the embedded server in
// this process (ChatClient on its loopback). natter comes from its packed
// packages, as an app installs them: the `natter` command of @natter/server's
// tarball (its bin, dev auth, SQLite on a temp file, every other setting its
// default) and the embedded server and client from natter's tarball.
// LATENCY_SERVER_NODE_ARGS passes node flags (e.g. --cpu-prof) to the natter serve child;
// LATENCY_SERVER_STDOUT names a file its stdout is appended to (what --trace-gc prints).
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';
import { memoryWebStorage } from '../../test/support/memory-web-storage';
import { onCpus } from '../support/cpu-placement';
import { packedEntryUrl, packedNatter } from '../support/packed-package';

const here = dirname(fileURLToPath(import.meta.url));
const { createChatClient, createEmbeddedServer, webStorageOutbox } = (await import(
  packedEntryUrl('.')
)) as typeof import('../../src/entries/index');
/** The bare relay's server (no storage, no protocol: it forwards each message to the group). */
const bareServer = join(here, '../fanout/ws-server.mjs');
/** The `natter` command as `npm install @natter/server` puts it in an app. */
const natterBin = join(packedNatter().dir, 'node_modules', '@natter', 'server', 'bin', 'natter.js');
const serverNodeArgs = (process.env.LATENCY_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);

/** A sender and a receiver: `send(i)` sends message i; `onReceive` hears the index of each message that arrives. */
export interface Pair {
  send(i: number): void;
  /** Drops the sender's connection and opens a new one (the receiver stays). */
  reconnect(): Promise<void>;
  onReceive(fn: (i: number) => void): void;
  close(): Promise<void>;
}

/** natter's own client of `user`, not connected yet: `send(i)` sends message i to one receiver through its outbox. */
export interface OfflineClient {
  send(i: number): void;
  connect(): Promise<void>;
  close(): void;
}

/** A relay under test: one server, on which pairs of users are connected. */
export interface Relay {
  /** The server's process when it is not this one (its CPU time is measured). */
  pid?: number | undefined;
  /** Connects `sender` and `receiver` (a conversation between the two). */
  pair(sender: string, receiver: string): Promise<Pair>;
  /**
   * natter serve only: a ChatClient of the packed natter (a new device of `user`) with its outbox
   * kept in Web Storage (an in-memory one), as an app persists it, sending to `receiver`.
   */
  offlineClient?(user: string, receiver: string): OfflineClient;
  close(): Promise<void>;
}

/**
 * Starts `node <args>` (on `cpus` only, when given) and resolves with the port its stdout names
 * (`PORT n`, or natter's "listening on" line).
 */
function child(args: string[], cpus?: string): Promise<{ port: number; proc: ChildProcess }> {
  const [command, argv] = cpus ? onCpus(cpus, process.execPath, args) : [process.execPath, args];
  // natter serve logs each connection on stderr (JSON lines): kept, and shown only if it fails.
  const proc = spawn(command, argv, { stdio: ['pipe', 'pipe', 'pipe'] });
  let log = '';
  proc.stderr!.on('data', (d: Buffer) => (log = (log + String(d)).slice(-4000)));
  return new Promise((resolve, reject) => {
    let buf = '';
    proc.stdout.on('data', (d: Buffer) => {
      if (process.env.LATENCY_SERVER_STDOUT) appendFileSync(process.env.LATENCY_SERVER_STDOUT, d);
      const m = /(?:PORT |listening on http:\/\/127\.0\.0\.1:)(\d+)/.exec((buf += String(d)));
      if (m) resolve({ port: Number(m[1]), proc });
    });
    proc.on('error', reject);
    proc.on('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}:\n${log}`)));
  });
}
/** Stops a child: the bare relay when its stdin ends, natter serve on SIGTERM (as a service manager stops it). */
const stop = (proc: ChildProcess, signal?: NodeJS.Signals) =>
  new Promise<void>((resolve) => {
    proc.removeAllListeners('exit');
    proc.on('exit', () => resolve());
    if (signal) proc.kill(signal);
    else proc.stdin!.end();
  });
const openWs = (url: string) =>
  new Promise<WebSocket>((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.on('open', () => resolve(ws));
    ws.on('error', reject);
  });
const firstFrame = (ws: WebSocket) => new Promise<void>((resolve) => ws.once('message', () => resolve()));

/** The bare relay, on `cpus` only when given. */
export async function bareRelay(cpus?: string): Promise<Relay> {
  const { port, proc } = await child([bareServer], cpus);
  const join = async (user: string, group: string) => {
    const ws = await openWs(`ws://127.0.0.1:${port}`);
    const joined = firstFrame(ws);
    ws.send(JSON.stringify({ t: 'join', user, group }));
    await joined;
    return ws;
  };
  return {
    pid: proc.pid,
    pair: async (sender, receiver) => {
      // A group of the two: the relay forwards to every other member.
      const group = `${sender}+${receiver}`;
      let a = await join(sender, group);
      const b = await join(receiver, group);
      return {
        send: (i) => a.send(JSON.stringify({ t: 'send', id: String(i), group, body: { i } })),
        reconnect: async () => {
          a.close();
          a = await join(sender, group);
        },
        onReceive: (fn) =>
          b.on('message', (d) => {
            const f = JSON.parse(String(d));
            if (f.t === 'evt') fn(f.body.i);
          }),
        close: async () => {
          a.close();
          b.close();
        },
      };
    },
    close: () => stop(proc),
  };
}

/** `natter serve`, on `cpus` only when given. */
export async function natterServe(cpus?: string): Promise<Relay> {
  const dir = mkdtempSync(join(tmpdir(), 'natter-bench-latency-'));
  const { port, proc } = await child(
    [
      ...serverNodeArgs,
      natterBin,
      'serve',
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--db',
      join(dir, 'bench.sqlite'),
      '--files',
      join(dir, 'files'),
      '--dev',
    ],
    cpus,
  );
  const url = `ws://127.0.0.1:${port}/ws`;
  // Each frame a socket receives is parsed once, as a client does: checked for a refusal, then
  // handed to `onFrame` (the receiver's message events). Parsing it a second time in another
  // listener charged the natter client with work neither a real client nor the bare relay does.
  const login = async (
    user: string,
    onFrame?: (f: { t: string; e?: { type?: string; message?: { body: { msg: string } } } }) => void,
  ) => {
    const ws = await openWs(url);
    const welcomed = firstFrame(ws);
    ws.send(JSON.stringify({ v: 1, t: 'hello', user, device: 'bench' }));
    await welcomed;
    ws.on('message', (d) => {
      const f = JSON.parse(String(d));
      if (f.t === 'err') throw new Error(`natter serve refused ${f.id}: ${f.code} ${f.message}`);
      onFrame?.(f);
    });
    return ws;
  };
  const run = `${Date.now()}`;
  return {
    pid: proc.pid,
    pair: async (sender, receiver) => {
      let a = await login(sender);
      let heard: ((i: number) => void) | null = null;
      const b = await login(receiver, (f) => {
        if (f.t === 'evt' && f.e?.type === 'message' && f.e.message) heard?.(Number(f.e.message.body.msg));
      });
      return {
        send: (i) =>
          a.send(
            JSON.stringify({
              v: 1,
              t: 'req',
              id: `r${i}`,
              op: 'send',
              p: {
                localId: `${run}-${sender}-${i}`,
                to: receiver,
                chatType: 'single',
                body: { type: 'txt', msg: String(i) },
              },
            }),
          ),
        reconnect: async () => {
          a.close();
          a = await login(sender);
        },
        onReceive: (fn) => (heard = fn),
        close: async () => {
          a.close();
          b.close();
        },
      };
    },
    offlineClient: (user, receiver) => {
      const client = createChatClient({
        url,
        user,
        WebSocket,
        delivery: false,
        outbox: webStorageOutbox(`natter:outbox:${user}`, memoryWebStorage()),
      });
      return {
        // A refusal ends the run (an unhandled rejection), as a refused raw request does.
        send: (i) =>
          void client.sendText(`single:${receiver}`, String(i)).catch((e: unknown) => {
            throw new Error(`natter's client could not send ${i}: ${String(e)}`);
          }),
        connect: () => client.connect(),
        close: () => client.close(),
      };
    },
    close: async () => {
      await stop(proc, 'SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function embedded(): Promise<Relay> {
  const server = createEmbeddedServer();
  const client = async (user: string) => {
    const c = createChatClient({ transport: server.connect(), user, delivery: false });
    await c.connect();
    return c;
  };
  return {
    pair: async (sender, receiver) => {
      let a = await client(sender);
      const b = await client(receiver);
      return {
        send: (i) => void a.sendText(`single:${receiver}`, String(i)),
        reconnect: async () => {
          a.close();
          a = await client(sender);
        },
        onReceive: (fn) =>
          b.on('message', (e) => {
            if (e.message.body.type === 'txt') fn(Number(e.message.body.msg));
          }),
        close: async () => {
          a.close();
          b.close();
        },
      };
    },
    close: async () => server.close(),
  };
}

// Both sides of a natter node the tests run in a child process, for the cluster
// and the conformance tests: the parent starts the entry (`node --import tsx
// <entry> …`) and waits for its `listening <port>` line on stdout; over IPC it
// moves the child's clock forward or stops it gracefully, and the child answers.
// Spares (SpareChildNodes) are children started ahead without arguments: they
// load Node, tsx and the server's modules (seconds of a loaded machine, the
// bulk of a node's start) and wait for their arguments over IPC, so a test
// restarting a node waits only for the server itself to start. A child asked to
// stop and stay (`SpareChildNodes.giveBack`) closes its server and waits for
// new arguments: one process serves test after test, loading its modules once.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import type { OffsetClock } from './offset-clock';

const ROOT = resolve(import.meta.dirname, '../../..');
// A bound on hangs, under the 60 s hook timeout (vitest.config.ts): a spare still loading its modules
// beside React 18's run and the package test's installs in CI once took over 30 s.
const START_TIMEOUT_MS = 50_000;

interface Ask {
  id: number;
  advance?: number;
  stop?: boolean;
  /** With `stop`: close the server but keep the process, waiting for new arguments. */
  stay?: boolean;
}

export interface ChildNode {
  port: number;
  proc: ChildProcess;
  /** The process behind this node (a spare again once given back). */
  spawned: Spawned;
  exited: Promise<void>;
  stderr(): string;
  /** Asks the child to move its clock forward or to stop; resolves with its reply. */
  ask(msg: Omit<Ask, 'id'>): Promise<{ offset: number }>;
}

/** A child process of an entry, its output collected from the start. */
interface Spawned {
  proc: ChildProcess;
  exited: Promise<void>;
  stderr(): string;
  /** Settles with the port of the child's next server, once it printed `listening <port>`. */
  listening(): Promise<number>;
}

function spawnChild(entry: string, args: string[]): Spawned {
  const proc = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let stderr = '';
  proc.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  // Each server the child starts prints one `listening <port>` line; they are taken in order.
  const ports: number[] = [];
  let waiting: ((port: number) => void) | null = null;
  let out = '';
  proc.stdout!.setEncoding('utf8').on('data', (d: string) => {
    out += d;
    for (let m = /listening (\d+)\n/.exec(out); m; m = /listening (\d+)\n/.exec(out)) {
      out = out.slice(m.index + m[0].length);
      if (waiting) waiting(Number(m[1]));
      else ports.push(Number(m[1]));
    }
  });
  const listening = (): Promise<number> => {
    const next = ports.shift();
    if (next !== undefined) return Promise.resolve(next);
    return new Promise<number>((res, rej) => {
      waiting = (port) => {
        waiting = null;
        res(port);
      };
      void exited.then(() => rej(new Error(`exited: ${stderr}`)));
    });
  };
  return { proc, exited, stderr: () => stderr, listening };
}

/** Spawns `entry` with `args`; `what` names it in errors. */
export async function launchChildNode(entry: string, args: string[], what: string): Promise<ChildNode> {
  return started(spawnChild(entry, args), what);
}

/**
 * `size` children of `entry` kept started ahead; `launch` hands one its arguments (a fresh child
 * when none is left). A node given back (`giveBack`) stops its server and is a spare again; one
 * that exits is replaced by a new spare.
 */
export class SpareChildNodes {
  private readonly spares: Spawned[] = [];
  private closed = false;

  constructor(
    private readonly entry: string,
    private readonly what: string,
    private readonly size: number,
  ) {
    this.fill();
  }

  launch(args: string[]): Promise<ChildNode> {
    const spare = this.spares.shift() ?? this.spawn([]);
    spare.proc.send({ args });
    return started(spare, this.what);
  }

  /** Stops `node`'s server, keeping its process as a spare (or ends it, past `size` spares). */
  async giveBack(node: ChildNode): Promise<void> {
    if (node.proc.exitCode !== null || node.proc.signalCode !== null) return;
    const keep = !this.closed && this.spares.length < this.size;
    const stopped = await Promise.race([
      node.ask({ stop: true, stay: keep }).then(() => true),
      node.exited.then(() => false),
      new Promise<false>((r) => setTimeout(() => r(false), 5000)),
    ]);
    if (keep && stopped && !this.closed) {
      this.spares.push(node.spawned);
      return;
    }
    if (node.proc.exitCode === null) node.proc.kill('SIGKILL');
    await node.exited;
  }

  /** Kills the spares left. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(
      this.spares.splice(0).map((s) => {
        s.proc.kill('SIGKILL');
        return s.exited;
      }),
    );
  }

  private spawn(args: string[]): Spawned {
    const child = spawnChild(this.entry, args);
    // A child that ends (killed by a test, or crashed) leaves a place for a new spare.
    void child.exited.then(() => {
      const at = this.spares.indexOf(child);
      if (at >= 0) this.spares.splice(at, 1);
      this.fill();
    });
    return child;
  }

  private fill(): void {
    while (!this.closed && this.spares.length < this.size) this.spares.push(this.spawn([]));
  }
}

/** Waits for a child to listen, and wraps it. */
async function started(child: Spawned, what: string): Promise<ChildNode> {
  const { proc, exited, stderr } = child;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, rej) => {
    timer = setTimeout(() => rej(new Error(`${what} did not start: ${stderr()}`)), START_TIMEOUT_MS);
  });
  const port = await Promise.race([
    child.listening().catch((e: unknown) => {
      throw new Error(`${what} ${e instanceof Error ? e.message : String(e)}`);
    }),
    late,
  ]).finally(() => clearTimeout(timer));
  let nextId = 1;
  const ask = (msg: Omit<Ask, 'id'>): Promise<{ offset: number }> =>
    new Promise((res, rej) => {
      const id = nextId++;
      const onMessage = (reply: { id: number; offset: number }): void => {
        if (reply.id !== id) return;
        proc.off('message', onMessage);
        res(reply);
      };
      proc.on('message', onMessage);
      if (!proc.connected || !proc.send({ id, ...msg })) rej(new Error(`${what} IPC closed`));
    });
  return { port, proc, spawned: child, exited, stderr, ask };
}

/** The child's side: its next arguments, from the command line the first time, then from the parent. */
function nextArgs(first: boolean): Promise<string[]> {
  const argv = process.argv.slice(2);
  if (first && argv.length > 0) return Promise.resolve(argv);
  return new Promise((resolve) => {
    const onMessage = (msg: { args?: string[] }): void => {
      if (!msg.args) return;
      process.off('message', onMessage);
      resolve(msg.args);
    };
    process.on('message', onMessage);
  });
}

/**
 * The child's side: starts a server with its arguments, says where it listens and answers the
 * parent's asks; asked to stop and stay, it closes that server and starts the next one when new
 * arguments come. `start` runs once per server, with a fresh clock.
 */
export async function serveAsChild(
  start: (args: string[]) => Promise<{ server: { port: number; close(): Promise<void> }; clock: OffsetClock }>,
): Promise<void> {
  let current: { close(): Promise<void> } | null = null;
  process.on('SIGTERM', () => void (current?.close() ?? Promise.resolve()).then(() => process.exit(0)));
  for (let first = true; ; first = false) {
    const { server, clock } = await start(await nextArgs(first));
    current = server;
    process.stdout.write(`listening ${server.port}\n`);
    const stay = await new Promise<boolean>((resolve) => {
      const onMessage = (msg: Ask): void => {
        if (msg.advance !== undefined) {
          clock.advance(msg.advance);
          process.send!({ id: msg.id, offset: clock.offset });
        }
        if (!msg.stop) return;
        process.off('message', onMessage);
        current = null;
        void server.close().then(() => {
          process.send!({ id: msg.id, offset: clock.offset });
          resolve(msg.stay === true);
        });
      };
      process.on('message', onMessage);
    });
    if (!stay) process.exit(0);
  }
}

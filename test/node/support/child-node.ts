// Both sides of a natter node the tests run in a child process, for the cluster
// and the conformance tests: the parent starts the entry (`node --import tsx
// <entry> …`) and waits for its `listening <port>` line on stdout; over IPC it
// moves the child's clock forward or stops it gracefully, and the child answers.
// Spares (SpareChildNodes) are children started ahead without arguments: they
// load Node, tsx and the server's modules (seconds of a loaded machine, the
// bulk of a node's start) and wait for their arguments over IPC, so a test
// restarting a node waits only for the server itself to start.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import type { OffsetClock } from './offset-clock';

const ROOT = resolve(import.meta.dirname, '../../..');
const START_TIMEOUT_MS = 30_000;

interface Ask {
  id: number;
  advance?: number;
  stop?: boolean;
}

export interface ChildNode {
  port: number;
  proc: ChildProcess;
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
  /** Settles with the port once the child printed `listening <port>`. */
  listening: Promise<number>;
}

function spawnChild(entry: string, args: string[]): Spawned {
  const proc = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let stderr = '';
  proc.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  const listening = new Promise<number>((res, rej) => {
    let out = '';
    proc.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /listening (\d+)/.exec(out);
      if (m) res(Number(m[1]));
    });
    void exited.then(() => rej(new Error(`exited: ${stderr}`)));
  });
  // Awaited only once the child is asked to start.
  listening.catch(() => undefined);
  return { proc, exited, stderr: () => stderr, listening };
}

/** Spawns `entry` with `args`; `what` names it in errors. */
export async function launchChildNode(entry: string, args: string[], what: string): Promise<ChildNode> {
  return started(spawnChild(entry, args), what);
}

/**
 * `size` children of `entry` kept started ahead; `launch` hands one its arguments (a fresh child
 * when none is left) and starts another in its place once that one listens.
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

  async launch(args: string[]): Promise<ChildNode> {
    const spare = this.spares.shift();
    if (!spare) return launchChildNode(this.entry, args, this.what);
    spare.proc.send({ args });
    try {
      return await started(spare, this.what);
    } finally {
      this.fill();
    }
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

  private fill(): void {
    while (!this.closed && this.spares.length < this.size) this.spares.push(spawnChild(this.entry, []));
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
    child.listening.catch((e: unknown) => {
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
  return { port, proc, exited, stderr, ask };
}

/** The child's side: its arguments, from the command line, or from the parent's first message for a spare. */
export function childArgs(): Promise<string[]> {
  const argv = process.argv.slice(2);
  if (argv.length > 0) return Promise.resolve(argv);
  return new Promise((resolve) => process.once('message', (msg: { args: string[] }) => resolve(msg.args)));
}

/** The child's side: says where it listens, then answers the parent's asks. */
export function answerParent(server: { port: number; close(): Promise<void> }, clock: OffsetClock): void {
  process.stdout.write(`listening ${server.port}\n`);
  process.on('message', (msg: Ask) => {
    if (msg.advance !== undefined) {
      clock.advance(msg.advance);
      process.send!({ id: msg.id, offset: clock.offset });
    }
    if (msg.stop) {
      void server.close().then(() => {
        process.send!({ id: msg.id, offset: clock.offset });
        process.exit(0);
      });
    }
  });
}

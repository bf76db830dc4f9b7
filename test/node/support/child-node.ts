// Both sides of a natter node the tests run in a child process, for the cluster
// and the conformance tests: the parent starts the entry (`node --import tsx
// <entry> …`) and waits for its `listening <port>` line on stdout; over IPC it
// moves the child's clock forward or stops it gracefully, and the child answers.
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

/** Spawns `entry` with `args`; `what` names it in errors. */
export async function launchChildNode(entry: string, args: string[], what: string): Promise<ChildNode> {
  const proc = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let stderr = '';
  proc.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  const port = await new Promise<number>((res, rej) => {
    let out = '';
    const timer = setTimeout(() => rej(new Error(`${what} did not start: ${stderr}`)), START_TIMEOUT_MS);
    proc.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /listening (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        res(Number(m[1]));
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      rej(new Error(`${what} exited: ${stderr}`));
    });
  });
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
  return { port, proc, exited, stderr: () => stderr, ask };
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

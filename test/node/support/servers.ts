// Starts real natter servers for tests on 127.0.0.1: in-process with
// startServer, or as a child process running the CLI (for kill -9 tests),
// each on a temporary database and files directory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { startServer, type RunningServer, type StartServerOptions } from '../../../src/node/serve';
import type { Logger } from '../../../src/node/logger';

import { SECRET } from './secret';

export { SECRET };

export function tempDir(prefix = 'natter-node-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface LogLine {
  level: string;
  event: string;
  [k: string]: unknown;
}

/** A logger that keeps what it is told, for tests that look at logs. */
export function memoryLogger(): Logger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  return { lines, log: (level, event, fields) => void lines.push({ level, event, ...fields }) };
}

/** Options over the test defaults; `secret: null` starts a server with no token secret (dev mode). */
export type TestServerOptions = Omit<Partial<StartServerOptions>, 'secret'> & { secret?: string | null };

export async function startTestServer(dir: string, options: TestServerOptions = {}): Promise<RunningServer> {
  const { secret = SECRET, ...rest } = options;
  return startServer({
    port: 0,
    host: '127.0.0.1',
    db: join(dir, 'natter.sqlite'),
    files: join(dir, 'files'),
    ...(secret === null ? {} : { secret }),
    logger: memoryLogger(),
    ...rest,
  });
}

const ROOT = resolve(import.meta.dirname, '../../..');

export interface ChildServer {
  child: ChildProcess;
  url: string;
  httpUrl: string;
  stderr: string[];
  /** SIGKILL and wait for the process to be gone. */
  kill9(): Promise<void>;
  /** SIGTERM (graceful) and wait for exit; resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** Runs `natter serve` from source in a child process and waits until it listens. */
export async function spawnServer(dir: string, extraArgs: string[] = []): Promise<ChildServer> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(ROOT, 'src/node/cli.ts'),
      'serve',
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--db',
      join(dir, 'natter.sqlite'),
      '--files',
      join(dir, 'files'),
      '--secret',
      SECRET,
      ...extraArgs,
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const stderr: string[] = [];
  child.stderr.setEncoding('utf8').on('data', (d: string) => stderr.push(d));
  const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));
  const listening = await new Promise<string>((res, rej) => {
    let out = '';
    const timer = setTimeout(() => rej(new Error(`server did not start: ${stderr.join('')}`)), 50_000);
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        res(m[1]!);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      rej(new Error(`server exited (${code}) before listening: ${stderr.join('')}`));
    });
  });
  return {
    child,
    httpUrl: listening,
    url: `${listening.replace(/^http/, 'ws')}/ws`,
    stderr,
    async kill9() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

// Runs the core's conformance suite, unchanged, against a real natter server
// process: startServer (WebSocket on 127.0.0.1, SQLite in WAL mode, files on
// disk, signed tokens) in a child process per harness. The server's clock is
// the system clock plus an offset the harness raises over IPC, so `advance`
// fires due timers at once (the suite advances by up to ten minutes); restart
// is a kill -9 and a new process on the same port, database and files. The
// processes are spares started ahead, each given back for the next harness
// when one closes, so a test waits for the server's start, not Node's.
import { join, resolve } from 'node:path';
import WebSocket from 'ws';
import { createWebSocketTransport } from '../../src/client/websocket-transport';
import { createToken } from '../../src/node/token';
import { runConformanceSuite } from '../conformance/conformance';
import type { Harness, HarnessConfig, HarnessFactory } from '../conformance/harness';
import { afterAll } from 'vitest';
import { SpareChildNodes, type ChildNode } from './support/child-node';
import { SECRET, tempDir } from './support/servers';

const ROOT = resolve(import.meta.dirname, '../..');
const ENTRY = join(ROOT, 'test/node/support/conformance-server.ts');
const RECALL_WINDOW_MS = 120_000;

const spares = new SpareChildNodes(ENTRY, 'conformance server', 2);
afterAll(() => spares.close());

function launch(dir: string, port: number, config: HarnessConfig, offset: number): Promise<ChildNode> {
  const args = [dir, String(port), String(RECALL_WINDOW_MS), String(config.recallEnabled ?? true), String(offset)];
  return spares.launch(args);
}

/** Lets frames in flight on 127.0.0.1 arrive before the clock moves (and events after it). */
const pause = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

const nodeHost: HarnessFactory = Object.assign(
  async (config: HarnessConfig): Promise<Harness> => {
    const tmp = tempDir('natter-conformance-');
    let offset = 0;
    let child = await launch(tmp.dir, 0, config, offset);
    const url = `ws://127.0.0.1:${child.port}/ws`;
    return {
      name: 'natter serve (Node, SQLite, WebSocket)',
      recallWindowMs: RECALL_WINDOW_MS,
      transport: () => createWebSocketTransport({ url, WebSocket }),
      credentials: (user) => ({ token: createToken(user, { secret: SECRET }) }),
      async advance(ms) {
        await pause(20);
        offset = (await child.ask({ advance: ms })).offset;
        await pause(20);
      },
      async restart() {
        child.proc.kill('SIGKILL');
        await child.exited;
        child = await launch(tmp.dir, child.port, config, offset);
      },
      async close() {
        await spares.giveBack(child);
        tmp.remove();
      },
    };
  },
  { canRestart: true },
);

runConformanceSuite(nodeHost);

// Child-process entry for the conformance harness: a real natter server
// (startServer: WebSocket + SQLite + tokens) configured as the conformance
// suite requires (its moderation rule, a short recall window), with a clock the
// parent moves forward over IPC. Prints `listening <port>` on stdout. Started
// without arguments (a spare), or given back, it serves with the parent's next ones.
// Usage: node --import tsx conformance-server.ts <dir> <port> <recallWindowMs> <recallEnabled> <clockOffset>
import { join } from 'node:path';
import { startServer } from '../../../src/node/serve';
import { serveAsChild } from './child-node';
import { conformanceServerOptions } from './conformance-server-options';
import { createOffsetClock } from './offset-clock';

await serveAsChild(async ([dir, port, recallWindowMs, recallEnabled, offset]) => {
  const clock = createOffsetClock(Number(offset ?? 0));
  const server = await startServer({
    ...conformanceServerOptions(clock, recallWindowMs, recallEnabled),
    port: Number(port ?? 0),
    db: join(dir!, 'natter.sqlite'),
    files: join(dir!, 'files'),
  });
  return { server, clock };
});

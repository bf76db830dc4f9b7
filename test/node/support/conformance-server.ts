// Child-process entry for the conformance harness: a real natter server
// (startServer: WebSocket + SQLite + tokens) configured as the conformance
// suite requires (its moderation rule, a short recall window), with a clock the
// parent moves forward over IPC. Prints `listening <port>` on stdout. Started
// without arguments (a spare), or given back, it serves with the parent's next ones.
// Usage: node --import tsx conformance-server.ts <dir> <port> <recallWindowMs> <recallEnabled> <clockOffset>
import { join } from 'node:path';
import { startServer } from '../../../src/node/serve';
import { silentLogger } from '../../../src/node/logger';
import { conformanceModerate, FEATURE_WINDOWS } from '../../conformance/harness';
import { serveAsChild } from './child-node';
import { createOffsetClock } from './offset-clock';
import { SECRET } from './secret';

await serveAsChild(async ([dir, port, recallWindowMs, recallEnabled, offset]) => {
  const clock = createOffsetClock(Number(offset ?? 0));
  const server = await startServer({
    port: Number(port ?? 0),
    host: '127.0.0.1',
    db: join(dir!, 'natter.sqlite'),
    files: join(dir!, 'files'),
    secret: SECRET,
    logger: silentLogger,
    recallWindowMs: Number(recallWindowMs),
    recallEnabled: recallEnabled === 'true',
    limits: { ...FEATURE_WINDOWS },
    core: {
      clock,
      moderate: conformanceModerate,
      onError: (e) => process.stderr.write(`natter core error: ${String(e)}\n`),
    },
  });
  return { server, clock };
});

// Child-process entry for the cluster tests: one natter node (startServer on
// PostgreSQL + Redis, tokens, the conformance moderation rule and a short
// recall window) with a clock the parent moves forward over IPC. Prints
// `listening <port>` on stdout. The tests may arm a fault (node-faults.ts).
// Started as a spare (no arguments), it takes them from the parent's first message; given back
// (SpareChildNodes.giveBack), it serves again with the next arguments.
// Usage: node --import tsx cluster-node.ts <db url> <redis url> <files dir> <port> <recallWindowMs> <recallEnabled> <clockOffset> <rateLimit JSON or false> [nodeLeaseMs] [fault]
import { startServer } from '../../../../src/node/serve';
import { serveAsChild } from '../../support/child-node';
import { conformanceServerOptions } from '../../support/conformance-server-options';
import { createOffsetClock } from '../../support/offset-clock';
import { armFault } from './node-faults';

await serveAsChild(async (args) => {
  const [db, redis, files, port, recallWindowMs, recallEnabled, offset, rateLimit, nodeLeaseMs, fault] = args;
  // A node with a fault armed is never given back for reuse (cluster.ts): the fault stays in its modules.
  if (fault) armFault(fault);
  const clock = createOffsetClock(Number(offset ?? 0));
  const options = conformanceServerOptions(clock, recallWindowMs, recallEnabled);
  const server = await startServer({
    ...options,
    port: Number(port ?? 0),
    db: db!,
    redis: redis!,
    ...(nodeLeaseMs ? { nodeLeaseMs: Number(nodeLeaseMs) } : {}),
    files: files!,
    core: {
      ...options.core,
      rateLimit: JSON.parse(rateLimit ?? 'false') as { perSecond: number; burst: number } | false,
    },
  });
  return { server, clock };
});

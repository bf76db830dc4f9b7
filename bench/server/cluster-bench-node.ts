// Child process for the cluster fan-out bench: one `natter serve` node on
// PostgreSQL + Redis with the same host options as the SQLite node of the
// fan-out bench (bench/fanout/natter-server.ts: dev auth, the server's
// default rate limit, group commit per event-loop turn, no cap on
// connections from one address), so that the two compare like with like.
// Prints `PORT n` and runs until stdin closes.
// Usage: node --import tsx cluster-bench-node.ts <postgres url> <redis url>
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../src/node/logger';
import { startServer } from '../../src/node/serve';
import { DEFAULT_RATE_LIMIT } from '../../src/server/rate-limiter';

const [db, redis] = process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), 'natter-cluster-bench-'));
const server = await startServer({
  port: 0,
  host: '127.0.0.1',
  db: db!,
  redis: redis!,
  files: dir,
  dev: true,
  logger: silentLogger,
  core: {
    scheduleCommit: (commit: () => void) => void setImmediate(commit),
    rateLimit: DEFAULT_RATE_LIMIT,
    onError: (e) => process.stderr.write(`natter core error: ${e instanceof Error ? e.stack : String(e)}\n`),
  },
  maxBufferedBytes: 256 * 1024 * 1024,
  // Every bench client comes from 127.0.0.1.
  maxConnectionsPerAddress: 0,
});
process.stdout.write(`PORT ${server.port}\n`);
process.stdin.on('end', () => {
  void server.close().finally(() => {
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  });
});
process.stdin.resume();

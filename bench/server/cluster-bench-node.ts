// Child process for the cluster fan-out bench: one `natter serve` node on
// PostgreSQL + Redis, from the packed @natter/server (what an app installs),
// with the same host options as the SQLite node of the fan-out bench
// (bench/fanout/natter-server.ts: dev auth, every limit and the commit schedule
// at natter serve's defaults, no cap on connections from one address), so that
// the two compare like with like. Prints `PORT n` and runs until stdin closes.
// Usage: node --import tsx cluster-bench-node.ts <postgres url> <redis url> <packed entry URL>
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as ServerEntry from '../../src/entries/server';

const [db, redis, entry] = process.argv.slice(2);
if (!db || !redis || !entry)
  throw new Error('usage: cluster-bench-node.ts <postgres url> <redis url> <packed entry URL>');
const { startServer, silentLogger } = (await import(entry)) as typeof ServerEntry;
const dir = mkdtempSync(join(tmpdir(), 'natter-cluster-bench-'));
const server = await startServer({
  port: 0,
  host: '127.0.0.1',
  db,
  redis,
  files: dir,
  dev: true,
  logger: silentLogger,
  core: {
    onError: (e) => process.stderr.write(`natter core error: ${e instanceof Error ? e.stack : String(e)}\n`),
  },
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

// Child process for the fan-out benchmark: a real `natter serve` host (SQLite on
// a temp file, dev auth, the server's default rate limit, as users run it) that prints its
// port and runs until stdin closes. A second argument names another checkout of natter
// (fanout.bench.ts --baseline): the same host is then started from that tree's sources.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Serve from '../../src/node/serve';
import type * as Logger from '../../src/node/logger';
import type { SqliteStorage } from '../../src/node/sqlite-storage';
import { DEFAULT_RATE_LIMIT } from '../../src/server/rate-limiter';

const synchronous = process.argv[2] === 'FULL' ? 'FULL' : 'NORMAL';
const root = process.argv[3] ? resolve(process.argv[3]) : join(import.meta.dirname, '../..');
const from = (file: string): string => pathToFileURL(join(root, file)).href;
const { startServer } = (await import(from('src/node/serve.ts'))) as typeof Serve;
const { silentLogger } = (await import(from('src/node/logger.ts'))) as typeof Logger;
const dir = mkdtempSync(join(tmpdir(), 'natter-bench-'));
const server = await startServer({
  port: 0,
  host: '127.0.0.1',
  db: join(dir, 'bench.sqlite'),
  files: join(dir, 'files'),
  dev: true,
  synchronous,
  logger: silentLogger,
  core: {
    // Group commits per event-loop turn (what `natter serve` does too once the host passes it).
    scheduleCommit: (commit: () => void) => void setImmediate(commit),
    // This tree's default, also on an older tree (--baseline): the default there (50/s per connection,
    // bursts of 200) refused a group sender's 445 sends with 509, and the case then waited out its timeout.
    rateLimit: DEFAULT_RATE_LIMIT,
  },
  maxBufferedBytes: 256 * 1024 * 1024,
  // Every bench client comes from 127.0.0.1.
  maxConnectionsPerAddress: 0,
});
// FANOUT_COUNT_COMMITS=1: report how many storage transactions (group commits) ran, on stderr.
let commits = 0;
if (process.env.FANOUT_COUNT_COMMITS) {
  const storage = server.storage as SqliteStorage;
  const begin = storage.begin.bind(storage);
  storage.begin = (): void => {
    commits++;
    begin();
  };
}
process.stdout.write(`PORT ${server.port}\n`);
const stop = async () => {
  if (process.env.FANOUT_COUNT_COMMITS) process.stderr.write(`natter ${synchronous}: ${commits} commits\n`);
  await server.close();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
};
process.stdin.on('end', stop);
process.stdin.resume();

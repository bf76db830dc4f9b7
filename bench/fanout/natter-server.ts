// Child process for the fan-out benchmark: a real `natter serve` host (SQLite on
// a temp file, dev auth, the server's default rate limit and commit schedule, as users run it) that prints its
// port and runs until stdin closes. The second argument says which natter: the file URL of the
// packed @natter/server's entry (packedServerEntryUrl, what an app installs), or another checkout
// of natter (fanout.bench.ts --baseline), whose host is then started from that tree's sources.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as ServerEntry from '../../src/entries/server';
import type * as Serve from '../../src/node/serve';
import type * as Logger from '../../src/node/logger';
import type * as RateLimiter from '../../src/server/rate-limiter';
import type { SqliteStorage } from '../../src/node/sqlite-storage';

const synchronous = process.argv[2] === 'FULL' ? 'FULL' : 'NORMAL';
const which = process.argv[3];
if (!which)
  throw new Error('natter-server.ts: name the packed entry URL or a checkout of natter as its second argument');
const packed = which.startsWith('file:');
const from = (file: string, root = which): string => pathToFileURL(join(resolve(root), file)).href;
const { startServer, silentLogger } = packed
  ? ((await import(which)) as typeof ServerEntry)
  : {
      ...((await import(from('src/node/serve.ts'))) as typeof Serve),
      ...((await import(from('src/node/logger.ts'))) as typeof Logger),
    };
// A baseline runs with what this tree does by default: an older tree's rate limit (50/s per
// connection, bursts of 200) refused a group sender's 445 sends with 509 and the case then waited
// out its timeout, and its host may not pass natter serve's commit schedule (one group commit a turn).
const baselineCore = packed
  ? undefined
  : {
      rateLimit: ((await import(from('../../src/server/rate-limiter.ts', import.meta.dirname))) as typeof RateLimiter)
        .DEFAULT_RATE_LIMIT,
      scheduleCommit: (commit: () => void) => void setImmediate(commit),
    };
const dir = mkdtempSync(join(tmpdir(), 'natter-bench-'));
const server = await startServer({
  port: 0,
  host: '127.0.0.1',
  db: join(dir, 'bench.sqlite'),
  files: join(dir, 'files'),
  dev: true,
  synchronous,
  logger: silentLogger,
  ...(baselineCore ? { core: baselineCore } : {}),
  // Every bench client comes from 127.0.0.1: the cap per address (`--max-connections-per-ip 0`) is off.
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

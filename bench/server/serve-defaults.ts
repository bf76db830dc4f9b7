// Child process for the message-latency benchmark: `natter serve` as a user
// runs it — default limits and commit schedule, SQLite NORMAL on a temp file,
// dev auth — printing its port and running until stdin closes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../src/node/logger';
import { startServer } from '../../src/node/serve';

const dir = mkdtempSync(join(tmpdir(), 'natter-bench-latency-'));
const server = await startServer({
  port: 0,
  host: '127.0.0.1',
  db: join(dir, 'bench.sqlite'),
  files: join(dir, 'files'),
  dev: true,
  logger: silentLogger,
});
process.stdout.write(`PORT ${server.port}\n`);
process.stdin.on('end', async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
});
process.stdin.resume();

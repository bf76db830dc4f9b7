// Child process for the search benchmark: a real `natter serve` host on a
// database the benchmark filled (argv[2]), dev auth, no rate limit. Prints its
// port and runs until stdin closes.
import { join, dirname } from 'node:path';
import { startServer } from '../../src/node/serve';
import { silentLogger } from '../../src/node/logger';

const db = process.argv[2]!;
const server = await startServer({
  port: 0,
  host: '127.0.0.1',
  db,
  files: join(dirname(db), 'files'),
  dev: true,
  logger: silentLogger,
  core: { rateLimit: false },
});
process.stdout.write(`PORT ${server.port}\n`);
process.stdin.on('end', () => {
  void server.close().then(() => process.exit(0));
});
process.stdin.resume();

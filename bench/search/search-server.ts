// Child process for the search benchmark: a real `natter serve` host from the
// packed @natter/server (its entry's file URL is argv[3]) on a database the
// benchmark filled (argv[2]: a SQLite file or a postgres:// URL), dev auth, no
// rate limit. Prints its port and runs until stdin closes. Its event-loop delay
// (what every other user of this server waits on) is sampled all along: a
// stdin line `reset` starts a new sample, `report` prints it as
// `DELAY {"p50":…,"p99":…,"max":…}` (ms).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createInterface } from 'node:readline';

type NatterServer = typeof import('@natter/server');
const { startServer, silentLogger } = (await import(process.argv[3]!)) as NatterServer;

const db = process.argv[2]!;
const files = mkdtempSync(join(tmpdir(), 'natter-search-files-'));
const server = await startServer({
  port: 0,
  host: '127.0.0.1',
  db,
  files,
  dev: true,
  logger: silentLogger,
  core: { rateLimit: false },
});
const delay = monitorEventLoopDelay({ resolution: 1 });
delay.enable();
const ms = (ns: number) => Math.round(ns / 1e4) / 100;
process.stdout.write(`PORT ${server.port}\n`);
const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  if (line === 'reset') delay.reset();
  if (line === 'report')
    process.stdout.write(
      `DELAY ${JSON.stringify({ p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max) })}\n`,
    );
});
lines.on('close', () => {
  delay.disable();
  void server.close().then(() => {
    rmSync(files, { recursive: true, force: true });
    process.exit(0);
  });
});

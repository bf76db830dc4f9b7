// Owns what every natter server process of the conformance suites shares: the
// suite's moderation rule and feature windows, its recall settings, silent
// logs, core errors on stderr, and the clock the parent moves forward.
import type { startServer } from '../../../src/node/serve';
import { silentLogger } from '../../../src/node/logger';
import { conformanceModerate, FEATURE_WINDOWS } from '../../conformance/harness';
import type { OffsetClock } from './offset-clock';
import { SECRET } from './secret';

type ServerOptions = Parameters<typeof startServer>[0];

/** The options both conformance entries give startServer, less storage, port and their own core settings. */
export function conformanceServerOptions(
  clock: OffsetClock,
  recallWindowMs: string | undefined,
  recallEnabled: string | undefined,
): Pick<ServerOptions, 'host' | 'secret' | 'logger' | 'recallWindowMs' | 'recallEnabled' | 'limits' | 'core'> {
  return {
    host: '127.0.0.1',
    secret: SECRET,
    logger: silentLogger,
    recallWindowMs: Number(recallWindowMs),
    recallEnabled: recallEnabled === 'true',
    limits: { ...FEATURE_WINDOWS },
    core: {
      clock,
      moderate: conformanceModerate,
      onError: (e) => process.stderr.write(`natter core error: ${e instanceof Error ? e.stack : String(e)}\n`),
    },
  };
}

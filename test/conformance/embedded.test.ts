// Runs the conformance suite against the embedded server: in-process, memory
// storage, loopback transport, and a manual clock so recall windows and
// invitation timeouts are exact.
import { createManualClock } from '../../src/server/clock';
import { createEmbeddedServer } from '../../src/server/embedded-server';
import { runConformanceSuite } from './conformance';
import { conformanceModerate, FEATURE_WINDOWS, type Harness, type HarnessConfig, type HarnessFactory } from './harness';

/** Let queued loopback frames (microtasks) and client timers (macrotasks) run. */
async function drain(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise<void>((r) => setTimeout(r, 0));
}

const embedded: HarnessFactory = async (config: HarnessConfig): Promise<Harness> => {
  const clock = createManualClock();
  const recallWindowMs = 120_000;
  const server = createEmbeddedServer({
    clock,
    recallWindowMs,
    recallEnabled: config.recallEnabled ?? true,
    moderate: conformanceModerate,
    limits: { ...FEATURE_WINDOWS },
  });
  return {
    name: 'embedded',
    recallWindowMs,
    transport: () => server.connect(),
    credentials: (user) => ({ user }),
    advance: async (ms) => {
      await drain();
      clock.advance(ms);
      await drain();
    },
    close: async () => server.close(),
  };
};

runConformanceSuite(embedded);

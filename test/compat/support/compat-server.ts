// Owns the servers the compat tests run the vendors' examples against, behind
// one factory shape so the same tests run on the embedded server and (later)
// on `natter serve`. A server may use a manual clock (signaling timeouts) and
// hand out chosen invitation ids first (the documents' literal inviteIDs).
import { createEmbeddedServer } from '../../../src/server/embedded-server';
import { createManualClock, systemClock, type ManualClock } from '../../../src/server/clock';
import { createIdSource } from '../../../src/server/id-source';
import type { ServerOption } from '../../../src/compat/server-option';
import type { Message } from '../../../src/protocol/message';

export interface CompatServerOptions {
  /** Drive the server's clock by hand (signaling timeouts). */
  manualClock?: boolean;
  /** Invitation ids the server hands out first, in order. */
  inviteIds?: string[];
  /** Server-side recall switch (false answers recall with 505). */
  recallEnabled?: boolean;
  /** Moderation hook: 'reject' (501) or 'intercept' (502) a message. */
  moderate?: (message: Message) => 'allow' | 'reject' | 'intercept';
}

export interface CompatServer {
  /** What to pass as the facades' `server` option. */
  server: ServerOption;
  /** Set when created with `manualClock`. */
  clock: ManualClock | null;
  close(): Promise<void>;
}

export type CompatServerFactory = (options?: CompatServerOptions) => Promise<CompatServer>;

export const embeddedServer: CompatServerFactory = async (options = {}) => {
  const clock = options.manualClock ? createManualClock(Date.now()) : null;
  const ids = createIdSource(clock ?? systemClock);
  const chosen = [...(options.inviteIds ?? [])];
  const server = createEmbeddedServer({
    ...(clock ? { clock } : {}),
    ...(options.recallEnabled !== undefined ? { recallEnabled: options.recallEnabled } : {}),
    ...(options.moderate ? { moderate: options.moderate } : {}),
    ids: { ...ids, inviteId: () => chosen.shift() ?? ids.inviteId() },
  });
  return {
    server,
    clock,
    close: async () => server.close(),
  };
};

/** Every server kind the compat tests run against (`natter serve` joins when the Node host lands). */
export const compatServers: Array<[string, CompatServerFactory]> = [['embedded server', embeddedServer]];

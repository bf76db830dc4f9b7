// The contract between the conformance suite and a server under test. The
// suite drives servers only through ChatClient (and, for malformed-frame
// tests, a raw transport connection); a harness says how to reach a server
// and how to move its clock. The embedded harness runs it in-process with a
// manual clock; the Node host harness runs it against `natter serve` over
// WebSocket with real waits and short windows.
import { createChatClient } from '../../src/client/chat-client';
import type { ChatClient, ChatClientOptions } from '../../src/client/chat-client-types';
import type { Transport } from '../../src/protocol/link';
import type { Message } from '../../src/protocol/message';

/** Server settings a suite asks for; a harness starts (or reuses) a server configured so. */
export interface HarnessConfig {
  /** Recall disabled (505). Default: enabled. */
  recallEnabled?: boolean;
}

export interface Harness {
  readonly name: string;
  /** The server's recall window in ms (120 000 by default; a real-time harness uses a short one). */
  readonly recallWindowMs: number;
  /** A transport to the server (a fresh one per call is fine). */
  transport(): Transport;
  /** Credentials for `user`: `{ user }` in dev mode, `{ token }` where tokens are checked. */
  credentials(user: string): { user?: string; token?: string };
  /** Move the server's clock forward (manual clock), or wait that long (real clock). Fires due timers. */
  advance(ms: number): Promise<void>;
  /** Restart the server keeping its storage (SQLite hosts). Suites add restart tests only when present. */
  restart?(): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessFactory {
  (config: HarnessConfig): Promise<Harness>;
  /** True when harnesses from this factory implement `restart()` (restart tests are added then). */
  readonly canRestart?: boolean;
}

/**
 * The moderation rule every conformance server must be started with (the suite checks 501/502):
 * text containing SENSITIVE_WORD is rejected with 501, text containing INTERCEPT_WORD is
 * intercepted with 502.
 */
export const SENSITIVE_WORD = 'forbiddenword';
export const INTERCEPT_WORD = 'interceptme';

/** The moderation hook for conformance servers: `reject` → 501, `intercept` → 502. */
export function conformanceModerate(message: Message): 'allow' | 'reject' | 'intercept' {
  const text = message.body.type === 'txt' ? message.body.msg : '';
  if (text.includes(SENSITIVE_WORD)) return 'reject';
  if (text.includes(INTERCEPT_WORD)) return 'intercept';
  return 'allow';
}

/**
 * The edit and delete windows every conformance server is started with (the feature suites
 * check 4091/4092 just past them, and success just inside).
 */
// Short enough that a suite moving the clock past them stays within the Node harness's one-hour tokens.
export const FEATURE_WINDOWS = { editWindowMs: 5 * 60_000, deleteWindowMs: 15 * 60_000 } as const;

/** Fast reconnects: the suite drops connections on purpose and should not wait seconds. */
export const TEST_RECONNECT = { initialDelayMs: 5, maxDelayMs: 50 } as const;

/** A client for `user` on this harness, not yet connected. */
export function harnessClient(h: Harness, user: string, options: Partial<ChatClientOptions> = {}): ChatClient {
  return createChatClient({ transport: h.transport(), reconnect: TEST_RECONNECT, ...h.credentials(user), ...options });
}

// Owns natter's error: the NatterError class, the `ErrorCode` namespace of its codes
// (error-codes.ts) and the default English messages, loaded apart (error-messages.ts).
import * as ErrorCode from './error-codes';

/** The error codes natter speaks (each a numeric constant; see error-codes.ts). */
export { ErrorCode };

export type ErrorCodeName = keyof typeof ErrorCode;
export type ErrorCodeValue = (typeof ErrorCode)[ErrorCodeName];

// The default messages are a table of their own (error-messages.ts): a browser app loads it
// apart from its first screen, on first need or when a client starts (loadErrorMessages); the
// servers import it directly since they put these messages on the wire.
let messages: Readonly<Record<number, string>> | null = null;
let loading: Promise<void> | null = null;

/** Gives the table at once (a server, which has it imported, does so as it starts). */
export function setErrorMessages(table: Readonly<Record<number, string>>): void {
  messages = table;
}

/** Fetches the table of default messages if it is not there yet; a failed fetch is tried again on next need. */
export function loadErrorMessages(): Promise<void> {
  loading ??= import('./error-messages-chunk').then(
    (m) => setErrorMessages(m.defaultMessages),
    (e: unknown) => {
      loading = null;
      throw e;
    },
  );
  return loading;
}

/** The English message of `code`; until the table has arrived, a short one that still names the code. */
export function defaultErrorMessage(code: number): string {
  if (messages) return messages[code] ?? 'error';
  loadErrorMessages().catch(() => undefined);
  return `error ${code}`;
}

/** The error every natter API rejects with: a numeric `code` from {@link ErrorCode} and a message. */
export class NatterError extends Error {
  readonly code: number;
  /** Milliseconds to wait before retrying (rate limits). */
  readonly retryAfter: number | undefined;
  constructor(code: number, message?: string, retryAfter?: number) {
    super(message);
    // Without a message of its own, the default is read when asked for, so that an error made
    // before the table of messages arrived still reads as the full message once it has.
    if (message === undefined)
      Object.defineProperty(this, 'message', { get: () => defaultErrorMessage(code), configurable: true });
    this.name = 'NatterError';
    this.code = code;
    this.retryAfter = retryAfter;
  }
}

/** `err` as a NatterError: itself, a copy of one from another realm, or code UNKNOWN with its message. */
export function toNatterError(err: unknown): NatterError {
  if (err instanceof NatterError) return err;
  if (isNatterError(err)) return new NatterError(err.code, err.message, err.retryAfter);
  return new NatterError(ErrorCode.UNKNOWN, err instanceof Error ? err.message : String(err));
}

/**
 * The error for a string that parseConversationId (ids.ts) refuses, one message wherever the API
 * meets one. It lives here, not in ids.ts, so that ids.ts imports nothing: the offline chunks share
 * it with the first screen, and an import of this module from it made Rolldown (Vite 8) put this
 * module in a chunk of its own, one more request and ~300 B more gzip on the first screen.
 */
export function badConversationId(id: string): NatterError {
  return new NatterError(ErrorCode.INVALID_PARAMS, `not a conversation id: ${id}`);
}

export function isNatterError(e: unknown): e is NatterError {
  return (
    e instanceof NatterError ||
    (typeof e === 'object' &&
      e !== null &&
      (e as { name?: unknown }).name === 'NatterError' &&
      typeof (e as { code?: unknown }).code === 'number')
  );
}

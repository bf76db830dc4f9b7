// Owns the one table of error codes natter speaks: the vendor codes where the
// Easemob and Tencent documents define one, natter's own for the rest.

export const ErrorCode = {
  // Easemob (环信) Web IM codes, as `e.type` in its `fail` callbacks.
  WEBIM_CONNCTION_AUTH_ERROR: 51,
  WEBIM_CONNCTION_OPEN_ERROR: 52,
  SENSITIVE_WORDS: 501,
  INTERCEPTED: 502,
  UNKNOWN: 503,
  RECALL_WINDOW_PASSED: 504,
  RECALL_NOT_ENABLED: 505,
  NOT_WHITELISTED: 506,
  MUTED: 507,
  MESSAGE_NOT_FOUND: 508,
  RATE_LIMITED: 509,
  NOT_ALLOWED: 510,
  TOO_LARGE: 511,
  NOT_IN_GROUP: 602,
  BLOCKED: 603,
  GROUP_NOT_FOUND: 605,
  // Tencent Cloud Chat signaling codes.
  INVITATION_INVALID: 8010,
  INVITATION_NO_PERMISSION: 8011,
  INVITATION_EXISTS: 8012,
  INVITATION_INVALID_CANCEL: 8020,
  // natter's own.
  MALFORMED_FRAME: 4000,
  UNKNOWN_OPERATION: 4001,
  INVALID_PARAMS: 4002,
  UNSUPPORTED_VERSION: 4003,
  /** JSON nested deeper than the server accepts (e.g. an `ext` of 100,000 levels). */
  TOO_DEEP: 4004,
  /** A URL in a message body whose scheme is not http(s) (`javascript:`, `data:`, …). */
  URL_NOT_ALLOWED: 4005,
  /** Too many malformed frames on one connection: it is closed. */
  TOO_MANY_MALFORMED: 4006,
  /** No hello within the server's deadline after connecting. */
  HELLO_TIMEOUT: 4008,
  NOT_AUTHENTICATED: 4010,
  TOKEN_EXPIRED: 4011,
  TOKEN_INVALID: 4012,
  /** The token expires soon: renew it (`ChatClient.renewToken`) to keep the session. */
  TOKEN_EXPIRING: 4013,
  /** Renewal with a token of another user. */
  TOKEN_USER_MISMATCH: 4014,
  FILE_TYPE_NOT_ALLOWED: 4150,
  FILE_CONTENT_MISMATCH: 4151,
  /** An upload over the user's storage quota. */
  QUOTA_EXCEEDED: 4152,
  /**
   * An attachment queued offline was over the offline cache's size limit, so its bytes did not
   * survive the page reload: its message is failed and the file must be attached again.
   */
  ATTACHMENT_NOT_KEPT: 4153,
  FILE_NOT_FOUND: 4040,
  USER_NOT_FOUND: 4041,
  CONVERSATION_NOT_FOUND: 4042,
  ROOM_NOT_FOUND: 4043,
  ALREADY_EXISTS: 4090,
  EDIT_WINDOW_PASSED: 4091,
  DELETE_WINDOW_PASSED: 4092,
  CALL_NOT_JOINED: 4060,
  CALL_ENDED: 4061,
  CALL_PEER_NOT_JOINED: 4062,
  CALL_FULL: 4063,
  /** A vendor feature natter does not have (e.g. Easemob friend requests: natter has no friend list to ask for). */
  NOT_SUPPORTED: 4064,
  /** Web Push is not configured on this server (no VAPID keys). */
  PUSH_NOT_CONFIGURED: 4070,
  /** A push endpoint this server will not send to (e.g. plain http to a public host). */
  PUSH_ENDPOINT_NOT_ALLOWED: 4071,
  DISCONNECTED: 4999,
  SHUTTING_DOWN: 5030,
  /** The server's database or message bus is unreachable for a moment: retry (after `retryAfter`). */
  STORAGE_UNAVAILABLE: 5031,
  INTERNAL: 5000,
} as const;

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

export function isNatterError(e: unknown): e is NatterError {
  return (
    e instanceof NatterError ||
    (typeof e === 'object' &&
      e !== null &&
      (e as { name?: unknown }).name === 'NatterError' &&
      typeof (e as { code?: unknown }).code === 'number')
  );
}

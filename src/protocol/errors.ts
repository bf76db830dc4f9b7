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

const defaultMessages: Record<number, string> = {
  51: 'authentication failed',
  52: 'connection could not be opened',
  501: 'message contains sensitive words',
  502: 'message intercepted by a custom rule',
  503: 'unknown error',
  504: 'recall window has passed',
  505: 'message recall is not enabled',
  506: 'not on the group whitelist',
  507: 'you are muted in this group',
  508: 'message not found',
  509: 'too many requests',
  510: 'not allowed',
  511: 'payload too large',
  602: 'not a member of this group or chat room',
  603: 'blocked by the recipient',
  605: 'group does not exist',
  8010: 'invitation is invalid or already handled',
  8011: 'no permission for this invitation',
  8012: 'invitation already exists',
  8020: 'invalid cancel',
  4000: 'malformed frame',
  4001: 'unknown operation',
  4002: 'invalid parameters',
  4003: 'unsupported protocol version',
  4004: 'JSON nested too deeply',
  4005: 'only http(s) URLs are allowed',
  4006: 'too many malformed frames',
  4008: 'no hello in time',
  4010: 'not authenticated',
  4011: 'token expired',
  4012: 'token invalid',
  4013: 'token expires soon',
  4014: 'token is for another user',
  4152: 'upload quota exceeded',
  4153: 'the attachment was too large to keep offline; attach it again',
  4150: 'file type not allowed',
  4151: 'file content does not match its declared type',
  4040: 'file not found',
  4041: 'user not found',
  4042: 'conversation not found',
  4043: 'chat room does not exist',
  4090: 'already exists',
  4091: 'edit window has passed',
  4092: 'delete window has passed',
  4060: 'not a participant of this call',
  4061: 'the call has ended',
  4062: 'that participant is not in the call',
  4063: 'the call is full',
  4064: 'not supported by natter',
  4070: 'push notifications are not configured on this server',
  4071: 'this push endpoint is not allowed',
  4999: 'disconnected',
  5030: 'server is shutting down',
  5031: 'storage is unavailable for a moment; retry',
  5000: 'internal server error',
};

export function defaultErrorMessage(code: number): string {
  return defaultMessages[code] ?? 'error';
}

/** The error every natter API rejects with: a numeric `code` from {@link ErrorCode} and a message. */
export class NatterError extends Error {
  readonly code: number;
  /** Milliseconds to wait before retrying (rate limits). */
  readonly retryAfter: number | undefined;
  constructor(code: number, message?: string, retryAfter?: number) {
    super(message ?? defaultErrorMessage(code));
    this.name = 'NatterError';
    this.code = code;
    this.retryAfter = retryAfter;
  }
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

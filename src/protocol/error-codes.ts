// Owns the error codes natter speaks, one constant each: the vendor codes where the
// Easemob and Tencent documents define one, natter's own for the rest. errors.ts gives
// them to apps as the one `ErrorCode` namespace; being separate bindings, a bundle
// keeps only the codes its code reads instead of the whole table.

// Easemob (环信) Web IM codes, as `e.type` in its `fail` callbacks.
export const WEBIM_CONNCTION_AUTH_ERROR = 51;
export const WEBIM_CONNCTION_OPEN_ERROR = 52;
export const SENSITIVE_WORDS = 501;
export const INTERCEPTED = 502;
export const UNKNOWN = 503;
export const RECALL_WINDOW_PASSED = 504;
export const RECALL_NOT_ENABLED = 505;
export const NOT_WHITELISTED = 506;
export const MUTED = 507;
export const MESSAGE_NOT_FOUND = 508;
export const RATE_LIMITED = 509;
export const NOT_ALLOWED = 510;
export const TOO_LARGE = 511;
export const NOT_IN_GROUP = 602;
export const BLOCKED = 603;
export const GROUP_NOT_FOUND = 605;
// Tencent Cloud Chat signaling codes.
export const INVITATION_INVALID = 8010;
export const INVITATION_NO_PERMISSION = 8011;
export const INVITATION_EXISTS = 8012;
export const INVITATION_INVALID_CANCEL = 8020;
// natter's own.
export const MALFORMED_FRAME = 4000;
export const UNKNOWN_OPERATION = 4001;
export const INVALID_PARAMS = 4002;
export const UNSUPPORTED_VERSION = 4003;
/** JSON nested deeper than the server accepts (e.g. an `ext` of 100,000 levels). */
export const TOO_DEEP = 4004;
/** A URL in a message body whose scheme is not http(s) (`javascript:`, `data:`, …). */
export const URL_NOT_ALLOWED = 4005;
/** Too many malformed frames on one connection: it is closed. */
export const TOO_MANY_MALFORMED = 4006;
/** No hello within the server's deadline after connecting. */
export const HELLO_TIMEOUT = 4008;
export const NOT_AUTHENTICATED = 4010;
export const TOKEN_EXPIRED = 4011;
export const TOKEN_INVALID = 4012;
/** The token expires soon: renew it (`ChatClient.renewToken`) to keep the session. */
export const TOKEN_EXPIRING = 4013;
/** Renewal with a token of another user. */
export const TOKEN_USER_MISMATCH = 4014;
export const FILE_TYPE_NOT_ALLOWED = 4150;
export const FILE_CONTENT_MISMATCH = 4151;
/** An upload over the user's storage quota. */
export const QUOTA_EXCEEDED = 4152;
/**
 * An attachment queued offline was over the offline cache's size limit, so its bytes did not
 * survive the page reload: its message is failed and the file must be attached again.
 */
export const ATTACHMENT_NOT_KEPT = 4153;
export const FILE_NOT_FOUND = 4040;
export const USER_NOT_FOUND = 4041;
export const CONVERSATION_NOT_FOUND = 4042;
export const ROOM_NOT_FOUND = 4043;
export const ALREADY_EXISTS = 4090;
export const EDIT_WINDOW_PASSED = 4091;
export const DELETE_WINDOW_PASSED = 4092;
export const CALL_NOT_JOINED = 4060;
export const CALL_ENDED = 4061;
export const CALL_PEER_NOT_JOINED = 4062;
export const CALL_FULL = 4063;
/** A vendor feature natter does not have (e.g. Easemob friend requests: natter has no friend list to ask for). */
export const NOT_SUPPORTED = 4064;
/** Web Push is not configured on this server (no VAPID keys). */
export const PUSH_NOT_CONFIGURED = 4070;
/** A push endpoint this server will not send to (e.g. plain http to a public host). */
export const PUSH_ENDPOINT_NOT_ALLOWED = 4071;
export const DISCONNECTED = 4999;
export const SHUTTING_DOWN = 5030;
/** The server's database or message bus is unreachable for a moment: retry (after `retryAfter`). */
export const STORAGE_UNAVAILABLE = 5031;
export const INTERNAL = 5000;

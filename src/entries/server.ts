// Public entry of `@natter/server` (Node only): the WebSocket + HTTP host, SQLite
// storage, disk files, tokens and the `natter serve` runner, plus the server
// core they host. The only entry allowed to reach src/node.

/**
 * The `@natter/server` entry point.
 * @packageDocumentation
 * @module @natter/server
 */

export { startServer, type StartServerOptions, type RunningServer } from '../node/serve';
export { attachWebSocketHost, CloseCode, type WebSocketHostOptions, type WebSocketHost } from '../node/ws-host';
export { SqliteStorage, type SqliteStorageOptions } from '../node/sqlite-storage';
export { migrate, MIGRATIONS } from '../node/sqlite-migrations';
export { DiskFileStore, type DiskFileStoreOptions } from '../node/disk-file-store';
export { createFileApi, type FileApiOptions } from '../node/http-files';
export {
  createToken,
  verifyToken,
  createAuthenticator,
  createHelloAuthenticator,
  verifyTokenClaims,
  type Identity,
  type TokenOptions,
  type TokenClaims,
  type AuthOptions,
  type Credentials,
} from '../node/token';
export { createJwtVerifier, MIN_SECRET_BYTES, type JwtAuthOptions, type VerifiedIdentity } from '../node/jwt-auth';
export { createJsonLogger, silentLogger, type Logger, type LogLevel } from '../node/logger';
export { runCli, type CliIo } from '../node/cli';
export { createWebPushSender, generateVapidKeys, type WebPushOptions, type VapidKeys } from '../node/push-sender';

export {
  createServerCore,
  createEmbeddedServer,
  createLoopbackTransport,
  createManualClock,
  systemClock,
  createIdSource,
  MemoryStorage,
  asyncStorage,
  MemoryFileStore,
  DEFAULT_LIMITS,
  DEFAULT_FILE_TYPES,
  contentMatches,
  normalizeMime,
  type ServerCore,
  type ServerCoreOptions,
  type EmbeddedServer,
  type EmbeddedServerOptions,
  type AuthResult,
  type ModerationVerdict,
  type PushNotice,
  type WebPushSender,
  type Clock,
  type ManualClock,
  type TimerHandle,
  type IdSource,
  type RateLimitOptions,
  type RateLimitStore,
  createMemoryRateLimitStore,
  DEFAULT_RATE_LIMIT,
  DEFAULT_UPLOAD_QUOTA,
  DEFAULT_UPLOAD_RATE,
  createWordFilter,
  type WordFilterOptions,
  type UploadQuota,
  type FileInput,
  type PeopleOptions,
  type ProfileSource,
  type SourceProfile,
} from '../server/index';
export type {
  Storage,
  SyncStorage,
  StorageOps,
  EventAppend,
  FileStore,
  ConversationKey,
  MessageRecord,
  MessageQuery,
  UnreadQuery,
  ConversationStateRecord,
  ReceiptKind,
  EventRecord,
  FileRecord,
} from '../server/storage';
export type {
  PeopleStorage,
  ProfileRecord,
  ProfileSearchQuery,
  MessageSearchQuery,
  MessageSearchRow,
  MessageSearchResult,
  SearchScope,
  Awaitable,
} from '../server/people-storage';
export type { PushStorage, PushSubscriptionRecord } from '../server/push-storage';

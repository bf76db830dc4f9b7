// Owns the public surface of the server core (re-exports only).
export { createServerCore } from './server-core';
export type { ServerCore } from './server-core';
export { createEmbeddedServer } from './embedded-server';
export type { EmbeddedServer, EmbeddedServerOptions } from './embedded-server';
export { createLoopbackTransport } from './loopback-transport';
export type { ServerCoreOptions, AuthResult, ModerationVerdict, PushNotice } from './server-options';
export { createManualClock, systemClock } from './clock';
export type { Clock, ManualClock } from './clock';
export { createIdSource } from './id-source';
export type { IdSource } from './id-source';
export { MemoryStorage } from './memory-storage';
export { asyncStorage } from './sync-storage-adapter';
export { MemoryFileStore } from './memory-file-store';
export type * from './storage';
export { DEFAULT_LIMITS, DEFAULT_FILE_TYPES } from './limits';
export type { RateLimitOptions } from './rate-limiter';
export type { FileInput } from './files';
export { contentMatches, normalizeMime } from './file-sniff';

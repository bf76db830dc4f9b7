// Owns the embedded server: the server core with memory storage and memory
// files, running in the page (demos, Storybook, tests), reached through
// loopback transports. File URLs are object URLs where the platform has them.
import type { Transport } from '../protocol/link';
import type { Clock } from './clock';
import { systemClock } from './clock';
import { createLoopbackTransport } from './loopback-transport';
import { MemoryFileStore } from './memory-file-store';
import { MemoryStorage } from './memory-storage';
import type { ServerCore } from './server-core';
import { createServerCore } from './server-core';
import type { ServerCoreOptions } from './server-options';
import type { Storage } from './storage';

/** Same as the core's options; rate limiting is off unless `rateLimit` is given. */
export type EmbeddedServerOptions = ServerCoreOptions;

export interface EmbeddedServer {
  /** A new Transport into this server (give one to each ChatClient, or share one). */
  connect(): Transport;
  /** Alias of connect(). */
  transport(): Transport;
  readonly core: ServerCore;
  readonly clock: Clock;
  readonly storage: Storage;
  close(): void;
}

function objectUrl(fileId: string, mime: string, bytes: Uint8Array): string {
  const create = (globalThis as { URL?: { createObjectURL?: (b: Blob) => string } }).URL?.createObjectURL;
  if (typeof create === 'function' && typeof Blob === 'function') {
    return create(new Blob([bytes.slice().buffer as ArrayBuffer], { type: mime }));
  }
  return `/files/${fileId}`;
}

export function createEmbeddedServer(options: EmbeddedServerOptions = {}): EmbeddedServer {
  const clock = options.clock ?? systemClock;
  const storage = options.storage ?? new MemoryStorage();
  const core = createServerCore({
    ...options,
    clock,
    storage,
    files: options.files ?? new MemoryFileStore(),
    rateLimit: options.rateLimit ?? false,
    fileUrl: options.fileUrl ?? objectUrl,
  });
  core.start();
  const transport = createLoopbackTransport(core);
  return {
    connect: () => transport,
    transport: () => transport,
    core,
    clock,
    storage,
    close: () => core.close(),
  };
}

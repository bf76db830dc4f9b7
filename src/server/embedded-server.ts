// Owns the embedded server: the server core with memory storage and memory
// files, running in the page (demos, Storybook, tests), reached through
// loopback transports. File URLs are object URLs where the platform has them,
// revoked when the server closes.
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

/**
 * Same as the core's options; rate limits, upload quota and the hello deadline are off unless given
 * (an in-page loopback has no strangers), and a conversation page is built in one go (pageSliceMs).
 */
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

interface UrlApi {
  createObjectURL?: (b: Blob) => string;
  revokeObjectURL?: (url: string) => void;
}

/** File URLs as object URLs where the platform has them; `revokeAll` releases them (on close). */
function objectUrls(): { fileUrl: (fileId: string, mime: string, bytes: Uint8Array) => string; revokeAll: () => void } {
  const made = new Set<string>();
  return {
    fileUrl(fileId, mime, bytes) {
      const api = (globalThis as { URL?: UrlApi }).URL;
      if (typeof api?.createObjectURL === 'function' && typeof Blob === 'function') {
        const url = api.createObjectURL(new Blob([bytes.slice().buffer], { type: mime }));
        made.add(url);
        return url;
      }
      return `/files/${fileId}`;
    },
    revokeAll() {
      const api = (globalThis as { URL?: UrlApi }).URL;
      for (const url of made) api?.revokeObjectURL?.(url);
      made.clear();
    },
  };
}

export function createEmbeddedServer(options: EmbeddedServerOptions = {}): EmbeddedServer {
  const clock = options.clock ?? systemClock;
  const urls = objectUrls();
  const core = createServerCore({
    ...options,
    clock,
    storage: options.storage ?? new MemoryStorage(),
    files: options.files ?? new MemoryFileStore(),
    rateLimit: options.rateLimit ?? false,
    helloTimeoutMs: options.helloTimeoutMs ?? 0,
    uploadRateLimit: options.uploadRateLimit ?? false,
    uploadQuota: options.uploadQuota ?? false,
    pageSliceMs: options.pageSliceMs ?? false,
    fileUrl: options.fileUrl ?? urls.fileUrl,
  });
  core.start();
  const transport = createLoopbackTransport(core);
  return {
    connect: () => transport,
    transport: () => transport,
    core,
    clock,
    // The core's storage (behind its cache): writes made through it stay visible to the core.
    storage: core.storage,
    close: () => {
      void core.close();
      urls.revokeAll();
    },
  };
}

// Owns the in-memory FileStore: uploaded bytes kept in a Map (embedded
// server, tests). Copies in and out, so callers cannot change stored bytes.
import type { FileStore } from './storage';

export class MemoryFileStore implements FileStore {
  private readonly bytes = new Map<string, Uint8Array>();

  put(fileId: string, bytes: Uint8Array): Promise<void> {
    this.bytes.set(fileId, bytes.slice());
    return Promise.resolve();
  }

  get(fileId: string): Promise<Uint8Array | null> {
    const b = this.bytes.get(fileId);
    return Promise.resolve(b ? b.slice() : null);
  }

  delete(fileId: string): Promise<void> {
    this.bytes.delete(fileId);
    return Promise.resolve();
  }
}

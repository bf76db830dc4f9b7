// Owns uploaded bytes on disk: the server core's FileStore under one
// directory, one file per id. Ids are the core's unguessable random ids; any
// id that is not a plain token is refused, so no id can name a path outside
// the directory. Writes go to a temp file and are renamed into place, so a
// crash never leaves a half-written file under a real id.
import { mkdirSync } from 'node:fs';
import { open, readFile, rename, rm, mkdir } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { FileStore } from '../server/storage';

const SAFE_ID = /^[A-Za-z0-9_-]{8,128}$/;

/** 128 random bits, base64url: an id nobody can guess. */
export function randomFileId(): string {
  return randomBytes(16).toString('base64url');
}

export interface DiskFileStoreOptions {
  /** Directory holding the files (created if missing). */
  dir: string;
  /** fsync each file before it becomes visible (pairs with synchronous: 'FULL'). */
  fsync?: boolean;
}

export class DiskFileStore implements FileStore {
  readonly dir: string;
  private readonly fsync: boolean;

  constructor(options: DiskFileStoreOptions) {
    this.dir = resolve(options.dir);
    this.fsync = options.fsync ?? false;
    mkdirSync(join(this.dir, 'tmp'), { recursive: true });
  }

  /** Where an id lives: `<dir>/<first two chars>/<id>`, or null for an id that is not safe. */
  pathOf(fileId: string): string | null {
    if (!SAFE_ID.test(fileId)) return null;
    return join(this.dir, fileId.slice(0, 2), fileId);
  }

  async put(fileId: string, bytes: Uint8Array): Promise<void> {
    const path = this.pathOf(fileId);
    if (!path) throw new Error(`DiskFileStore: unsafe file id ${JSON.stringify(fileId)}`);
    await mkdir(join(this.dir, fileId.slice(0, 2)), { recursive: true });
    const tmp = join(this.dir, 'tmp', `${fileId}.${randomBytes(6).toString('hex')}`);
    const fh = await open(tmp, 'wx', 0o600);
    try {
      await fh.writeFile(bytes);
      if (this.fsync) await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, path);
  }

  async get(fileId: string): Promise<Uint8Array | null> {
    const path = this.pathOf(fileId);
    if (!path) return null;
    try {
      const buf = await readFile(path);
      return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }

  async delete(fileId: string): Promise<void> {
    const path = this.pathOf(fileId);
    if (path) await rm(path, { force: true });
  }
}

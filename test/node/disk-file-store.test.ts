// Uploaded bytes on disk: stored and read back exactly, kept across a new
// store instance, and no id can reach a path outside the directory.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiskFileStore, randomFileId } from '../../src/node/disk-file-store';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'natter-files-'));
  dirs.push(d);
  return d;
}

describe('DiskFileStore', () => {
  it('stores bytes under a random id and reads them back from a new instance', async () => {
    const dir = tempDir();
    const id = randomFileId();
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const bytes = new Uint8Array([0, 1, 2, 255, 254]);
    await new DiskFileStore({ dir, fsync: true }).put(id, bytes);
    expect(await new DiskFileStore({ dir }).get(id)).toEqual(bytes);
    expect(readdirSync(join(dir, 'tmp'))).toEqual([]);
  });

  it('answers null for unknown ids and deletes', async () => {
    const store = new DiskFileStore({ dir: tempDir() });
    const id = randomFileId();
    expect(await store.get(id)).toBeNull();
    await store.put(id, new Uint8Array([1]));
    await store.delete(id);
    expect(await store.get(id)).toBeNull();
  });

  it('never resolves an id to a path outside its directory', async () => {
    const root = tempDir();
    const dir = join(root, 'files');
    const store = new DiskFileStore({ dir });
    writeFileSync(join(root, 'secret.txt'), 'secret');
    for (const bad of [
      '../secret.txt',
      '..%2Fsecret.txt',
      '/etc/passwd',
      'a/../../secret.txt',
      '..',
      '',
      'x\0y',
      'short',
    ]) {
      expect(await store.get(bad)).toBeNull();
      await expect(store.put(bad, new Uint8Array([1]))).rejects.toThrow(/unsafe/);
      await store.delete(bad);
    }
    expect(existsSync(join(root, 'secret.txt'))).toBe(true);
  });
});

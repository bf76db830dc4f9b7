// Owns PgStorage's file records (uploads this server keeps or serves): one
// JSON row per file, keyed by its id, with its owner and time beside it.
import type { FileRecord } from '../server/storage';
import type { PgDatabase } from './pg-database';
import { firstJson } from './pg-json-rows';

export async function putFile(db: PgDatabase, record: FileRecord): Promise<void> {
  await db.rows(
    'INSERT INTO files (file_id, owner, created_at, json) VALUES ($1, $2, $3, $4) ON CONFLICT (file_id) DO UPDATE SET json = excluded.json',
    [record.fileId, record.owner, record.createdAt, JSON.stringify(record)],
  );
}

export async function getFile(db: PgDatabase, fileId: string): Promise<FileRecord | null> {
  return firstJson<FileRecord>(await db.rows('SELECT json FROM files WHERE file_id = $1', [fileId]));
}

export async function deleteFile(db: PgDatabase, fileId: string): Promise<void> {
  await db.rows('DELETE FROM files WHERE file_id = $1', [fileId]);
}

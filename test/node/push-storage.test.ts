// Web Push subscriptions in the in-process storages (memory and SQLite); the
// PostgreSQL run is in cluster/pg-storage.test.ts.
import { MemoryStorage } from '../../src/server/memory-storage';
import { asyncStorage } from '../../src/server/sync-storage-adapter';
import { describePushStorageContract } from './push-storage-contract';
import { useTempSqlite } from './support/temp-sqlite';

const { tempDb, open } = useTempSqlite('natter-push-');

describePushStorageContract('MemoryStorage', () => asyncStorage(new MemoryStorage()));
describePushStorageContract('SqliteStorage', () => asyncStorage(open(tempDb())));

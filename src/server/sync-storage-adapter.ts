// Owns turning an in-process SyncStorage (MemoryStorage, SQLite) into the
// asynchronous Storage the core uses. Transactions run one at a time:
// `transaction(fn)` waits for the one in progress, begins, awaits `fn(tx)`
// and commits (rolls back when it rejects). Calls made outside a transaction
// wait while one is open, because in one process they would otherwise read
// its uncommitted writes (and keep them if it rolled back); calls through
// `tx` run at once. A search outside a transaction first awaits the store's
// `prepareSearch` (MemoryStorage builds its index in slices there, SQLite
// catches its word index up in slices), and is answered by its
// `searchInBackground` when it has one (SQLite), as a conversation page is by
// its `conversationPageInBackground` (Storage's `readConversationPage`). Such
// a store has one writer, so `shared` is false.
import type { Storage, StorageOps, SyncStorage } from './storage';

/** Every operation of StorageOps (the adapter forwards each by name). */
const OPS = [
  'insertMessage',
  'updateMessage',
  'getMessage',
  'getMessages',
  'getMessageByLocalId',
  'listMessages',
  'countUnread',
  'nextSeq',
  'lastSeq',
  'getConversationState',
  'putConversationState',
  'listConversationStates',
  'listConversationKeys',
  'listClearedHistories',
  'listConversationPage',
  'unreadTotal',
  'addReceipt',
  'listReceipts',
  'getGroup',
  'putGroup',
  'deleteGroup',
  'listGroupsOf',
  'getRoom',
  'putRoom',
  'deleteRoom',
  'listRooms',
  'getBlocklist',
  'setBlocklist',
  'getPins',
  'setPins',
  'getInvitation',
  'putInvitation',
  'replaceInvitation',
  'claimDueInvitations',
  'listDueInvitations',
  'listOpenInvitations',
  'nextInvitationDeadline',
  'appendEvent',
  'appendEvents',
  'readEvents',
  'lastEventPosition',
  'firstEventPosition',
  'pruneEvents',
  'pruneEventsBefore',
  'putFile',
  'getFile',
  'deleteFile',
  'getProfiles',
  'putProfile',
  'searchProfiles',
  'searchMessages',
  'putPushSubscription',
  'listPushSubscriptions',
  'deletePushSubscription',
  'deletePushEndpoint',
  'getThreadRead',
  'raiseThreadRead',
  'listThreadReads',
] as const satisfies readonly (keyof StorageOps)[];

// A compile-time check that OPS names every operation.
type Missing = Exclude<keyof StorageOps, (typeof OPS)[number]>;
const allNamed: [Missing] extends [never] ? true : Missing = true;
void allNamed;

type AnyOp = (...args: unknown[]) => unknown;

/** The async face of `sync`; `close` runs `onClose` (e.g. closing the database file). */
export function asyncStorage(sync: SyncStorage, onClose: () => void = () => {}): Storage {
  /** Settles when the open transaction ends; null when none is open. */
  let active: Promise<void> | null = null;
  const outer = { shared: false } as Record<string, unknown>;
  const tx = { shared: false } as Record<string, unknown>;

  for (const name of OPS) {
    const op = (sync[name] as AnyOp).bind(sync);
    tx[name] = (...args: unknown[]) => {
      try {
        return Promise.resolve(op(...args));
      } catch (e) {
        return Promise.reject(e);
      }
    };
    const search = name === 'searchMessages';
    const prepare = search ? sync.prepareSearch?.bind(sync) : undefined;
    const background = search ? sync.searchInBackground?.bind(sync) : undefined;
    outer[name] = async (...args: unknown[]) => {
      if (prepare) await prepare(args[0] as Parameters<StorageOps['searchMessages']>[0]);
      while (active) await active;
      // Started between transactions: it sees what they committed, and none waits for it.
      if (background) return background(args[0] as Parameters<StorageOps['searchMessages']>[0]);
      return op(...args);
    };
  }

  const page = sync.conversationPageInBackground?.bind(sync);
  if (page)
    outer.readConversationPage = async (...args: Parameters<typeof page>) => {
      while (active) await active;
      return page(...args);
    };

  const txStorage = tx as unknown as Storage;
  tx.transaction = <T>(fn: (t: Storage) => Promise<T>): Promise<T> => fn(txStorage);
  tx.ping = () => Promise.resolve();
  tx.close = () => Promise.reject(new Error('close() inside a transaction'));

  outer.transaction = async <T>(fn: (t: Storage) => Promise<T>): Promise<T> => {
    while (active) await active;
    let release!: () => void;
    active = new Promise<void>((resolve) => (release = resolve));
    try {
      sync.begin();
      let result: T;
      try {
        result = await fn(txStorage);
      } catch (e) {
        sync.rollback();
        throw e;
      }
      try {
        sync.commit();
      } catch (e) {
        sync.rollback();
        throw e;
      }
      return result;
    } finally {
      active = null;
      release();
    }
  };
  outer.ping = () => Promise.resolve();
  outer.close = async () => {
    while (active) await active;
    onClose();
  };
  return outer as unknown as Storage;
}

// Owns keeping the start record up to date: the head of the list and the
// pages a start draws, copied into one `meta` record (offline-schema.ts), so a
// reload reads its snapshot in one trip to the database instead of reading
// the head and the wanted list first and the pages they name after. Rewritten
// in the transaction that writes any of its parts, so it never disagrees with
// them; the event position stays in its own record, read in the same trip.
import type { ConversationSummary } from '../../protocol/entities';
import type { ConversationId } from '../../protocol/ids';
import type { OfflineListTx } from './offline-db';
import type { StoredMeta, StoredPage, StoredStart } from './offline-schema';
import type { CachedPage } from './offline-types';
import { startPageIds } from './start-snapshot';
import { storedPage } from './stored-page';

/** What the transaction just wrote: the list's new head, pages, removed pages, the wanted list. */
export interface StartParts {
  head?: readonly ConversationSummary[];
  pages?: readonly CachedPage[];
  removed?: readonly ConversationId[];
  wanted?: readonly ConversationId[];
}

/** Rewrites the start record in `tx` when what it copies changed (a no-op while no head is saved). */
export async function updateStartRecord(tx: OfflineListTx, parts: StartParts): Promise<void> {
  const meta = tx.objectStore('meta');
  // Both asked at once, after the writes the caller has made (a transaction answers in order).
  const [savedHead, savedWanted] = await Promise.all([
    parts.head ?? meta.get('head'),
    parts.wanted ?? meta.get('wanted'),
  ]);
  const head = savedHead as StoredMeta['head'] | undefined;
  if (!Array.isArray(head)) return;
  const wanted = (savedWanted ?? []) as StoredMeta['wanted'];
  const ids = startPageIds(wanted, head);
  const written = new Map((parts.pages ?? []).map((p) => [p.conversation, p]));
  const touched =
    parts.head !== undefined ||
    parts.wanted !== undefined ||
    ids.some((id) => written.has(id) || parts.removed?.includes(id));
  if (!touched) return;
  const found = await Promise.all(
    ids.map((conversation): Promise<StoredPage | undefined> => {
      const fresh = written.get(conversation);
      return fresh ? Promise.resolve(storedPage(fresh)) : tx.objectStore('pages').get(conversation);
    }),
  );
  const pages: StoredStart['pages'] = [];
  ids.forEach((conversation, i) => {
    const page = found[i];
    if (page) pages.push({ conversation, ...page });
  });
  const start: StoredStart = { head: [...head], pages };
  await meta.put(start, 'start');
}

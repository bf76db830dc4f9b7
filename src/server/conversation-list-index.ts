// Owns the in-memory storages' index of one user's conversation list: the
// states that are not hidden, kept in list order (conversation-order.ts) in a
// sorted array, and the sum of their unread counts. A page is a binary search
// and `limit` steps, the total a read: neither scans every conversation (at
// 100,000 conversations the scans cost an in-page server's first page about
// 20 ms of its list's first paint, and every later page as much again).
import { compareListOrder } from './conversation-order';
import type { ConversationPageQuery, ConversationStateRecord } from './storage';

type Position = Pick<ConversationStateRecord, 'updatedAt' | 'key'>;

export class ConversationListIndex {
  /**
   * Reverse list order: the last conversation of the list first, the newest last, so that the common
   * moves (a conversation gets a message and becomes the newest; states written oldest first) are
   * pushes at the end, not shifts of the whole array.
   */
  private readonly rows: ConversationStateRecord[] = [];
  private unread = 0;

  /**
   * Replaces `old` (the state stored before, if any) by `next`. Returns how to undo it (rollback:
   * steps are undone in reverse order, so each sees the index as this call left it).
   */
  replace(old: ConversationStateRecord | undefined, next: ConversationStateRecord): () => void {
    if (old && !old.hidden) this.remove(old);
    if (!next.hidden) this.insert(next);
    return () => {
      if (!next.hidden) this.remove(next);
      if (old && !old.hidden) this.insert(old);
    };
  }

  /** The states of one page, in list order (the stored records: the caller copies them). */
  page(query: ConversationPageQuery): ConversationStateRecord[] {
    const end = query.after ? this.countAfter(query.after) : this.rows.length;
    const out: ConversationStateRecord[] = [];
    for (let i = end - 1; i >= 0 && out.length < query.limit; i--) out.push(this.rows[i]!);
    return out;
  }

  /** The sum of the unread counts of the states that are not hidden. */
  unreadTotal(): number {
    return this.unread;
  }

  private insert(s: ConversationStateRecord): void {
    const i = this.countAfter(s);
    if (i === this.rows.length) this.rows.push(s);
    else this.rows.splice(i, 0, s);
    this.unread += s.unread;
  }

  private remove(s: ConversationStateRecord): void {
    const i = this.countAfter(s);
    if (this.rows[i]?.key !== s.key) throw new Error(`conversation list index: ${s.key} is not where it was put`);
    if (i === this.rows.length - 1) this.rows.pop();
    else this.rows.splice(i, 1);
    this.unread -= s.unread;
  }

  /** How many rows come after `p` in list order: the rows before its place in the array. */
  private countAfter(p: Position): number {
    let lo = 0;
    let hi = this.rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareListOrder(this.rows[mid]!, p) > 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

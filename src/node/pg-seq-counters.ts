// Owns the seq counters one PostgreSQL transaction holds: the first increment
// of a conversation's counter locks its row until commit, so the further ones
// in the same transaction (a group commit's sends to one conversation) are
// counted here and written once before the commit, and no other writer can
// hand out a seq in between.
import type { ConversationKey } from '../server/storage';
import type { PgDatabase } from './pg-database';
import { lastSeq, nextSeq, setSeqs } from './pg-messages';

export class PgSeqCounters {
  private readonly held = new Map<ConversationKey, { last: number; raised: boolean }>();

  constructor(private readonly tx: PgDatabase) {}

  async next(key: ConversationKey): Promise<number> {
    const held = this.held.get(key);
    if (held) {
      held.last++;
      held.raised = true;
      return held.last;
    }
    const last = await nextSeq(this.tx, key);
    this.held.set(key, { last, raised: false });
    return last;
  }

  last(key: ConversationKey): Promise<number> {
    const held = this.held.get(key);
    return held ? Promise.resolve(held.last) : lastSeq(this.tx, key);
  }

  /** Writes the counters raised past their first increment (one statement); run it before the commit. */
  async write(): Promise<void> {
    const raised = [...this.held].filter(([, s]) => s.raised);
    if (raised.length > 0)
      await setSeqs(
        this.tx,
        raised.map(([key, s]) => [key, s.last]),
      );
  }
}

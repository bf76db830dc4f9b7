// Owns the ordered message array of one conversation: messages sorted by the
// server's seq, one per seq. A batch is merged in one pass: appended when it
// follows the newest message (the common case, O(batch)), merged linearly when
// it does not (history pages, replays), so ingest stays linear in messages.
import type { Message } from '../protocol/message';

/** Which of two copies of the same seq to keep: a tombstone wins and is never resurrected. */
function preferredCopy(existing: Message, incoming: Message): Message {
  if (existing.body.type === 'recalled') return existing;
  if (incoming.body.type === 'recalled') return incoming;
  return existing;
}

/** Sorts a batch by seq and collapses duplicates within it (the batch itself when already so). */
export function normalizeBatch(batch: Message[]): Message[] {
  let sorted = true;
  let unique = true;
  for (let i = 1; i < batch.length; i++) {
    const d = (batch[i] as Message).seq - (batch[i - 1] as Message).seq;
    if (d < 0) {
      sorted = false;
      break;
    }
    if (d === 0) unique = false;
  }
  if (sorted && unique) return batch;
  const list = sorted ? batch : batch.slice().sort((a, b) => a.seq - b.seq);
  const out: Message[] = [];
  for (const m of list) {
    const last = out[out.length - 1];
    if (last && last.seq === m.seq) out[out.length - 1] = preferredCopy(last, m);
    else out.push(m);
  }
  return out;
}

/**
 * Merges a batch into a sorted array. Returns `base` itself when nothing changed, so
 * selectors keep their reference.
 */
export function mergeMessages(base: readonly Message[], batch: Message[]): readonly Message[] {
  if (batch.length === 0) return base;
  const incoming = normalizeBatch(batch);
  const last = base[base.length - 1];
  const firstIncoming = incoming[0] as Message;
  if (!last || firstIncoming.seq > last.seq) return base.concat(incoming);

  const out: Message[] = [];
  let changed = false;
  let i = 0;
  let j = 0;
  while (i < base.length && j < incoming.length) {
    const a = base[i] as Message;
    const b = incoming[j] as Message;
    if (a.seq < b.seq) {
      out.push(a);
      i++;
    } else if (b.seq < a.seq) {
      out.push(b);
      changed = true;
      j++;
    } else {
      const keep = preferredCopy(a, b);
      if (keep !== a) changed = true;
      out.push(keep);
      i++;
      j++;
    }
  }
  while (i < base.length) out.push(base[i++] as Message);
  while (j < incoming.length) {
    out.push(incoming[j++] as Message);
    changed = true;
  }
  return changed ? out : base;
}

// Owns which answers carry thread unread counts into the input stream: every
// answer that holds messages (a thread page, a jump window, a newer page,
// pins, a lookup by id, a search page) carries the server's count for the
// followed thread roots among them, whoever asked (a hook or an app calling
// the client). History pages bring theirs inside their own `history` input.
import type { OpName, OpResult, ThreadUnreadCounts } from '../protocol/frames';
import type { ClientInput } from './client-input';

const CARRIERS = new Set<OpName>(['thread', 'history.around', 'history.after', 'pins', 'messages', 'search']);

/** The `threadUnread` input an answer to `op` carries, or null when it carries none. */
export function threadUnreadAnswerInput<K extends OpName>(op: K, result: OpResult<K>): ClientInput | null {
  if (!CARRIERS.has(op)) return null;
  const unread = (result as ThreadUnreadCounts).threadUnread;
  return unread ? { kind: 'threadUnread', unread } : null;
}

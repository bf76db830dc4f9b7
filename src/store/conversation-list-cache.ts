// Owns the cache behind selectConversationList: per `order` array, the summaries
// Map its list was built from and the list. The selector fills it; a batch that
// moves or changes a few conversations patches the cached list instead of
// letting the selector look up every conversation again.
import type { ConversationSummary } from '../protocol/entities';
import type { ConversationId } from '../protocol/ids';

type Summaries = ReadonlyMap<ConversationId, ConversationSummary>;

const lists = new WeakMap<readonly ConversationId[], { summaries: Summaries; list: readonly ConversationSummary[] }>();

/** The list built for exactly this order and these summaries, if one is cached. */
export function cachedConversationList(
  order: readonly ConversationId[],
  summaries: Summaries,
): readonly ConversationSummary[] | undefined {
  const cached = lists.get(order);
  return cached && cached.summaries === summaries ? cached.list : undefined;
}

export function rememberConversationList(
  order: readonly ConversationId[],
  summaries: Summaries,
  list: readonly ConversationSummary[],
): void {
  lists.set(order, { summaries, list });
}

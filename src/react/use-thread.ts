// Owns useThread: one thread's replies, oldest first — the pages fetched from
// the server (TanStack Query) joined with the replies that arrived live in the
// store (`threadReply`, recalls, reactions), the later copy of a reply
// winning — and sending a reply into it.
import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { HistoryPage } from '../protocol/frames';
import type { ConversationId } from '../protocol/ids';
import type { Message } from '../protocol/message';
import { EMPTY_THREAD } from '../store/features-slice';
import { useChatContext } from './chat-context';
import { useChatSelector } from './use-chat-selector';

export interface ThreadResult {
  /** Replies, oldest first. */
  replies: readonly Message[];
  hasMore: boolean;
  loadOlder(): Promise<unknown>;
  loading: boolean;
  reply(text: string): Promise<Message>;
}

function newer(a: Message, b: Message): Message {
  if (a.body.type === 'recalled') return a;
  if (b.body.type === 'recalled') return b;
  return (b.rev ?? 0) > (a.rev ?? 0) ? b : a;
}

export function useThread(conversation: ConversationId, rootServerId: string): ThreadResult {
  const { client, queryClient } = useChatContext();
  const live = useChatSelector((s) => s.features.threads.get(rootServerId) ?? EMPTY_THREAD);
  const ready = useChatSelector((s) => s.connection.ready);
  const pages = useInfiniteQuery({
    queryKey: ['natter', client.user, 'thread', rootServerId],
    queryFn: ({ pageParam }): Promise<HistoryPage> => client.thread(rootServerId, pageParam === null ? {} : { before: pageParam }),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => (last.hasMore ? last.cursor : null),
    enabled: ready,
    staleTime: Infinity,
  }, queryClient);
  const replies = useMemo(() => {
    const bySeq = new Map<number, Message>();
    for (const page of pages.data?.pages ?? []) for (const m of page.messages) bySeq.set(m.seq, m);
    for (const m of live) {
      const had = bySeq.get(m.seq);
      bySeq.set(m.seq, had ? newer(had, m) : m);
    }
    return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
  }, [pages.data, live]);
  return {
    replies,
    hasMore: pages.hasNextPage,
    loadOlder: () => pages.fetchNextPage(),
    loading: pages.isPending,
    reply: (text) => client.sendText(conversation, text, { threadOf: rootServerId }),
  };
}

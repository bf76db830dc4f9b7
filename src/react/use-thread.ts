// Owns useThread: one thread's replies, oldest first — the newest page from
// the server (the session's fetch cache) and older pages on request, joined
// with the replies that arrived live in the store (`threadReply`, recalls,
// reactions), the later copy of a reply winning — replying in it, and this
// user's unread count in it with marking it read up to what it shows.
import { useCallback, useMemo, useState } from 'react';
import type { HistoryPage } from '../protocol/frames';
import type { ConversationId } from '../protocol/ids';
import type { Message } from '../protocol/message';
import { EMPTY_THREAD } from '../store/features-slice';
import { useChatContext } from './chat-context';
import { useChatSelector } from './use-chat-selector';
import { useFetch } from './use-fetch';
import { useThreadUnread } from './use-thread-unread';

export interface ThreadResult {
  /** Replies, oldest first. */
  replies: readonly Message[];
  hasMore: boolean;
  loadOlder(): Promise<void>;
  loading: boolean;
  reply(text: string): Promise<Message>;
  /** This user's unread replies in the thread (the server's count; 0 when they do not follow it). */
  unread: number;
  /**
   * Marks the thread read up to the newest reply shown (its newest, when none is loaded yet) on
   * every device of this user, and follows it; made offline, it is sent when the connection returns.
   */
  markRead(): Promise<void>;
}

function newer(a: Message, b: Message): Message {
  if (a.body.type === 'recalled') return a;
  if (b.body.type === 'recalled') return b;
  return (b.rev ?? 0) > (a.rev ?? 0) ? b : a;
}

/** Older pages of a thread not loaded yet: one array, so the replies are not rebuilt per render. */
const NO_PAGES: readonly HistoryPage[] = [];

export function useThread(conversation: ConversationId, rootServerId: string): ThreadResult {
  const { client } = useChatContext();
  const user = useChatSelector((s) => s.user);
  const ready = useChatSelector((s) => s.connection.ready);
  const live = useChatSelector((s) => s.features.threads.get(rootServerId) ?? EMPTY_THREAD);
  const unread = useThreadUnread(rootServerId);
  const first = useFetch(`${user}\u0000thread\u0000${rootServerId}`, () => client.thread(rootServerId), {
    enabled: ready,
  });
  const [older, setOlder] = useState<{ root: string; pages: HistoryPage[] }>({ root: rootServerId, pages: [] });
  const olderPages = older.root === rootServerId ? older.pages : NO_PAGES;
  const last = olderPages[olderPages.length - 1] ?? first.data;
  const loadOlder = useCallback(async () => {
    if (!last?.hasMore || last.cursor === null) return;
    const page = await client.thread(rootServerId, { before: last.cursor });
    setOlder((o) => ({ root: rootServerId, pages: [...(o.root === rootServerId ? o.pages : []), page] }));
  }, [client, rootServerId, last]);
  const replies = useMemo(() => {
    const bySeq = new Map<number, Message>();
    for (const page of [...(first.data ? [first.data] : []), ...olderPages])
      for (const m of page.messages) bySeq.set(m.seq, m);
    for (const m of live) {
      const had = bySeq.get(m.seq);
      bySeq.set(m.seq, had ? newer(had, m) : m);
    }
    return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
  }, [first.data, olderPages, live]);
  // Up to the newest reply shown, not the newest the server has when it gets the ack: marked
  // offline, the ack waits for the connection, and replies that came meanwhile stay unread.
  const newestSeq = replies[replies.length - 1]?.seq;
  const markRead = useCallback(async () => {
    await client.markThreadRead(rootServerId, newestSeq);
  }, [client, rootServerId, newestSeq]);
  return {
    replies,
    hasMore: last?.hasMore ?? false,
    loadOlder,
    loading: first.loading,
    reply: (text) => client.sendText(conversation, text, { threadOf: rootServerId }),
    unread,
    markRead,
  };
}

// Owns useGroupReaders: who read a group message sent with `allowGroupAck`
// (sender only), fetched on demand and cached until the read count the
// server pushes changes.
import { useCallback } from 'react';
import type { UserId } from '../protocol/message';
import { useChatContext } from './chat-context';
import { useChatSelector } from './use-chat-selector';

function readersKey(user: string, serverId: string, count: number): string {
  return `${user}\u0000readers\u0000${serverId}\u0000${count}`;
}

/**
 * A function fetching the readers of one of this user's group messages. `readCount` is the count
 * the caller shows (a message view's `readCount`): a higher count fetches again, the same one is cached.
 */
export function useGroupReaders(): (serverId: string, readCount: number) => Promise<UserId[]> {
  const { client, fetchCache } = useChatContext();
  const user = useChatSelector((s) => s.user);
  return useCallback(
    (serverId, readCount) =>
      fetchCache.fetch(readersKey(user, serverId, readCount), () => client.groupReaders(serverId)),
    [client, fetchCache, user],
  );
}

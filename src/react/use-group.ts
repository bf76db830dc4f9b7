// Owns useGroup: one group's record (name, members, admins, mutes) fetched
// through the session's QueryClient and cached per group.
import { useQuery } from '@tanstack/react-query';
import type { GroupInfo } from '../protocol/entities';
import type { NatterError } from '../protocol/errors';
import { useChatContext } from './chat-context';
import { useChatSelector } from './use-chat-selector';

export interface GroupResult {
  /** The record; undefined while loading, on error, or when no group id was given. */
  group: GroupInfo | undefined;
  loading: boolean;
  /** The fetch failed (e.g. 605 no such group, 602 not a member). */
  error: NatterError | null;
}

function groupQueryKey(user: string, groupId: string) {
  return ['natter', user, 'group', groupId] as const;
}

/** The group `groupId` (nothing when undefined), refetched after a minute. */
export function useGroup(groupId: string | undefined): GroupResult {
  const { client, queryClient } = useChatContext();
  const user = useChatSelector((s) => s.user);
  const q = useQuery(
    {
      queryKey: groupQueryKey(user, groupId ?? ''),
      queryFn: () => client.group(groupId as string),
      enabled: groupId !== undefined,
      staleTime: 60_000,
      retry: false,
    },
    queryClient,
  );
  if (groupId === undefined) return { group: undefined, loading: false, error: null };
  return { group: q.data, loading: q.isFetching, error: (q.error as NatterError | null) ?? null };
}

// Owns group details for display (name, members), fetched once per group
// through the chat session's QueryClient.
import { useQuery } from '@tanstack/react-query';
import type { GroupInfo } from '../../protocol/entities';
import { useChatContext } from '../../react';

/** The group's record from the server; undefined while loading, on error, or when `groupId` is undefined. */
export function useGroup(groupId: string | undefined): GroupInfo | undefined {
  const { client, queryClient } = useChatContext();
  const q = useQuery(
    {
      queryKey: ['natter', client.user, 'group', groupId ?? ''],
      queryFn: () => client.group(groupId as string),
      enabled: groupId !== undefined,
      staleTime: 60_000,
      retry: false,
    },
    queryClient,
  );
  return groupId === undefined ? undefined : q.data;
}

/** The group's name, or its id until known; undefined when `groupId` is undefined. */
export function useGroupName(groupId: string | undefined): string | undefined {
  const group = useGroup(groupId);
  if (groupId === undefined) return undefined;
  return group?.name || groupId;
}

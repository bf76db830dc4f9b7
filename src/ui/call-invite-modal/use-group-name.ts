// Owns the name of a group for display, fetched once per group through the
// chat session's QueryClient (falls back to the id while loading or on error).
import { useQuery } from '@tanstack/react-query';
import { useChatContext } from '../../react';

/** The group's name, or its id until known; undefined when `groupId` is undefined. */
export function useGroupName(groupId: string | undefined): string | undefined {
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
  if (groupId === undefined) return undefined;
  return q.data?.name || groupId;
}

// Owns useGroup: one group's record (name, members, admins, mutes) fetched
// through the session's fetch cache and kept a minute per group.
import type { GroupInfo } from '../protocol/entities';
import type { NatterError } from '../protocol/errors';
import { useChatContext } from './chat-context';
import { useChatSelector } from './use-chat-selector';
import { useFetch } from './use-fetch';

export interface GroupResult {
  /** The record; undefined while loading, on error, or when no group id was given. */
  group: GroupInfo | undefined;
  loading: boolean;
  /** The fetch failed (e.g. 605 no such group, 602 not a member). */
  error: NatterError | null;
}

/** The group `groupId` (nothing when undefined), refetched after a minute. */
export function useGroup(groupId: string | undefined): GroupResult {
  const { client } = useChatContext();
  const user = useChatSelector((s) => s.user);
  const q = useFetch(`${user}\u0000group\u0000${groupId ?? ''}`, () => client.group(groupId as string), {
    enabled: groupId !== undefined,
    staleMs: 60_000,
  });
  if (groupId === undefined) return { group: undefined, loading: false, error: null };
  return { group: q.data, loading: q.loading, error: q.error };
}

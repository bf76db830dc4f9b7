// Owns useGroupName: what to call a group on screen — its name once its
// record is known, its id until then.
import { useGroup } from './use-group';

/** The group's name, or its id until known (or when it has none); undefined when `groupId` is undefined. */
export function useGroupName(groupId: string | undefined): string | undefined {
  const { group } = useGroup(groupId);
  if (groupId === undefined) return undefined;
  return group?.name || groupId;
}

// Owns the ChatClient's group, chat room and blocklist methods in the first
// screen: their code (client-groups.ts) is a chunk of its own, fetched on the
// first call of any of them, since many apps never manage a group. Every one
// of them answers a promise already, so a call only waits for the chunk once;
// a chunk that fails to load rejects that call and is tried again on the next.
import { toNatterError } from '../protocol/errors';
import type { GroupApi } from './client-groups';
import type { RequestFn } from './request-fn';

const METHODS = [
  'createGroup',
  'group',
  'groups',
  'addGroupMembers',
  'removeGroupMembers',
  'leaveGroup',
  'destroyGroup',
  'muteGroupMember',
  'setGroupWhitelist',
  'setGroupAdmin',
  'createRoom',
  'joinRoom',
  'leaveRoom',
  'rooms',
  'block',
  'unblock',
  'blocklist',
] as const satisfies readonly (keyof GroupApi)[];

// Fails to compile when GroupApi gains a method this list does not name.
const everyMethod: Exclude<keyof GroupApi, (typeof METHODS)[number]> extends never ? true : never = true;
void everyMethod;

type AnyMethod = (...args: unknown[]) => Promise<unknown>;

export function lazyGroupApi(request: RequestFn): GroupApi {
  let chunk: Promise<GroupApi> | null = null;
  const load = (): Promise<GroupApi> =>
    (chunk ??= import('./client-groups').then(
      (m) => m.createGroupApi(request),
      (e: unknown) => {
        chunk = null;
        throw toNatterError(e);
      },
    ));
  const api: Record<string, AnyMethod> = {};
  for (const name of METHODS) api[name] = (...args) => load().then((g) => (g[name] as AnyMethod)(...args));
  return api as unknown as GroupApi;
}

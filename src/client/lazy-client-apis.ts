// Owns which ChatClient method groups load with their first call
// (lazy-methods.ts): groups, chat rooms and the blocklist (client-groups.ts),
// and Web Push (client-push.ts). Their method names are listed here; a list
// that misses a method of its interface fails to compile.
import type { GroupApi } from './client-groups';
import type { PushApi } from './client-push';
import { lazyMethods, type EveryMethod } from './lazy-methods';
import type { RequestFn } from './request-fn';

const GROUP_METHODS = [
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
] as const;
const PUSH_METHODS = ['pushPublicKey', 'registerPush', 'unregisterPush'] as const;
const allNamed: [EveryMethod<GroupApi, typeof GROUP_METHODS>, EveryMethod<PushApi, typeof PUSH_METHODS>] = [true, true];
void allNamed;

export function lazyGroupApi(request: RequestFn): GroupApi {
  return lazyMethods(() => import('./client-groups').then((m) => m.createGroupApi(request)), GROUP_METHODS);
}

export function lazyPushApi(request: RequestFn): PushApi {
  return lazyMethods(() => import('./client-push').then((m) => m.createPushApi(request)), PUSH_METHODS);
}

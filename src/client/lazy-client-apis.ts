// Owns which ChatClient methods load with their first call (lazy-methods.ts):
// those of client-rare-methods.ts — groups, chat rooms and the blocklist, Web
// Push, invitation steps, and recall / delete / mute / group readers. Their
// names are listed here; a list that misses a method fails to compile.
// pendingInvitations stays in the first chunk: every sync asks it
// (bind-client.ts), so a lazy one would fetch the chunk on every start.
import type { ConversationDeps } from './client-conversations';
import type { RareMethods } from './client-rare-methods';
import type { SignalingApi } from './client-signaling';
import { lazyMethods, type EveryMethod } from './lazy-methods';

const RARE_METHODS = [
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
  'pushPublicKey',
  'registerPush',
  'unregisterPush',
  'invite',
  'inviteInGroup',
  'cancelInvitation',
  'acceptInvitation',
  'rejectInvitation',
  'modifyInvitation',
  'invitation',
  'recall',
  'deleteConversation',
  'muteConversation',
  'unmuteConversation',
  'groupReaders',
] as const;
const allNamed: EveryMethod<RareMethods, typeof RARE_METHODS> = true;
void allNamed;

export function lazyRareMethods(deps: ConversationDeps): RareMethods & Pick<SignalingApi, 'pendingInvitations'> {
  const { request } = deps;
  return {
    ...lazyMethods(() => import('./client-rare-methods').then((m) => m.createRareMethods(deps)), RARE_METHODS),
    pendingInvitations: async () => (await request('sig.pending', {})).invitations,
  };
}

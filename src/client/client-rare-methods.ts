// Owns the chunk of ChatClient methods that many sessions never call, loaded
// with the first call of any of them (lazy-client-apis.ts): groups, chat rooms
// and the blocklist, Web Push, the invitation steps of signaling, and the
// conversation actions (recall, delete, mute, group readers). One chunk, not
// one per group: each lazy import costs the first screen its own loader code.
import { createConversationActions, type ConversationActions } from './client-conversation-actions';
import type { ConversationDeps } from './client-conversations';
import { createGroupApi, type GroupApi } from './client-groups';
import { createPushApi, type PushApi } from './client-push';
import { createInvitationSteps, type InvitationSteps } from './client-signaling';

export type RareMethods = GroupApi & PushApi & InvitationSteps & ConversationActions;

export function createRareMethods(deps: ConversationDeps): RareMethods {
  return {
    ...createGroupApi(deps.request),
    ...createPushApi(deps.request),
    ...createInvitationSteps(deps.request, deps.input),
    ...createConversationActions(deps),
  };
}

// Owns `natter/compat/tencent`: the `TencentCloudChat` object of Tencent
// Cloud Chat's JavaScript SDK, signaling surface (create, TSignaling, EVENT,
// TYPES; chat.invite / inviteInGroup / cancel / accept / reject /
// modifyInvitation / getSignalingInfo / add- and removeSignalingListener),
// over natter's ChatClient, so the examples of Tencent's signaling document
// run unchanged with only the import line changed. Without a `server` option
// every instance in the page shares one embedded server.
//
// Unlike the vendor SDK, natter's server owns signaling: invitation timeouts
// run on the server's clock (both sides get INVITATION_TIMEOUT even if the
// inviter closed the page, and a skewed client clock changes nothing), and
// permissions are checked by the server (only the inviter cancels, only a
// still-pending invitee accepts or rejects, first answer wins; the rest are
// refused with 8010 / 8011), so knowing an inviteID is not enough to forge an
// answer. Invitation ids are the server's. `create` returns a new instance per
// call (so one page can hold two users), not a per-SDKAppID singleton.
import { EVENT, TSignaling, TYPES } from './tencent/constants';
import { TencentChat } from './tencent/chat';
import type { CreateOptions } from './tencent/types';

export type * from './tencent/types';
export type { EventName, SignalingEventName } from './tencent/constants';
export type { ServerOption, EmbeddedServerLike } from './server-option';
export { TencentChat, EVENT, TSignaling, TYPES };

export interface TencentCloudChatStatic {
  create(options: CreateOptions): TencentChat;
  TSignaling: typeof TSignaling;
  EVENT: typeof EVENT;
  TYPES: typeof TYPES;
  VERSION: string;
}

export const TencentCloudChat: TencentCloudChatStatic = {
  create: (options: CreateOptions) => new TencentChat(options),
  TSignaling,
  EVENT,
  TYPES,
  VERSION: 'natter-compat',
};

/** @alias Also the default export: the vendor's own examples import it either way. */
export default TencentCloudChat;

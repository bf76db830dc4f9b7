// Owns Easemob's friend-request calls on the WebIM connection. natter has no
// friend requests and no friend list: anyone may message anyone (unless
// blocked), and a user's contacts are the users they share a single chat or a
// group with (getRoster, onRoster). So there is no request to send, accept,
// decline or withdraw: these calls reject, and call `error`, with code 4064
// (NOT_SUPPORTED) and a message saying what natter does instead, and the
// listeners onContactInvited / onContactAgreed / onContactRefuse /
// onContactDeleted / onContactAdded never fire. To make someone a contact,
// send them a message; to drop one, block them (addToBlackList).
import { ErrorCode, NatterError } from '../../protocol/errors';
import { ConnectionGroups } from './connection-groups';
import type { WebIMError } from './types';

const INSTEAD =
  'natter has no friend requests: a contact is anyone you share a single chat or a group with (getRoster, onRoster); send a message to add one, block a user (addToBlackList) to drop one';

type ContactCallbacks = { success?: () => void; error?: (e: WebIMError) => void };

export abstract class ConnectionContacts extends ConnectionGroups {
  private unsupported(call: string, callbacks: ContactCallbacks = {}): Promise<void> {
    return this.settle(
      Promise.reject(new NatterError(ErrorCode.NOT_SUPPORTED, `${call}: ${INSTEAD}`)),
      callbacks.success,
      callbacks.error,
    );
  }

  /** Easemob 4.x friend request: rejects with 4064 (see the module comment). */
  addContact(_to: string, _message?: string): Promise<void> {
    return this.unsupported('addContact');
  }

  /** Easemob 4.x: rejects with 4064 (see the module comment). */
  deleteContact(_to: string): Promise<void> {
    return this.unsupported('deleteContact');
  }

  /** Easemob 4.x: rejects with 4064 (see the module comment). */
  acceptContactInvite(_from: string): Promise<void> {
    return this.unsupported('acceptContactInvite');
  }

  /** Easemob 4.x: rejects with 4064 (see the module comment). */
  declineContactInvite(_from: string): Promise<void> {
    return this.unsupported('declineContactInvite');
  }

  /** Easemob 3.x friend request (`conn.subscribe({ to, message })`): rejects with 4064 and calls `error`. */
  subscribe(option: { to: string; message?: string } & ContactCallbacks): Promise<void> {
    return this.unsupported('subscribe', option);
  }

  /** Easemob 3.x accept of a friend request: rejects with 4064 and calls `error`. */
  subscribed(option: { to: string } & ContactCallbacks): Promise<void> {
    return this.unsupported('subscribed', option);
  }

  /** Easemob 3.x decline of a friend request: rejects with 4064 and calls `error`. */
  unsubscribed(option: { to: string } & ContactCallbacks): Promise<void> {
    return this.unsupported('unsubscribed', option);
  }

  /** Easemob 3.x removal of a friend: rejects with 4064 and calls `error`. */
  removeRoster(option: { to: string } & ContactCallbacks): Promise<void> {
    return this.unsupported('removeRoster', option);
  }
}

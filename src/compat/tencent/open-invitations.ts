// Owns NEW_INVITATION_RECEIVED across a login: invitations still open for
// this user when they log in are announced the way a live one is (the SDK
// does, so an app that rings on the event rings for a call that started while
// the user was offline), each invitation once per login, whichever of the
// pending list and the live event comes first. `onlineUserOnly` invitations
// are for users online when they were sent, so they are never announced late.
import type { ChatClient } from '../../client/chat-client-types';
import type { Invitation } from '../../protocol/invitation';
import { TSignaling } from './constants';
import type { SignalingEvent } from './types';

/** How many announced invitation ids a login remembers (a bound, not a limit anyone meets). */
const REMEMBERED = 1_000;

function announcement(inv: Invitation, me: string): SignalingEvent | null {
  if (inv.inviter === me || inv.onlineUserOnly || inv.states[me] !== 'pending') return null;
  return {
    name: TSignaling.NEW_INVITATION_RECEIVED,
    data: {
      inviteID: inv.inviteId,
      inviter: inv.inviter,
      groupID: inv.groupId ?? '',
      data: inv.data,
      inviteeList: [...inv.invitees],
    },
  };
}

export class OpenInvitations {
  private readonly announced = new Set<string>();

  constructor(
    private readonly client: ChatClient,
    private readonly emit: (event: SignalingEvent) => void,
  ) {}

  /** False for a NEW_INVITATION_RECEIVED already announced in this login; every other event passes. */
  admit(event: SignalingEvent): boolean {
    if (event.name !== TSignaling.NEW_INVITATION_RECEIVED) return true;
    if (this.announced.has(event.data.inviteID)) return false;
    if (this.announced.size >= REMEMBERED) this.announced.delete(this.announced.values().next().value as string);
    this.announced.add(event.data.inviteID);
    return true;
  }

  /** Announces the invitations the server still holds open for this user. */
  async announcePending(): Promise<void> {
    let open: Invitation[];
    try {
      open = await this.client.pendingInvitations();
    } catch {
      // Logged out meanwhile: nobody to tell.
      return;
    }
    for (const inv of open) {
      const event = announcement(inv, this.client.user);
      if (event && this.admit(event)) this.emit(event);
    }
  }
}

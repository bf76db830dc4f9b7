// Owns the signaling side of events: which TSignaling event a natter
// invitation event becomes for this user (with the SDK's `{ name, data }`
// shape), and the listener registry of addSignalingListener /
// removeSignalingListener (handler + context, as the SDK takes them).
import type { ChatClientEvents } from '../../client/chat-client-types';
import { TSignaling, type SignalingEventName } from './constants';
import type { SignalingEvent, SignalingHandler } from './types';

/** The event this user sees for `e`, or null (own steps are not echoed back, as in the SDK). */
export function signalingEventOf(e: ChatClientEvents['invitation'], me: string): SignalingEvent | null {
  const inv = e.invitation;
  const data = {
    inviteID: inv.inviteId,
    inviter: inv.inviter,
    groupID: inv.groupId ?? '',
    data: e.data ?? inv.data,
    inviteeList: [...inv.invitees],
  };
  if (e.action === 'timeout') {
    const invitee = e.invitee ?? e.by;
    return {
      name: TSignaling.INVITATION_TIMEOUT,
      data: { ...data, inviteeList: [invitee], isSelfTimeout: invitee === me },
    };
  }
  if (e.by === me) return null;
  switch (e.action) {
    case 'invite':
      return inv.invitees.includes(me) ? { name: TSignaling.NEW_INVITATION_RECEIVED, data } : null;
    case 'cancel':
      return { name: TSignaling.INVITATION_CANCELLED, data };
    case 'accept':
      return { name: TSignaling.INVITEE_ACCEPTED, data: { ...data, invitee: e.invitee ?? e.by } };
    case 'reject':
      return { name: TSignaling.INVITEE_REJECTED, data: { ...data, invitee: e.invitee ?? e.by } };
    case 'modify':
      return { name: TSignaling.INVITATION_MODIFIED, data };
  }
}

interface Entry {
  handler: SignalingHandler;
  context: unknown;
}

export class SignalingListeners {
  private readonly byName = new Map<string, Entry[]>();

  add(eventName: SignalingEventName | string, handler: SignalingHandler, context?: unknown): void {
    if (typeof handler !== 'function') return;
    const list = this.byName.get(eventName) ?? [];
    if (!list.some((x) => x.handler === handler && x.context === context)) list.push({ handler, context });
    this.byName.set(eventName, list);
  }

  remove(eventName: SignalingEventName | string, handler: SignalingHandler, context?: unknown): void {
    const list = this.byName.get(eventName);
    if (!list) return;
    // The SDK matches on handler (and context when given).
    this.byName.set(
      eventName,
      list.filter((x) => !(x.handler === handler && (context === undefined || x.context === context))),
    );
  }

  emit(event: SignalingEvent): void {
    for (const { handler, context } of [...(this.byName.get(event.name) ?? [])]) {
      try {
        handler.call(context, event);
      } catch (err) {
        queueMicrotask(() => {
          throw err;
        });
      }
    }
  }
}

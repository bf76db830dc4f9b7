// Owns the one-line text of a signaling message in the list ("Ann started a
// video call", "Missed call") and how audio vs video is read from invitation data.
import type { SignalBody } from '../../protocol/message';
import type { MessageListStrings } from '../i18n/message-list-strings';
import { callTypeOf } from '../call-invite-modal/call-type';

/**
 * Whether an invitation's custom `data` describes a video call. Delegates to the call modal's
 * `callTypeOf`, so the list's event line and the ringing dialog always agree on audio vs video.
 */
export function isVideoCall(data: string): boolean {
  return callTypeOf(data) === 'video';
}

/** The event line for a signaling step. */
export function callEventText(body: SignalBody, s: MessageListStrings, name: (user: string) => string): string {
  const who = body.invitee ?? body.invitees[0] ?? '';
  switch (body.action) {
    case 'invite':
      return s.callInvite(name(body.inviter), isVideoCall(body.data));
    case 'accept':
      return s.callAccepted(name(who));
    case 'reject':
      return s.callRejected(name(who));
    case 'cancel':
      return s.callCancelled(name(body.inviter));
    case 'timeout':
      return s.callTimeout(name(who));
    default:
      return s.callModified;
  }
}

// Owns the one-line text of a signaling message in the list ("Ann started a
// video call", "Missed call") and how audio vs video is read from invitation data.
import type { SignalBody } from '../../protocol/message';
import type { MessageListStrings } from '../i18n/message-list-strings';

/**
 * Whether an invitation's custom `data` describes a video call. Understands JSON with
 * `video: true`, `type`/`callType`/`mediaType: "video"`, or Tencent's `call_type: 2`.
 */
export function isVideoCall(data: string): boolean {
  if (typeof data !== 'string' || data.length === 0 || data.length > 10_000) return false;
  try {
    const v: unknown = JSON.parse(data);
    if (typeof v !== 'object' || v === null) return false;
    const o = v as Record<string, unknown>;
    const inner = typeof o.data === 'object' && o.data !== null ? (o.data as Record<string, unknown>) : {};
    if (o.video === true || inner.video === true) return true;
    for (const k of ['type', 'callType', 'mediaType', 'media']) if (o[k] === 'video' || inner[k] === 'video') return true;
    return o.call_type === 2 || o.callType === 2 || inner.call_type === 2;
  } catch {
    return /video/i.test(data);
  }
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

// Owns the one-line preview of a conversation's last message: text as is (the
// list draws its emoji), "[Image]"-style labels for media, signaling steps as
// call events, recalled messages as such, and a sender prefix in groups.
import type { Message, SignalBody } from '../../protocol/message';
import { callTypeOf } from '../call-invite-modal/call-type';
import type { ConversationListStrings } from '../i18n/conversation-list-strings';
import type { MessageListStrings } from '../i18n/message-list-strings';

export interface Preview {
  /** Shown before the text (group sender), plain text. */
  prefix: string;
  /** The preview: message text (emoji-aware) when `kind` is 'text', else a label. */
  text: string;
  kind: 'text' | 'label' | 'call' | 'recalled' | 'none';
}

export function messagePreview(
  m: Message | null,
  viewer: string,
  s: ConversationListStrings,
  ml: MessageListStrings,
  name: (user: string) => string,
): Preview {
  if (!m) return { prefix: '', text: '', kind: 'none' };
  const b = m.body;
  const prefix =
    m.chatType !== 'single' && m.from !== viewer && b.type !== 'signal' && b.type !== 'recalled'
      ? s.senderPrefix(name(m.from))
      : '';
  switch (b.type) {
    case 'txt':
      return { prefix, text: b.msg, kind: 'text' };
    case 'img':
      return { prefix, text: s.imagePreview, kind: 'label' };
    case 'file':
      return { prefix, text: `${s.filePreview} ${b.name}`, kind: 'label' };
    case 'audio':
      return { prefix, text: s.audioPreview, kind: 'label' };
    case 'video':
      return { prefix, text: s.videoPreview, kind: 'label' };
    case 'loc':
      return { prefix, text: b.addr ? `${s.locationPreview} ${b.addr}` : s.locationPreview, kind: 'label' };
    case 'custom':
      return { prefix, text: s.customPreview(b.customEvent), kind: 'label' };
    case 'cmd':
      return { prefix: '', text: '', kind: 'none' };
    case 'signal':
      return { prefix: '', text: callLine(b, ml, (u) => (u === viewer ? ml.you : name(u))), kind: 'call' };
    case 'recalled':
      return {
        prefix: '',
        text: b.by === viewer || m.from === viewer ? s.recalledByYou : s.recalledBy(name(m.from)),
        kind: 'recalled',
      };
  }
}

/** A signaling step as a call event, with voice/video read as CallInviteModal reads it. */
function callLine(b: SignalBody, ml: MessageListStrings, name: (user: string) => string): string {
  const who = name(b.invitee ?? b.invitees[0] ?? '');
  switch (b.action) {
    case 'invite':
      return ml.callInvite(name(b.inviter), callTypeOf(b.data) === 'video');
    case 'accept':
      return ml.callAccepted(who);
    case 'reject':
      return ml.callRejected(who);
    case 'cancel':
      return ml.callCancelled(name(b.inviter));
    case 'timeout':
      return ml.callTimeout(who);
    default:
      return ml.callModified;
  }
}

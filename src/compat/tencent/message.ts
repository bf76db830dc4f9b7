// Owns the Tencent shape of a natter Message (ID, type, payload,
// conversationID `C2C<peer>` / `GROUP<id>`, flow, time in seconds) and
// getSignalingInfo: the signaling details are remembered for the message
// objects this facade made from server-written signaling messages, so a custom
// message that merely looks like signaling is never taken for one.
import { ACTION_TYPE } from '../../protocol/invitation';
import { signalingInfo, type Message, type SignalBody } from '../../protocol/message';
import type { SignalingInfo, TencentMessage } from './types';
import { TYPES } from './constants';

const signals = new WeakMap<object, SignalBody>();

export function conversationIdOf(
  m: Message,
  me: string,
): { conversationID: string; conversationType: 'C2C' | 'GROUP' } {
  if (m.chatType === 'single')
    return { conversationID: `C2C${m.from === me ? m.to : m.from}`, conversationType: 'C2C' };
  return { conversationID: `GROUP${m.to}`, conversationType: 'GROUP' };
}

function toSignalingInfo(s: SignalBody): SignalingInfo {
  return {
    businessID: 1,
    inviteID: s.inviteId,
    inviter: s.inviter,
    actionType: ACTION_TYPE[s.action],
    inviteeList: [...s.invitees],
    data: s.data,
    timeout: s.timeout,
    groupID: s.groupId ?? '',
    ...(s.invitee !== undefined ? { invitee: s.invitee } : {}),
  };
}

function typeAndPayload(m: Message): { type: string; payload: Record<string, unknown> } {
  const b = m.body;
  switch (b.type) {
    case 'txt':
      return { type: TYPES.MSG_TEXT, payload: { text: b.msg } };
    case 'img':
      return {
        type: TYPES.MSG_IMAGE,
        payload: {
          imageFormat: b.mime,
          uuid: b.fileId ?? '',
          imageInfoArray: [{ url: b.url, width: b.width ?? 0, height: b.height ?? 0, size: b.size, type: 0 }],
        },
      };
    case 'audio':
      return {
        type: TYPES.MSG_SOUND,
        payload: { url: b.url, remoteAudioUrl: b.url, second: b.duration, size: b.size, uuid: b.fileId ?? '' },
      };
    case 'video':
      return {
        type: TYPES.MSG_VIDEO,
        payload: {
          videoUrl: b.url,
          remoteVideoUrl: b.url,
          videoSecond: b.duration ?? 0,
          videoSize: b.size,
          videoFormat: b.mime,
          thumbUrl: b.thumb ?? '',
        },
      };
    case 'file':
      return {
        type: TYPES.MSG_FILE,
        payload: { fileUrl: b.url, fileName: b.name, fileSize: b.size, uuid: b.fileId ?? '' },
      };
    case 'loc':
      return { type: TYPES.MSG_LOCATION, payload: { description: b.addr, latitude: b.lat, longitude: b.lng } };
    case 'custom':
      return {
        type: TYPES.MSG_CUSTOM,
        payload: { data: JSON.stringify(b.customExts), description: b.customEvent, extension: '' },
      };
    case 'cmd':
      return { type: TYPES.MSG_CUSTOM, payload: { data: '', description: b.action, extension: 'cmd' } };
    case 'signal':
      // The SDK's wire form of signaling: a custom element whose data is the JSON of the invitation step.
      return {
        type: TYPES.MSG_CUSTOM,
        payload: { data: JSON.stringify(toSignalingInfo(b)), description: '', extension: '' },
      };
    case 'recalled':
      return { type: TYPES.MSG_TEXT, payload: { text: '' } };
  }
}

export function toTencentMessage(m: Message, me: string): TencentMessage {
  const { type, payload } = typeAndPayload(m);
  const out: TencentMessage = {
    ID: m.serverId,
    type,
    payload,
    ...conversationIdOf(m, me),
    to: m.to,
    from: m.from,
    flow: m.from === me ? 'out' : 'in',
    time: Math.floor(m.ts / 1000),
    clientTime: Math.floor(m.ts / 1000),
    status: 'success',
    isRevoked: m.body.type === 'recalled',
    isRead: m.from === me,
    isPeerRead: false,
    priority: TYPES.MSG_PRIORITY_NORMAL,
    nick: '',
    avatar: '',
    sequence: m.seq,
    random: 0,
    cloudCustomData: '',
    natter: { serverId: m.serverId, localId: m.localId, seq: m.seq },
  };
  const sig = signalingInfo(m);
  if (sig) signals.set(out, sig);
  return out;
}

/** Server-written signaling steps are stored under localIds only the server can make (clients' may not start with `~`). */
const SIGNAL_LOCAL_ID = /^~sig-/;

/**
 * Reads the signaling details from a copy of a message this facade delivered (`{ ...msg }`, a JSON
 * clone kept in Redux or Vue): its own payload, trusted only when its natter localId is one the
 * server stamps on signaling steps, so a custom message that merely looks like signaling stays one.
 */
function signalingInfoOfCopy(message: object): SignalingInfo | null {
  const m = message as { type?: unknown; natter?: { localId?: unknown }; payload?: { data?: unknown } };
  if (m.type !== TYPES.MSG_CUSTOM || typeof m.natter?.localId !== 'string' || !SIGNAL_LOCAL_ID.test(m.natter.localId))
    return null;
  if (typeof m.payload?.data !== 'string') return null;
  let info: unknown;
  try {
    info = JSON.parse(m.payload.data);
  } catch {
    return null;
  }
  const i = info as Partial<SignalingInfo> | null;
  if (
    !i ||
    typeof i.inviteID !== 'string' ||
    typeof i.inviter !== 'string' ||
    typeof i.actionType !== 'number' ||
    !Array.isArray(i.inviteeList)
  )
    return null;
  return { ...(i as SignalingInfo), inviteeList: [...i.inviteeList] };
}

/** The signaling details of `message` (or of a copy of it), or null when it is not a signaling message this facade delivered. */
export function getSignalingInfo(message: unknown): SignalingInfo | null {
  if (typeof message !== 'object' || message === null) return null;
  const sig = signals.get(message);
  return sig ? toSignalingInfo(sig) : signalingInfoOfCopy(message);
}

// Owns turning a natter Message into the message object an Easemob listener
// receives (`data` for text, `url`/`filename` for attachments, `action` for
// commands, ...) and naming the listener it goes to.
import type { Message } from '../../protocol/message';
import { toEasemobChatType, toEasemobKind } from './chat-type';
import { splitEmoji, type EmojiConfig } from './emoji-split';
import { extensionOf } from './file-source';
import type { ListenerName, ReceivedBase, ReceivedMessage } from './types';

export interface Incoming {
  listener: ListenerName;
  message: ReceivedMessage;
}

function extension(name: string, mime: string): string {
  const ext = extensionOf(name);
  if (ext) return ext;
  const slash = mime.indexOf('/');
  return slash >= 0 ? mime.slice(slash + 1).toLowerCase() : '';
}

function base(m: Message): ReceivedBase {
  return {
    id: m.serverId,
    type: toEasemobKind(m.chatType),
    chatType: toEasemobChatType(m.chatType),
    from: m.from,
    to: m.to,
    time: m.ts,
    ext: m.ext ?? {},
    ...(m.config ? { msgConfig: { ...m.config } } : {}),
    error: false,
    errorText: '',
    errorCode: 0,
    natter: { serverId: m.serverId, localId: m.localId, seq: m.seq },
  };
}

/** The Easemob shape of `m` and its listener; null for bodies WebIM has no listener for (signaling, tombstones). */
export function toIncoming(m: Message, emoji: EmojiConfig | null | undefined): Incoming | null {
  const b = base(m);
  const body = m.body;
  switch (body.type) {
    case 'txt': {
      const segments = splitEmoji(body.msg, emoji);
      if (segments) return { listener: 'onEmojiMessage', message: { ...b, contentsType: 'EMOJI', data: segments } };
      return { listener: 'onTextMessage', message: { ...b, contentsType: 'TEXT', data: body.msg } };
    }
    case 'img':
    case 'file':
    case 'audio':
    case 'video': {
      const file = {
        url: body.url,
        filename: body.name,
        filetype: extension(body.name, body.mime),
        file_length: body.size,
        secret: '',
      };
      if (body.type === 'img') {
        return {
          listener: 'onPictureMessage',
          message: { ...b, ...file, contentsType: 'IMAGE', width: body.width ?? 0, height: body.height ?? 0 },
        };
      }
      if (body.type === 'file') return { listener: 'onFileMessage', message: { ...b, ...file, contentsType: 'FILE' } };
      if (body.type === 'audio')
        return { listener: 'onAudioMessage', message: { ...b, ...file, contentsType: 'VOICE', length: body.duration } };
      return {
        listener: 'onVideoMessage',
        message: {
          ...b,
          ...file,
          contentsType: 'VIDEO',
          length: body.duration ?? 0,
          width: body.width ?? 0,
          height: body.height ?? 0,
        },
      };
    }
    case 'cmd':
      return { listener: 'onCmdMessage', message: { ...b, contentsType: 'COMMAND', action: body.action } };
    case 'custom':
      return {
        listener: 'onCustomMessage',
        message: {
          ...b,
          contentsType: 'CUSTOM',
          customEvent: body.customEvent,
          customExts: { ...body.customExts },
          params: { ...body.customExts },
        },
      };
    case 'loc':
      return {
        listener: 'onLocationMessage',
        message: {
          ...b,
          contentsType: 'LOCATION',
          lat: body.lat,
          lng: body.lng,
          addr: body.addr,
          buildingName: body.buildingName ?? '',
        },
      };
    default:
      return null;
  }
}

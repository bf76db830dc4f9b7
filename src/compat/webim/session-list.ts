// Owns the Easemob shape of natter's conversation list, as `getSessionList()`
// resolves it: `{ data: { channel_infos: [{ channel_id, meta, unread_num }] } }`,
// with channel ids `<appKey>_<id>@easemob.com` (single) or
// `@conference.easemob.com` (group, chat room), and `meta` the last message
// in Easemob's wire form (`payload` a JSON string of bodies, ext, from, to).
import type { ConversationSummary } from '../../protocol/entities';
import type { Message } from '../../protocol/message';

export interface SessionMeta {
  from?: string;
  id?: string;
  payload?: string;
  timestamp?: number;
  to?: string;
}

export interface ChannelInfo {
  channel_id: string;
  meta: SessionMeta;
  unread_num: number;
  /** natter: the conversation id (`single:bob`, `group:g1`). */
  natter_id: string;
}

export interface SessionList {
  data: { channel_infos: ChannelInfo[] };
}

function jid(appKey: string, id: string, type: Message['chatType']): string {
  return `${appKey}_${id}@${type === 'single' ? 'easemob.com' : 'conference.easemob.com'}`;
}

function payloadBodies(m: Message): unknown[] {
  const b = m.body;
  switch (b.type) {
    case 'txt':
      return [{ type: 'txt', msg: b.msg }];
    case 'img':
    case 'file':
    case 'audio':
    case 'video':
      return [{ type: b.type, url: b.url, filename: b.name, file_length: b.size }];
    case 'cmd':
      return [{ type: 'cmd', action: b.action }];
    case 'custom':
      return [{ type: 'custom', customEvent: b.customEvent, customExts: b.customExts }];
    case 'loc':
      return [{ type: 'loc', lat: b.lat, lng: b.lng, addr: b.addr }];
    default:
      return [{ type: b.type }];
  }
}

export function toSessionList(conversations: ConversationSummary[], appKey: string): SessionList {
  const channel_infos = conversations.map((c): ChannelInfo => {
    const m = c.lastMessage;
    const channel = jid(appKey, c.target, c.type);
    const meta: SessionMeta = m
      ? {
          from: `${jid(appKey, m.from, 'single')}/webim`,
          id: m.serverId,
          payload: JSON.stringify({ bodies: payloadBodies(m), ext: m.ext ?? {}, from: m.from, to: m.to }),
          timestamp: m.ts,
          to: channel,
        }
      : {};
    return { channel_id: channel, meta, unread_num: c.unread, natter_id: c.id };
  });
  return { data: { channel_infos } };
}

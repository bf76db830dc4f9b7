// Owns reading the kind of call (voice or video) from an invitation's custom
// `data`. natter's server treats `data` as opaque; these are the shapes read,
// first match wins (anything else, or data that is not JSON, is a voice call):
//   {"call_type": "video"}  {"callType": "audio"}  {"type": "video"}  {"media": "video"}
//     — strings "audio" | "voice" | "video" (any case)
//   {"call_type": 2}  — Tencent TUICalling's numbers: 1 voice, 2 video
//   {"cmd": "videoCall"} or {"data": {"cmd": "audioCall"}}  — TUICallKit's newer form
//   {"video": true}

export type CallType = 'audio' | 'video';

const KEYS = ['call_type', 'callType', 'type', 'media', 'mediaType'] as const;

function fromValue(v: unknown): CallType | null {
  if (typeof v === 'number') return v === 2 ? 'video' : v === 1 ? 'audio' : null;
  if (typeof v !== 'string') return null;
  const s = v.toLowerCase();
  if (s === 'video' || s === 'videocall') return 'video';
  if (s === 'audio' || s === 'voice' || s === 'audiocall' || s === 'voicecall') return 'audio';
  return null;
}

function fromObject(o: Record<string, unknown>): CallType | null {
  for (const k of KEYS) {
    const t = fromValue(o[k]);
    if (t) return t;
  }
  const cmd = fromValue(o.cmd);
  if (cmd) return cmd;
  if (o.video === true) return 'video';
  const inner = o.data;
  if (inner && typeof inner === 'object' && !Array.isArray(inner)) return fromObject(inner as Record<string, unknown>);
  return null;
}

/** 'video' or 'audio' from an invitation's `data` (see the shapes above); 'audio' when it says nothing. */
export function callTypeOf(data: string | undefined | null): CallType {
  if (!data) return 'audio';
  try {
    const parsed: unknown = JSON.parse(data);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      return fromObject(parsed as Record<string, unknown>) ?? 'audio';
  } catch {
    // Not JSON: opaque data says nothing about the media.
  }
  return 'audio';
}

/** The `data` natter's own call button sends: `{"call_type":"audio"|"video"}`. */
export function callData(type: CallType): string {
  return JSON.stringify({ call_type: type });
}

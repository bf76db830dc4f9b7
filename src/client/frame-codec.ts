// Owns turning wire text into server frames on the client side. The server
// is trusted more than clients are, but a proxy or a bug must not crash the
// client: anything that is not a recognisable frame is reported, not thrown.
import type { ClientFrame, ServerFrame } from '../protocol/frames';

const SERVER_FRAME_TYPES = new Set(['welcome', 'ok', 'err', 'evt', 'pong', 'bye', 'expiring']);

export function decodeServerFrame(data: string): ServerFrame | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const t = (parsed as { t?: unknown }).t;
  if (typeof t !== 'string' || !SERVER_FRAME_TYPES.has(t)) return null;
  return parsed as ServerFrame;
}

export function encodeClientFrame(frame: ClientFrame): string {
  return JSON.stringify(frame);
}

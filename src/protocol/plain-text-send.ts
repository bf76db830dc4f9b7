// Owns the fast path for the hottest frame a server reads: a plain text
// `send` (what every typed message and every outbox flush is). The valibot
// schemas in validate.ts stay the only definition of the wire shape; this
// path only accepts, and only frames of one exact shape (no other keys at any
// level) that the schema accepts too, building the same frame the schema
// would. Everything else, including every frame to refuse, goes through the
// schema, so answers and error codes cannot drift
// (test/protocol/plain-text-send.test.ts checks both agree over generated frames).
import type { RequestFrame } from './frames';
import { ID_PATTERN } from './ids';
import { PROTOCOL_VERSION } from './version';

/** How deeply the one shape this path accepts nests (frame → p → body). */
export const PLAIN_TEXT_SEND_DEPTH = 3;

type Json = Record<string, unknown>;

function isPlainObject(x: unknown): x is Json {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Own keys of `o` are exactly `n` (checked after each expected key was read as a string/object). */
function hasKeyCount(o: Json, n: number): boolean {
  let count = 0;
  for (const key in o) if (Object.prototype.hasOwnProperty.call(o, key) && ++count > n) return false;
  return count === n;
}

/**
 * The request frame for `json` when it is exactly
 * `{v, t: 'req', id, op: 'send', p: {localId, to, chatType, body: {type: 'txt', msg}}}` and valid;
 * null when it is anything else (the caller then validates it with the schema).
 */
export function plainTextSend(json: unknown): RequestFrame | null {
  if (!isPlainObject(json) || json.op !== 'send' || json.t !== 'req' || json.v !== PROTOCOL_VERSION) return null;
  const { id, p } = json;
  if (typeof id !== 'string' || id.length < 1 || id.length > 128 || !isPlainObject(p) || !hasKeyCount(json, 5))
    return null;
  const { localId, to, chatType, body } = p;
  if (typeof localId !== 'string' || localId.length < 1 || localId.length > 128 || localId.startsWith('~')) return null;
  if (typeof to !== 'string' || !ID_PATTERN.test(to)) return null;
  if (chatType !== 'single' && chatType !== 'group' && chatType !== 'room') return null;
  if (!isPlainObject(body) || body.type !== 'txt' || typeof body.msg !== 'string') return null;
  if (!hasKeyCount(p, 4) || !hasKeyCount(body, 2)) return null;
  // Keys in the schema's order, as valibot builds its output.
  return {
    v: PROTOCOL_VERSION,
    t: 'req',
    id,
    op: 'send',
    p: { localId, to, chatType, body: { type: 'txt', msg: body.msg } },
  };
}

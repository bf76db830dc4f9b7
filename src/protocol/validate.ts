// Owns validation of every frame that arrives from a client: JSON shape,
// protocol version, operation name, per-operation parameters and the size
// limits a server enforces (text length, ext bytes). Unknown keys are
// stripped, so a client-sent `from` (or any server-owned field) never passes.
import * as v from 'valibot';
import { ErrorCode, defaultErrorMessage } from './errors';
import type { ClientFrame, HelloFrame, OpName, Ops, PingFrame, RequestFrame } from './frames';
import { DEFAULT_MAX_JSON_DEPTH, jsonDeeperThan } from './json-depth';
import { featureParamSchemas, sendFeatureFields } from './validate-features';
import { PROTOCOL_VERSION } from './version';
import { peopleParamSchemas } from './validate-people';
import { muteParamSchemas } from './validate-mute';
import { typingParamSchemas } from './validate-typing';
import { pushParamSchemas } from './validate-push';
import { callParamSchemas } from './validate-calls';
import { checkLimits, type ValidationLimits } from './validate-limits';
import { PLAIN_TEXT_SEND_DEPTH, plainTextSend } from './plain-text-send';
import { id, users, conversation, serverId, count, size, empty } from './validate-fields';

export type { ValidationLimits } from './validate-limits';

export type ValidationResult =
  | { ok: true; frame: ClientFrame }
  /** `id` is set when the failing frame was a request whose id could be read. */
  | { ok: false; code: number; message: string; id?: string };

const fileRef = {
  fileId: v.exactOptional(v.pipe(v.string(), v.maxLength(128))),
  url: v.pipe(v.string(), v.maxLength(4096)),
  name: v.pipe(v.string(), v.maxLength(1024)),
  size: count,
  mime: v.pipe(v.string(), v.maxLength(255)),
};

/** Bodies a client may send; `signal` and `recalled` are server-only and fail here. */
const outgoingBody = v.variant('type', [
  v.object({ type: v.literal('txt'), msg: v.string() }),
  v.object({ type: v.literal('img'), ...fileRef, width: v.exactOptional(size), height: v.exactOptional(size) }),
  v.object({ type: v.literal('cmd'), action: v.pipe(v.string(), v.minLength(1), v.maxLength(256)) }),
  v.object({ type: v.literal('file'), ...fileRef }),
  v.object({ type: v.literal('audio'), ...fileRef, duration: size }),
  v.object({
    type: v.literal('video'),
    ...fileRef,
    duration: v.exactOptional(size),
    width: v.exactOptional(size),
    height: v.exactOptional(size),
    thumb: v.exactOptional(v.pipe(v.string(), v.maxLength(4096))),
  }),
  v.object({
    type: v.literal('custom'),
    customEvent: v.pipe(v.string(), v.maxLength(256)),
    customExts: v.record(v.string(), v.string()),
  }),
  v.object({
    type: v.literal('loc'),
    lat: v.pipe(v.number(), v.minValue(-90), v.maxValue(90)),
    lng: v.pipe(v.number(), v.minValue(-180), v.maxValue(180)),
    addr: v.pipe(v.string(), v.maxLength(1024)),
    buildingName: v.exactOptional(v.pipe(v.string(), v.maxLength(1024))),
  }),
]);

const ext = v.record(v.string(), v.unknown());
type ParamSchemas = { [K in OpName]: v.GenericSchema<unknown, Ops[K]['p']> };

/** One schema per operation: the parameters `p` of a request. */
const paramSchemas: ParamSchemas = {
  send: v.object({
    // `~` starts the localIds the server stamps itself (signaling steps), so no client can collide with one.
    localId: v.pipe(
      v.string(),
      v.minLength(1),
      v.maxLength(128),
      v.check((s) => !s.startsWith('~'), 'localId may not start with ~'),
    ),
    to: id,
    chatType: v.picklist(['single', 'group', 'room']),
    body: outgoingBody,
    ext: v.exactOptional(ext),
    config: v.exactOptional(v.object({ allowGroupAck: v.exactOptional(v.boolean()) })),
    ...sendFeatureFields,
  }),
  recall: v.object({ serverId }),
  history: v.object({
    conversation,
    before: v.exactOptional(count),
    limit: v.exactOptional(v.pipe(count, v.minValue(1), v.maxValue(200))),
  }),
  conversations: v.object({
    cursor: v.exactOptional(v.pipe(v.string(), v.minLength(1), v.maxLength(1024))),
    limit: v.exactOptional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500))),
  }),
  deleteConversation: v.object({ conversation, deleteHistory: v.exactOptional(v.boolean()) }),
  ack: v.object({ conversation, upToSeq: v.exactOptional(count) }),
  read: v.object({ serverId }),
  delivered: v.object({ serverIds: v.pipe(v.array(serverId), v.maxLength(500)) }),
  groupReaders: v.object({ serverId }),
  'group.create': v.object({
    groupId: v.exactOptional(id),
    name: v.pipe(v.string(), v.maxLength(256)),
    desc: v.exactOptional(v.pipe(v.string(), v.maxLength(2048))),
    members: v.exactOptional(users),
    public: v.exactOptional(v.boolean()),
    approval: v.exactOptional(v.boolean()),
    allowInvites: v.exactOptional(v.boolean()),
  }),
  'group.info': v.object({ groupId: id }),
  'group.list': empty,
  'group.addMembers': v.object({ groupId: id, users }),
  'group.removeMembers': v.object({ groupId: id, users }),
  'group.leave': v.object({ groupId: id }),
  'group.destroy': v.object({ groupId: id }),
  'group.mute': v.object({ groupId: id, user: id, mute: v.boolean(), durationMs: v.exactOptional(count) }),
  'group.whitelist': v.object({
    groupId: id,
    enabled: v.exactOptional(v.boolean()),
    add: v.exactOptional(users),
    remove: v.exactOptional(users),
  }),
  'group.setAdmin': v.object({ groupId: id, user: id, admin: v.boolean() }),
  'room.create': v.object({
    roomId: v.exactOptional(id),
    name: v.pipe(v.string(), v.maxLength(256)),
    keepHistory: v.exactOptional(v.boolean()),
  }),
  'room.join': v.object({ roomId: id }),
  'room.leave': v.object({ roomId: id }),
  'room.list': empty,
  block: v.object({ user: id }),
  unblock: v.object({ user: id }),
  blocklist: empty,
  'auth.renew': v.object({ token: v.pipe(v.string(), v.minLength(1), v.maxLength(8192)) }),
  'file.put': v.object({
    name: v.pipe(v.string(), v.minLength(1), v.maxLength(1024)),
    mime: v.pipe(v.string(), v.maxLength(255)),
    data: v.string(),
    width: v.exactOptional(size),
    height: v.exactOptional(size),
    duration: v.exactOptional(size),
  }),
  ...callParamSchemas,
  ...featureParamSchemas,
  ...peopleParamSchemas,
  ...pushParamSchemas,
  ...muteParamSchemas,
  ...typingParamSchemas,
};

const helloSchema = v.object({
  v: v.number(),
  t: v.literal('hello'),
  token: v.exactOptional(v.pipe(v.string(), v.maxLength(8192))),
  user: v.exactOptional(id),
  device: v.exactOptional(v.pipe(v.string(), v.minLength(1), v.maxLength(128))),
  resume: v.exactOptional(count),
});

const envelope = v.object({ v: v.number(), t: v.string() });
const reqEnvelope = v.object({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(128)),
  op: v.string(),
  p: v.exactOptional(v.unknown()),
});

function fail(code: number, message?: string, reqId?: string): ValidationResult {
  const r: ValidationResult = { ok: false, code, message: message ?? defaultErrorMessage(code) };
  if (reqId !== undefined) r.id = reqId;
  return r;
}

function isOp(op: string): op is OpName {
  return Object.prototype.hasOwnProperty.call(paramSchemas, op);
}

function issueText(issues: readonly v.BaseIssue<unknown>[]): string {
  const first = issues[0];
  if (!first) return defaultErrorMessage(ErrorCode.INVALID_PARAMS);
  const path = first.path?.map((p) => String(p.key)).join('.') ?? '';
  return path ? `${path}: ${first.message}` : first.message;
}

/**
 * Parses and validates one serialized client frame. Failure codes: 4000 malformed (not JSON, no
 * envelope, unknown frame type), 4003 wrong version, 4001 unknown op, 4002 invalid params,
 * 511 a limit exceeded. Frame size (maxFrameBytes) is checked by the caller before parsing.
 */
export function validateClientFrame(raw: string, limits: ValidationLimits): ValidationResult {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return fail(ErrorCode.MALFORMED_FRAME, 'frame is not valid JSON');
  }
  // A plain text send (the hot frame) skips the schema walk; it nests exactly this deep.
  const fast = (limits.maxJsonDepth ?? DEFAULT_MAX_JSON_DEPTH) >= PLAIN_TEXT_SEND_DEPTH ? plainTextSend(json) : null;
  if (fast) {
    const tooLarge = checkLimits('send', fast.p, limits);
    return tooLarge ? fail(ErrorCode.TOO_LARGE, tooLarge, fast.id) : { ok: true, frame: fast };
  }
  return validateFrameValue(json, limits);
}

/** Validates a parsed client frame with the schemas alone (validateClientFrame without its fast path). */
export function validateFrameValue(json: unknown, limits: ValidationLimits): ValidationResult {
  const maxDepth = limits.maxJsonDepth ?? DEFAULT_MAX_JSON_DEPTH;
  if (jsonDeeperThan(json, maxDepth)) {
    // Only the top-level id is read: the rest of the frame is not walked again.
    const rawId = typeof json === 'object' && json !== null ? (json as { id?: unknown }).id : undefined;
    const reqId = typeof rawId === 'string' && rawId.length > 0 && rawId.length <= 128 ? rawId : undefined;
    return fail(ErrorCode.TOO_DEEP, `frame nests deeper than ${maxDepth} levels`, reqId);
  }
  const env = v.safeParse(envelope, json);
  if (!env.success) return fail(ErrorCode.MALFORMED_FRAME, 'frame needs numeric v and string t');
  const reqId = env.output.t === 'req' ? v.safeParse(reqEnvelope, json) : null;
  const idOf = reqId?.success ? reqId.output.id : undefined;
  if (env.output.v !== PROTOCOL_VERSION)
    return fail(ErrorCode.UNSUPPORTED_VERSION, `protocol version ${PROTOCOL_VERSION} expected`, idOf);
  switch (env.output.t) {
    case 'ping': {
      const frame: PingFrame = { v: PROTOCOL_VERSION, t: 'ping' };
      return { ok: true, frame };
    }
    case 'hello': {
      const r = v.safeParse(helloSchema, json);
      if (!r.success) return fail(ErrorCode.INVALID_PARAMS, issueText(r.issues));
      const frame: HelloFrame = { ...r.output, v: PROTOCOL_VERSION, t: 'hello' };
      return { ok: true, frame };
    }
    case 'req': {
      if (!reqId?.success) return fail(ErrorCode.MALFORMED_FRAME, 'request needs string id and op');
      const { op, p } = reqId.output;
      if (!isOp(op)) return fail(ErrorCode.UNKNOWN_OPERATION, `unknown operation ${op.slice(0, 64)}`, idOf);
      const params = v.safeParse(paramSchemas[op], p ?? {});
      if (!params.success) return fail(ErrorCode.INVALID_PARAMS, issueText(params.issues), idOf);
      const tooLarge = checkLimits(op, params.output, limits);
      if (tooLarge) return fail(ErrorCode.TOO_LARGE, tooLarge, idOf);
      const frame: RequestFrame = {
        v: PROTOCOL_VERSION,
        t: 'req',
        id: reqId.output.id,
        op,
        p: params.output,
      };
      return { ok: true, frame };
    }
    default:
      return fail(ErrorCode.MALFORMED_FRAME, `unknown frame type ${env.output.t.slice(0, 32)}`);
  }
}

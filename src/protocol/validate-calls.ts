// Owns validation of the call operations' parameters (merged into
// validate.ts's table): signaling invitations (`sig.*`: who is invited, the
// app's data, the timeout, offline push text) and the media path of a call
// (`rtc.*`: SDP offers and answers, ICE candidates).
import * as v from 'valibot';
import type { OpName, Ops } from './frames';
import { count, empty, id, serverId, users } from './validate-fields';

type CallOp = Extract<OpName, `sig.${string}` | `rtc.${string}`>;
type CallSchemas = { [K in CallOp]: v.GenericSchema<unknown, Ops[K]['p']> };

const data = v.string();
const offlinePushInfo = v.object({
  disablePush: v.exactOptional(v.boolean()),
  disableVoipPush: v.exactOptional(v.boolean()),
  title: v.exactOptional(v.string()),
  description: v.exactOptional(v.string()),
  extension: v.exactOptional(v.string()),
  androidInfo: v.exactOptional(v.record(v.string(), v.unknown())),
  apnsInfo: v.exactOptional(v.record(v.string(), v.unknown())),
});
const invite = { inviteId: serverId };
/** A call is named by its invitation's id. */
const callId = serverId;
/** Cancelling, accepting or rejecting an invitation, with the app's data. */
const answer = v.object({ ...invite, data: v.exactOptional(data) });

const rtcSignal = v.variant('type', [
  v.object({ type: v.picklist(['offer', 'answer']), sdp: v.pipe(v.string(), v.minLength(1)) }),
  v.object({
    type: v.literal('candidate'),
    candidate: v.string(),
    sdpMid: v.nullable(v.pipe(v.string(), v.maxLength(64))),
    sdpMLineIndex: v.nullable(v.pipe(count, v.maxValue(64))),
    usernameFragment: v.exactOptional(v.nullable(v.pipe(v.string(), v.maxLength(256)))),
  }),
]);

export const callParamSchemas: CallSchemas = {
  'sig.invite': v.object({
    invitees: v.pipe(users, v.minLength(1)),
    groupId: v.exactOptional(id),
    data: v.exactOptional(data),
    timeout: v.exactOptional(v.pipe(count, v.maxValue(86_400))),
    onlineUserOnly: v.exactOptional(v.boolean()),
    offlinePushInfo: v.exactOptional(offlinePushInfo),
  }),
  'sig.cancel': answer,
  'sig.accept': answer,
  'sig.reject': answer,
  'sig.modify': v.object({ ...invite, data }),
  'sig.get': v.object(invite),
  'sig.pending': empty,
  'rtc.join': v.object({ callId }),
  'rtc.signal': v.object({ callId, to: id, signal: rtcSignal }),
  'rtc.leave': v.object({ callId }),
};

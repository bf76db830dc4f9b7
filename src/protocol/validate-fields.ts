// Owns the field schemas every table of operation parameters shares
// (validate.ts and its validate-*.ts parts): a user or group id, a list of
// users, a conversation id, an id the server issued, counts and sizes, no
// parameters.
import * as v from 'valibot';
import { ID_PATTERN, parseConversationId, type ConversationId } from './ids';

export const id = v.pipe(v.string(), v.regex(ID_PATTERN, 'invalid id'));
export const users = v.pipe(v.array(id), v.maxLength(1000));
export const conversation = v.custom<ConversationId>(
  (s) => typeof s === 'string' && parseConversationId(s) !== null,
  'invalid conversation id',
);
/** An id the server issued: a message's, an invitation's, a call's (its invitation's). */
export const serverId = v.pipe(v.string(), v.minLength(1), v.maxLength(128));
export const count = v.pipe(v.number(), v.integer(), v.minValue(0));
export const size = v.pipe(v.number(), v.finite(), v.minValue(0));
export const empty = v.object({});

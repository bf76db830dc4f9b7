// Owns validation of the typing operation's parameters (merged into
// validate.ts's table): a conversation id and a start/stop state.
import * as v from 'valibot';
import { parseConversationId, type ConversationId } from './ids';
import type { TypingOps } from './typing';

type TypingSchemas = { [K in keyof TypingOps]: v.GenericSchema<unknown, TypingOps[K]['p']> };

const conversation = v.custom<ConversationId>(
  (s) => typeof s === 'string' && parseConversationId(s) !== null,
  'invalid conversation id',
);

export const typingParamSchemas: TypingSchemas = {
  typing: v.object({ conversation, state: v.picklist(['start', 'stop']) }),
};

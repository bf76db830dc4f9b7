// Owns validation of the typing operation's parameters (merged into
// validate.ts's table): a conversation id and a start/stop state.
import * as v from 'valibot';
import type { TypingOps } from './typing';
import { conversation } from './validate-fields';

type TypingSchemas = { [K in keyof TypingOps]: v.GenericSchema<unknown, TypingOps[K]['p']> };

export const typingParamSchemas: TypingSchemas = {
  typing: v.object({ conversation, state: v.picklist(['start', 'stop']) }),
};

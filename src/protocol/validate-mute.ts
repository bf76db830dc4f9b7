// Owns validation of the mute operations' parameters (merged into
// validate.ts's table): a conversation id, and an optional end time.
import * as v from 'valibot';
import type { MuteOps } from './mute';
import { conversation } from './validate-fields';

type MuteSchemas = { [K in keyof MuteOps]: v.GenericSchema<unknown, MuteOps[K]['p']> };

export const muteParamSchemas: MuteSchemas = {
  mute: v.object({ conversation, until: v.exactOptional(v.pipe(v.number(), v.integer(), v.minValue(0))) }),
  unmute: v.object({ conversation }),
};

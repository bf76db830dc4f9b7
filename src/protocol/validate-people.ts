// Owns validation of the people and search operations' parameters (profiles,
// presence, directory, message search, history around a message); merged
// into validate.ts's table.
import * as v from 'valibot';
import type { PeopleOps } from './people';
import { id, conversation, count } from './validate-fields';

/** Custom profile fields: at most 32, short keys and values (the whole profile stays small). */
const fields = v.pipe(
  v.record(v.pipe(v.string(), v.minLength(1), v.maxLength(64)), v.pipe(v.string(), v.maxLength(1024))),
  v.check((r) => Object.keys(r).length <= 32, 'at most 32 fields'),
);
/** A search needs something besides spaces; long queries are refused rather than cut. */
const query = v.pipe(
  v.string(),
  v.maxLength(200),
  v.check((s) => s.trim().length > 0, 'query is empty'),
);

type PeopleSchemas = { [K in keyof PeopleOps]: v.GenericSchema<unknown, PeopleOps[K]['p']> };

export const peopleParamSchemas: PeopleSchemas = {
  'profile.set': v.object({
    name: v.exactOptional(
      v.pipe(
        v.string(),
        v.maxLength(128),
        v.check((s) => s.trim().length > 0, 'name is empty'),
      ),
    ),
    avatarFileId: v.exactOptional(v.nullable(v.pipe(v.string(), v.minLength(1), v.maxLength(128)))),
    fields: v.exactOptional(fields),
    hidePresence: v.exactOptional(v.boolean()),
  }),
  'profile.get': v.object({ users: v.pipe(v.array(id), v.maxLength(500)) }),
  'users.search': v.object({ query, limit: v.exactOptional(v.pipe(count, v.minValue(1), v.maxValue(50))) }),
  'presence.get': v.object({ users: v.pipe(v.array(id), v.maxLength(500)) }),
  'presence.set': v.object({ status: v.picklist(['online', 'away']) }),
  search: v.object({
    query,
    conversation: v.exactOptional(conversation),
    cursor: v.exactOptional(v.pipe(v.string(), v.minLength(1), v.maxLength(128))),
    limit: v.exactOptional(v.pipe(count, v.minValue(1), v.maxValue(100))),
  }),
  'history.around': v.object({
    serverId: v.pipe(v.string(), v.minLength(1), v.maxLength(128)),
    limit: v.exactOptional(v.pipe(count, v.minValue(1), v.maxValue(100))),
  }),
  'history.after': v.object({
    conversation,
    after: count,
    limit: v.exactOptional(v.pipe(count, v.minValue(1), v.maxValue(200))),
  }),
};

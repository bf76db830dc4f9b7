// Owns the parameter schemas of the conversation-feature operations (react,
// edit, delete, pin, pins, thread, threadAck, forward, messages) and of the feature fields a send
// may carry (replyTo, mentions, threadOf). validate.ts merges them into its
// table; size limits beyond a field's shape are checked there too.
import * as v from 'valibot';
import { FEATURE_LIMITS } from './features';
import type { Ops } from './frames';
import { id, conversation, serverId, count } from './validate-fields';

type FeatureOp = 'react' | 'edit' | 'delete' | 'pin' | 'pins' | 'thread' | 'threadAck' | 'forward' | 'messages';

const localId = v.pipe(
  v.string(),
  v.minLength(1),
  v.maxLength(128),
  v.check((s) => !s.startsWith('~'), 'localId may not start with ~'),
);

/** A reaction key: any short text without line breaks (an emoji, a shortcode, a custom emoji id). */
const emoji = v.pipe(
  v.string(),
  v.minLength(1),
  v.maxLength(FEATURE_LIMITS.maxEmojiLength),
  v.check((s) => s.trim().length > 0 && !/[\r\n\t]/.test(s), 'emoji must be non-blank text on one line'),
);

const mentionsSchema = v.object({
  users: v.exactOptional(v.pipe(v.array(id), v.maxLength(FEATURE_LIMITS.maxMentions))),
  all: v.exactOptional(v.literal(true)),
});

/** Feature fields of a `send`. */
export const sendFeatureFields = {
  replyTo: v.exactOptional(serverId),
  mentions: v.exactOptional(mentionsSchema),
  threadOf: v.exactOptional(serverId),
};

export const featureParamSchemas: { [K in FeatureOp]: v.GenericSchema<unknown, Ops[K]['p']> } = {
  react: v.object({ serverId, emoji, remove: v.exactOptional(v.boolean()) }),
  edit: v.object({
    serverId,
    body: v.object({ type: v.literal('txt'), msg: v.pipe(v.string(), v.minLength(1)) }),
    editId: v.pipe(v.string(), v.minLength(1), v.maxLength(128)),
    mentions: v.exactOptional(mentionsSchema),
  }),
  delete: v.object({ serverId, scope: v.picklist(['me', 'everyone']) }),
  pin: v.object({ serverId, unpin: v.exactOptional(v.boolean()) }),
  pins: v.object({ conversation }),
  thread: v.object({
    serverId,
    before: v.exactOptional(count),
    limit: v.exactOptional(v.pipe(count, v.minValue(1), v.maxValue(200))),
  }),
  threadAck: v.object({ serverId, upToSeq: v.exactOptional(count) }),
  messages: v.object({ serverIds: v.pipe(v.array(serverId), v.maxLength(100)) }),
  forward: v.object({ serverId, localId, to: id, chatType: v.picklist(['single', 'group', 'room']) }),
};

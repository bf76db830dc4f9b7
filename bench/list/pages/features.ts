// Owns the conversation features the list bench's "natter with features" page
// attaches to the shared fixture's messages, deterministically by index: 10%
// carry reactions (1–3 emoji, each by the peer, the viewer or both) and 5% are
// quoted replies to an earlier message (up to 30 back). The quote leaves out the
// quoted message's `#<index>#` token, so the harness finds a message only by its
// own row.
import type { Message } from 'natter';
import { token } from '../../support/paint-timing';
import { hash, makeMessage } from './fixture';

type Reactions = NonNullable<Message['reactions']>;
type Quote = NonNullable<Message['reply']>;

const REACTION_SHARE = 0.1;
const REPLY_SHARE = 0.05;
const EMOJI = ['👍', '❤️', '😂', '😮', '🎉', '🙏'];
const REACTORS: readonly (readonly string[])[] = [['peer'], ['me'], ['peer', 'me']];
/** How far back a reply may quote. */
const QUOTE_RANGE = 30;
/** Characters of quoted text the server keeps (FEATURE_LIMITS.quoteChars). */
const QUOTE_CHARS = 200;

/** An independent deterministic 0..1 per (message, purpose), uncorrelated with the fixture's own draws. */
const draw = (i: number, salt: number): number => hash(Math.imul(i, 0x27d4eb2d) ^ salt);

function reactionsOf(i: number): Reactions | undefined {
  if (draw(i, 0x1f3a) >= REACTION_SHARE) return undefined;
  const kinds = 1 + Math.floor(draw(i, 0x2b7c) * 3);
  const first = Math.floor(draw(i, 0x3e51) * EMOJI.length);
  return Array.from({ length: kinds }, (_, k) => ({
    emoji: EMOJI[(first + k) % EMOJI.length]!,
    users: [...REACTORS[Math.floor(draw(i, 0x4c09 + k) * REACTORS.length)]!],
  }));
}

function replyOf(i: number): Quote | undefined {
  if (draw(i, 0x5d2e) >= REPLY_SHARE) return undefined;
  const quoted = makeMessage(i - 1 - Math.floor(draw(i, 0x6a47) * QUOTE_RANGE));
  return {
    serverId: `s${quoted.i}`,
    from: quoted.user,
    type: 'txt',
    text: quoted.text.replace(token(quoted.i), '').trim().slice(0, QUOTE_CHARS),
  };
}

export interface MessageFeatures {
  reactions?: Reactions;
  reply?: Quote;
}

/** What fixture message `i` carries, or undefined for a plain one (most of them). */
export function featuresOf(i: number): MessageFeatures | undefined {
  const reactions = reactionsOf(i);
  const reply = replyOf(i);
  if (!reactions && !reply) return undefined;
  return { ...(reactions ? { reactions } : {}), ...(reply ? { reply } : {}) };
}

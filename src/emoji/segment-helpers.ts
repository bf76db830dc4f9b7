// Owns small questions asked of parsed segments: is this message only emoji (to
// draw it large), how many emoji it has, and what text it came from.

import type { Segment } from './emoji-segment';

/** Default number of emoji up to which an emoji-only message is drawn large. */
export const DEFAULT_LARGE_EMOJI_MAX = 3;

/**
 * True when the segments hold at least one and at most `maxEmoji` emoji and
 * nothing else but whitespace.
 */
export function isEmojiOnly(segments: readonly Segment[], maxEmoji: number = DEFAULT_LARGE_EMOJI_MAX): boolean {
  let count = 0;
  for (const s of segments) {
    if (s.type === 'emoji') {
      count++;
      if (count > maxEmoji) return false;
    } else if (s.data.trim().length > 0) {
      return false;
    }
  }
  return count > 0;
}

/** Number of emoji segments. */
export function countEmoji(segments: readonly Segment[]): number {
  let count = 0;
  for (const s of segments) if (s.type === 'emoji') count++;
  return count;
}

/** The original text: text segments as they are, emoji as their source `key`. */
export function segmentsToText(segments: readonly Segment[]): string {
  let text = '';
  for (const s of segments) text += s.type === 'emoji' ? s.key : s.data;
  return text;
}

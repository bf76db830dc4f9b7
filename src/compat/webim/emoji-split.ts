// Owns the map-only emoji split of WebIM.Emoji: text containing keys of
// `map` becomes an ordered array of `{ type: 'txt', data: text }` and
// `{ type: 'emoji', data: path + file }`, as the Easemob document describes.
// (natter's full parser lives in src/emoji, which compat may not import.)
import type { EmojiSegment } from './types';

export interface EmojiConfig {
  path: string;
  map: Record<string, string>;
}

/** Segments of `text`, or null when it contains no key of the map. Longest key wins at a position. */
export function splitEmoji(text: string, emoji: EmojiConfig | undefined | null): EmojiSegment[] | null {
  if (!emoji || !emoji.map) return null;
  const keys = Object.keys(emoji.map)
    .filter((k) => k.length > 0)
    .sort((a, b) => b.length - a.length);
  if (keys.length === 0) return null;
  const out: EmojiSegment[] = [];
  let txt = '';
  let found = false;
  let i = 0;
  while (i < text.length) {
    const key = keys.find((k) => text.startsWith(k, i));
    if (key === undefined) {
      txt += text[i];
      i += 1;
      continue;
    }
    if (txt) out.push({ type: 'txt', data: txt });
    txt = '';
    out.push({ type: 'emoji', data: `${emoji.path ?? ''}${emoji.map[key] ?? ''}` });
    found = true;
    i += key.length;
  }
  if (txt) out.push({ type: 'txt', data: txt });
  return found ? out : null;
}

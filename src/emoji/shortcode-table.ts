// Owns `:shortcode:` resolution: the table type the parser accepts, how to build
// it from emoji-mart's data (ids and aliases, with skin tones), and matching a
// shortcode at a position. The data itself is never imported here (see
// load-emoji-data.ts); the table is passed in, so the parser stays data-free.

import type { EmojiData } from './emoji-data';
import type { UnicodeEmojiSegment } from './emoji-segment';

/**
 * Shortcode name (without colons) → the emoji, or its skins: index 0 is the
 * default, 1–5 the skin tones 2–6 of `:name::skin-tone-N:`.
 */
export type ShortcodeTable = ReadonlyMap<string, string | readonly string[]>;

/** Longest shortcode name considered; bounds the scan after an unmatched ":". */
export const MAX_SHORTCODE_LENGTH = 64;

/** Builds a table from emoji-mart data: every emoji id and every alias. */
export function buildShortcodeTable(data: EmojiData): ShortcodeTable {
  const table = new Map<string, string | readonly string[]>();
  for (const id of Object.keys(data.emojis)) {
    const emoji = data.emojis[id];
    if (emoji === undefined || emoji.skins.length === 0) continue;
    const skins = emoji.skins.map((s) => s.native);
    table.set(id, skins.length === 1 ? (skins[0] as string) : skins);
  }
  for (const alias of Object.keys(data.aliases)) {
    const target = data.aliases[alias];
    const value = target === undefined ? undefined : table.get(target);
    if (value !== undefined && !table.has(alias)) table.set(alias, value);
  }
  return table;
}

/** Makes a table from a plain `{ name: emoji }` record (own keys only). */
export function shortcodeTableFromRecord(record: Readonly<Record<string, string>>): ShortcodeTable {
  const table = new Map<string, string>();
  for (const name of Object.keys(record)) {
    const value = record[name];
    if (typeof value === 'string' && value.length > 0) table.set(name, value);
  }
  return table;
}

function isNameUnit(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) || // a-z
    (c >= 0x30 && c <= 0x39) || // 0-9
    c === 0x5f ||
    c === 0x2d ||
    c === 0x2b // _ - +
  );
}

const SKIN_TONE_PREFIX = ':skin-tone-';

/** Finds a shortcode at a position (which holds a ":"); the segment's `key` length is the match length. */
export type ShortcodeMatcher = (text: string, index: number) => UnicodeEmojiSegment | undefined;

/**
 * Makes a matcher for `:name:` (optionally followed by `:skin-tone-N:`, N = 2…6)
 * over `table`. Segments are immutable and cached per name and tone, so a
 * repeated shortcode costs one name slice and two map reads.
 */
export function createShortcodeMatcher(table: ShortcodeTable): ShortcodeMatcher {
  const cache = new Map<string, (UnicodeEmojiSegment | undefined)[]>();
  const segmentFor = (
    name: string,
    value: string | readonly string[],
    tone: number,
  ): UnicodeEmojiSegment | undefined => {
    let slots = cache.get(name);
    if (slots === undefined) {
      slots = [];
      cache.set(name, slots);
    }
    let segment = slots[tone];
    if (segment === undefined) {
      const emoji = typeof value === 'string' ? (tone === 0 ? value : undefined) : value[tone];
      if (emoji === undefined) return undefined;
      const key = tone === 0 ? `:${name}:` : `:${name}:${SKIN_TONE_PREFIX}${tone + 1}:`;
      segment = { type: 'emoji', kind: 'unicode', data: emoji, key };
      slots[tone] = segment;
    }
    return segment;
  };

  return (text, index) => {
    const limit = Math.min(text.length, index + 2 + MAX_SHORTCODE_LENGTH);
    let j = index + 1;
    while (j < limit && isNameUnit(text.charCodeAt(j))) j++;
    if (j === index + 1 || j >= limit || text.charCodeAt(j) !== 0x3a) return undefined;
    const name = text.slice(index + 1, j);
    const value = table.get(name);
    if (value === undefined) return undefined;
    // emoji-mart writes toned emoji as `:name::skin-tone-N:`; only an emoji that
    // has skins takes the suffix, otherwise the suffix stays text.
    const tone = j + 1;
    if (typeof value !== 'string' && text.startsWith(SKIN_TONE_PREFIX, tone)) {
      const digit = text.charCodeAt(tone + SKIN_TONE_PREFIX.length) - 0x30;
      if (digit >= 2 && digit <= 6 && text.charCodeAt(tone + SKIN_TONE_PREFIX.length + 1) === 0x3a) {
        const toned = segmentFor(name, value, digit - 1);
        if (toned !== undefined) return toned;
      }
    }
    return segmentFor(name, value, 0);
  };
}

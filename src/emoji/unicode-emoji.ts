// Owns recognition of Unicode emoji in text: which code units may start one (a
// table, so the parser's scan over ordinary text is one array read per
// character) and the exact extent of the emoji starting there (a sticky regex
// built from Unicode properties, run only at those positions).
//
// Grammar (UTS #51 "possible emoji", tightened so that ordinary text stays text
// and an emoji never spans two grapheme clusters):
//   emoji   := tag sequence (🏴 + up to 32 tags + cancel tag) | flag (two regional indicators)
//            | keycap ([#*0-9] FE0F? 20E3) | a lone skin tone
//            | pict (ZWJ element){0,9}
//   pict    := modifier base + skin tone | emoji pictograph + FE0F
//            | an emoji-presentation pictograph | a pictograph that starts a ZWJ sequence
//   element := modifier base + skin tone | pictograph FE0F?
// Only pictographs take ZWJ continuations (grapheme rule GB11), so "🇺🇸‍👩" or
// "🏽‍👩" are not glued. Text-default characters (©, ™, ↔, a bare ❤ …) count only
// with FE0F, a skin tone or inside a ZWJ sequence, as Unicode specifies; digits
// only as keycaps. Property escapes make the runtime's newer emoji work without a
// data update.

/**
 * Longest ZWJ chain kept as one emoji. Real sequences join at most 4 parts (a
 * family, a kiss with skin tones); the cap stops a hostile run of "👍‍👍‍…" from
 * becoming one giant "emoji" (it splits into several instead).
 */
const MAX_ZWJ_JOINS = 9;

const ZWJ_ELEMENT = '\\p{Emoji_Modifier_Base}\\p{Emoji_Modifier}|\\p{Extended_Pictographic}\\uFE0F?';

const PICT =
  '\\p{Emoji_Modifier_Base}\\p{Emoji_Modifier}' +
  '|(?=\\p{Emoji})\\p{Extended_Pictographic}\\uFE0F' +
  '|(?=\\p{Emoji_Presentation})\\p{Extended_Pictographic}' +
  `|\\p{Extended_Pictographic}(?=\\u200D(?:${ZWJ_ELEMENT}))`;

const EMOJI =
  '\\u{1F3F4}[\\u{E0020}-\\u{E007E}]{1,32}\\u{E007F}' +
  '|\\p{Regional_Indicator}{2}' +
  '|[#*0-9]\\uFE0F?\\u20E3' +
  '|\\p{Emoji_Modifier}\\uFE0F?' +
  `|(?:${PICT})(?:\\u200D(?:${ZWJ_ELEMENT})){0,${MAX_ZWJ_JOINS}}`;

// Candidate kinds per UTF-16 code unit (0: none).
/** May start an emoji: ask `unicodeEmojiEndAt`. */
const CANDIDATE_EMOJI = 1;
/** `#`, `*`, `0`–`9`: an emoji only as a keycap (next unit FE0F or 20E3). */
const CANDIDATE_KEYCAP = 2;
/** Code units of `#`, `*` and `0`–`9`. */
export const KEYCAP_BASES: readonly number[] = [0x23, 0x2a, 0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39];
/** A BMP emoji-presentation character: alone it is a whole emoji. */
const CANDIDATE_PRESENTATION = 3;

interface UnicodeTables {
  /** For every BMP code unit, its candidate kind. */
  readonly candidates: Uint8Array;
  /** For U+1F000–U+1FFFF: 1 when the code point alone is a whole emoji (no flags). */
  readonly astralPresentation: Uint8Array;
  readonly emojiAt: RegExp;
}

let tables: UnicodeTables | undefined;

/**
 * The lookup tables, built on first use from the runtime's own Unicode
 * properties (so importing natter costs nothing until text is parsed, and
 * bundlers can drop the module when it is unused). Emoji in the BMP all lie
 * below U+3300; astral emoji start with the high surrogates D83C–D83F.
 */
export function unicodeTables(): UnicodeTables {
  if (tables !== undefined) return tables;
  const candidates = new Uint8Array(0x10000);
  const astralPresentation = new Uint8Array(0x1000);
  for (const c of KEYCAP_BASES) candidates[c] = CANDIDATE_KEYCAP;
  // One global regex scan over a string of every candidate code point: testing them one by
  // one (17,000 test calls) cost ~5 ms on the first message a page parses.
  const bmp = String.fromCharCode(...Array.from({ length: 0x3300 - 0x80 }, (_, i) => 0x80 + i));
  for (const m of bmp.matchAll(/\p{Emoji}|\p{Extended_Pictographic}/gu)) candidates[m.index + 0x80] = CANDIDATE_EMOJI;
  for (const m of bmp.matchAll(/(?!\p{Regional_Indicator})\p{Emoji_Presentation}/gu))
    candidates[m.index + 0x80] = CANDIDATE_PRESENTATION;
  for (let c = 0xd83c; c <= 0xd83f; c++) candidates[c] = CANDIDATE_EMOJI;
  const astral = String.fromCodePoint(...Array.from({ length: 0x1000 }, (_, i) => 0x1f000 + i));
  // Each astral code point is two UTF-16 units: index / 2 is its offset from U+1F000.
  for (const m of astral.matchAll(/(?!\p{Regional_Indicator})\p{Emoji_Presentation}/gu))
    astralPresentation[m.index / 2] = 1;
  tables = { candidates, astralPresentation, emojiAt: new RegExp(EMOJI, 'uy') };
  return tables;
}

/**
 * Whether the unit after a lone emoji code point could extend it (variation
 * selector, ZWJ, keycap, skin tone or other U+1F3xx, tag): then the full grammar decides.
 */
function mayExtend(u: number): boolean {
  return u === 0xfe0f || u === 0x200d || u === 0xd83c || u === 0xdb40 || u === 0x20e3 || u === 0xfe0e;
}

/**
 * If a Unicode emoji starts at `index` of `text`, the index just past it; else -1.
 * Allocates nothing: the common single-code-point emoji is settled by table
 * lookups, everything else by a sticky `test` that leaves the end in `lastIndex`.
 */
export function unicodeEmojiEndAt(text: string, index: number): number {
  const t = tables ?? unicodeTables();
  const c = text.charCodeAt(index);
  if (c >= 0xd83c && c <= 0xd83f) {
    const lo = text.charCodeAt(index + 1);
    if (lo >= 0xdc00 && lo <= 0xdfff) {
      const cp = ((c - 0xd83c) << 10) + (lo - 0xdc00);
      if (t.astralPresentation[cp] === 1 && !mayExtend(text.charCodeAt(index + 2))) return index + 2;
    }
  } else if (t.candidates[c] === CANDIDATE_PRESENTATION && !mayExtend(text.charCodeAt(index + 1))) {
    return index + 1;
  }
  const re = t.emojiAt;
  re.lastIndex = index;
  return re.test(text) ? re.lastIndex : -1;
}

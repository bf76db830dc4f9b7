// Owns the text → segments parser: one left-to-right pass that finds custom map
// keys, Unicode emoji and `:shortcodes:` at the same time. Ordinary characters
// cost one table read each; matching work runs only where a candidate starts,
// and text between emoji is cut with one `slice` per run (never per character).
// Text with nothing to find returns a single segment without allocating more.
// At one position the longest match wins; on a tie a custom key beats a Unicode
// emoji, which beats a shortcode.

import { compileCustomEmoji, customEmojiAt, type CustomEmojiMap } from './custom-emoji-map';
import type { Segment, UnicodeEmojiSegment } from './emoji-segment';
import { createShortcodeMatcher, shortcodeTableFromRecord, type ShortcodeTable } from './shortcode-table';
import { KEYCAP_BASES, unicodeEmojiEndAt, unicodeTables } from './unicode-emoji';

export interface EmojiParserOptions {
  /** Custom image emoji, e.g. Easemob's `WebIM.Emoji` (`{ path, map }`), or several. */
  readonly customEmoji?: CustomEmojiMap | readonly CustomEmojiMap[];
  /**
   * `:shortcode:` names to resolve (see `loadShortcodeTable()` for emoji-mart's).
   * Without one, shortcodes stay text.
   */
  readonly shortcodes?: ShortcodeTable | Readonly<Record<string, string>> | null;
  /** Recognise Unicode emoji (default true). */
  readonly unicode?: boolean;
}

export interface EmojiParser {
  /** Splits `text` into text and emoji segments; joining their sources gives `text` back. */
  parse(text: string): Segment[];
  /** Custom map keys left as text because their URL was unsafe. */
  readonly rejectedKeys: readonly string[];
}

const FLAG_CUSTOM = 1;
const FLAG_SHORTCODE = 2;
const FLAG_KEYCAP = 4;
const FLAG_UNICODE = 8;

/** Compiles the options once; reuse the parser for every message. */
export function createEmojiParser(options: EmojiParserOptions = {}): EmojiParser {
  const custom = compileCustomEmoji(options.customEmoji);
  const table = toTable(options.shortcodes);
  const shortcodeAt = table === null ? null : createShortcodeMatcher(table);
  const unicode = options.unicode !== false;
  // The Unicode tables are built on the first non-ASCII character parsed, not here, so a
  // parser made at module scope costs nothing at import time, nor plain ASCII text anything.
  let candidates: Uint8Array | undefined;
  const ascii = new Uint8Array(128);
  for (let c = 0; c < 128; c++) {
    let flags = custom.asciiStarts[c] === 1 ? FLAG_CUSTOM : 0;
    if (c === 0x3a && shortcodeAt !== null) flags |= FLAG_SHORTCODE;
    if (unicode && KEYCAP_BASES.includes(c)) flags |= FLAG_KEYCAP;
    ascii[c] = flags;
  }
  const customByUnit = custom.byFirstUnit;
  const nonAsciiCustom = custom.hasNonAsciiStarts;

  function parse(text: string): Segment[] {
    if (typeof text !== 'string') return [];
    const n = text.length;
    let out: Segment[] | null = null;
    let textStart = 0;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      let flags: number;
      if (c < 128) {
        flags = ascii[c] as number;
        if (flags === 0) {
          i++;
          continue;
        }
      } else {
        flags = unicode && (candidates ??= unicodeTables().candidates)[c] !== 0 ? FLAG_UNICODE : 0;
        if (nonAsciiCustom && customByUnit.has(c)) flags |= FLAG_CUSTOM;
        if (flags === 0) {
          i++;
          continue;
        }
      }

      let end = -1;
      let segment: Segment | undefined;
      if ((flags & FLAG_CUSTOM) !== 0) {
        const entry = customEmojiAt(custom, text, i);
        if (entry !== undefined) {
          end = i + entry.key.length;
          segment = entry.segment;
        }
      }
      if ((flags & FLAG_UNICODE) !== 0 || ((flags & FLAG_KEYCAP) !== 0 && isKeycapTail(text.charCodeAt(i + 1)))) {
        const u = unicodeEmojiEndAt(text, i);
        if (u > end) {
          end = u;
          segment = undefined; // made below, only if it wins
        }
      }
      if ((flags & FLAG_SHORTCODE) !== 0 && shortcodeAt !== null) {
        const match = shortcodeAt(text, i);
        if (match !== undefined && i + match.key.length > end) {
          end = i + match.key.length;
          segment = match;
        }
      }
      if (end < 0) {
        i++;
        continue;
      }
      segment ??= unicodeSegment(text, i, end);
      if (out === null) out = [];
      if (textStart < i) out.push({ type: 'txt', data: text.slice(textStart, i) });
      out.push(segment);
      i = end;
      textStart = end;
    }
    if (out === null) return n === 0 ? [] : [{ type: 'txt', data: text }];
    if (textStart < n) out.push({ type: 'txt', data: text.slice(textStart) });
    return out;
  }

  return { parse, rejectedKeys: custom.rejectedKeys };
}

/**
 * Segments are immutable, so the one for a single-code-point emoji (most of them)
 * is made once and shared: emoji-dense text then allocates only its text runs.
 */
const singleCodePointSegments = /* @__PURE__ */ new Map<number, UnicodeEmojiSegment>();

function unicodeSegment(text: string, start: number, end: number): UnicodeEmojiSegment {
  const length = end - start;
  if (length <= 2) {
    const cp = text.codePointAt(start) as number;
    if (length === (cp > 0xffff ? 2 : 1)) {
      let shared = singleCodePointSegments.get(cp);
      if (shared === undefined) {
        const emoji = text.slice(start, end);
        shared = { type: 'emoji', kind: 'unicode', data: emoji, key: emoji };
        singleCodePointSegments.set(cp, shared);
      }
      return shared;
    }
  }
  const emoji = text.slice(start, end);
  return { type: 'emoji', kind: 'unicode', data: emoji, key: emoji };
}

function isKeycapTail(c: number): boolean {
  return c === 0xfe0f || c === 0x20e3;
}

function toTable(shortcodes: EmojiParserOptions['shortcodes']): ShortcodeTable | null {
  if (shortcodes === undefined || shortcodes === null) return null;
  if (shortcodes instanceof Map) return shortcodes as ShortcodeTable;
  return shortcodeTableFromRecord(shortcodes as Readonly<Record<string, string>>);
}

const parsers = /* @__PURE__ */ new WeakMap<EmojiParserOptions, EmojiParser>();
let defaultParser: EmojiParser | undefined;

/**
 * One-off parse. Parsers are cached per options object, so pass the same object
 * (not a fresh literal per call) to avoid recompiling maps.
 */
export function parseEmoji(text: string, options?: EmojiParserOptions): Segment[] {
  if (options === undefined) {
    defaultParser ??= createEmojiParser();
    return defaultParser.parse(text);
  }
  let parser = parsers.get(options);
  if (parser === undefined) {
    parser = createEmojiParser(options);
    parsers.set(options, parser);
  }
  return parser.parse(text);
}

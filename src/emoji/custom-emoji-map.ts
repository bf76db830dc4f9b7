// Owns custom image emoji maps (Easemob's `WebIM.Emoji` shape) and their
// compiled lookup index: a trie over UTF-16 units, so the parser finds the
// longest key at a position in one walk of at most the key's length, whatever
// the number of keys, without allocating.
// Entries whose URL fails `isSafeEmojiUrl` are dropped here, once, so unsafe
// keys simply stay text.

import type { ImageEmojiSegment } from './emoji-segment';
import { isSafeEmojiUrl } from './is-safe-emoji-url';

/** A custom emoji map: `{ path: 'static/faces/', map: { '[):]': 'ee_1.png' } }`. */
export interface CustomEmojiMap {
  /** Prefix joined to every file name (a folder or a base URL); default ''. */
  readonly path?: string;
  /** Text key → file name (or full URL when `path` is empty). */
  readonly map: Readonly<Record<string, string>>;
}

/** One usable key, with its (immutable, shared) segment. */
export interface CustomEmojiEntry {
  readonly key: string;
  readonly url: string;
  readonly segment: ImageEmojiSegment;
}

/** A trie node: children by next UTF-16 unit, and the entry whose key ends here. */
interface TrieNode {
  readonly next: Map<number, TrieNode>;
  entry: CustomEmojiEntry | undefined;
}

/** The compiled index the parser uses. */
export interface CompiledCustomEmoji {
  /** Trie roots by first code unit of the key. */
  readonly byFirstUnit: ReadonlyMap<number, TrieNode>;
  /** Flags for ASCII first units (the common case: `[`, `:`, `(`…). */
  readonly asciiStarts: Uint8Array;
  /** Whether any key starts with a non-ASCII unit. */
  readonly hasNonAsciiStarts: boolean;
  /** Keys left out because their URL was unsafe (for diagnostics and tests). */
  readonly rejectedKeys: readonly string[];
}

/** Maximum key length considered: keys are short tokens, not sentences. */
const MAX_KEY_LENGTH = 64;

/**
 * Compiles one or more maps into an index. Later maps override earlier ones for
 * the same key. Keys that are empty, too long or whose URL is unsafe are left out.
 */
export function compileCustomEmoji(maps: CustomEmojiMap | readonly CustomEmojiMap[] | undefined): CompiledCustomEmoji {
  const list: readonly CustomEmojiMap[] = maps === undefined ? [] : isMapList(maps) ? maps : [maps];
  const byKey = new Map<string, string>();
  const rejected: string[] = [];
  for (const m of list) {
    // Maps may come from configuration or the network: tolerate junk, never throw.
    if (typeof m !== 'object' || m === null || typeof m.map !== 'object' || m.map === null) continue;
    const path = typeof m.path === 'string' ? m.path : '';
    for (const key of Object.keys(m.map)) {
      const file = m.map[key];
      if (key.length === 0 || key.length > MAX_KEY_LENGTH) continue;
      const url = typeof file === 'string' ? path + file : undefined;
      if (!isSafeEmojiUrl(url)) {
        byKey.delete(key);
        rejected.push(key);
        continue;
      }
      byKey.set(key, url);
    }
  }
  const root: TrieNode = { next: new Map(), entry: undefined };
  const asciiStarts = new Uint8Array(128);
  let hasNonAsciiStarts = false;
  for (const [key, url] of byKey) {
    const first = key.charCodeAt(0);
    if (first < 128) asciiStarts[first] = 1;
    else hasNonAsciiStarts = true;
    let node = root;
    for (let i = 0; i < key.length; i++) {
      const unit = key.charCodeAt(i);
      let child = node.next.get(unit);
      if (child === undefined) {
        child = { next: new Map(), entry: undefined };
        node.next.set(unit, child);
      }
      node = child;
    }
    node.entry = { key, url, segment: { type: 'emoji', kind: 'image', data: url, key } };
  }
  return { byFirstUnit: root.next, asciiStarts, hasNonAsciiStarts, rejectedKeys: rejected };
}

function isMapList(maps: CustomEmojiMap | readonly CustomEmojiMap[]): maps is readonly CustomEmojiMap[] {
  return Array.isArray(maps);
}

/** The longest entry whose key occurs at `index` of `text`, or undefined. */
export function customEmojiAt(
  compiled: CompiledCustomEmoji,
  text: string,
  index: number,
): CustomEmojiEntry | undefined {
  let node = compiled.byFirstUnit.get(text.charCodeAt(index));
  let found: CustomEmojiEntry | undefined;
  let i = index + 1;
  while (node !== undefined) {
    if (node.entry !== undefined) found = node.entry;
    if (node.next.size === 0 || i >= text.length) break;
    node = node.next.get(text.charCodeAt(i));
    i++;
  }
  return found;
}

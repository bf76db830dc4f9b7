// Owns the memory storage's message search index: per conversation, the
// messages holding each word (search-words.ts) and each word start of up to
// three characters, ordered by seq. A search walks the shortest list its terms
// need, newest first, and confirms each candidate with the same matcher the
// scan used, so it finds exactly what a scan finds while touching only
// messages that share a word with the query. A conversation is indexed the
// first time it is searched, then kept up to date as messages are stored,
// replaced (edit, recall) or rolled back. `prepare` builds the index in
// slices of a few milliseconds with a turn of the event loop between them (a
// 100,000-message conversation takes seconds to index, and the embedded server
// shares its thread with the page); changes made meanwhile are replayed once
// the slices are done.
import type { Message } from '../protocol/message';
import type { MessageSearchRow, SearchScope } from './people-storage';
import { searchableText, termsMatcher } from './search-text';
import { searchWords } from './search-words';
import { nextTurn } from './next-turn';

/** Word starts of this many characters at most are indexed (a longer query word is confirmed by the matcher). */
const START_CHARS = 3;

/** One conversation's lists: index key → messages holding it, ascending by seq. */
type Postings = Map<string, Message[]>;

/** How long one slice of an index build may run before it lets the event loop turn. */
const SLICE_MS = 8;

/** A conversation being indexed by `prepare`. */
interface Build {
  postings: Postings;
  /** The conversation's messages when the build began; `next` is the first not indexed yet. */
  snapshot: readonly Message[];
  next: number;
  /** Changes made since the build began, applied in order once the snapshot is indexed. */
  log: Array<(postings: Postings) => void>;
  done: Promise<void>;
}

/** Index keys: `=word` for a whole word, `^start` for the start of a letter/digit run. */
function keysOf(text: string): Set<string> {
  const keys = new Set<string>();
  for (const w of searchWords(text)) {
    keys.add(`=${w.word}`);
    if (!w.prefixable) continue;
    let start = '';
    let n = 0;
    for (const ch of w.word) {
      start += ch;
      keys.add(`^${start}`);
      if (++n === START_CHARS) break;
    }
  }
  return keys;
}

/** The keys a text must hold to match every term (a term's last word may be a word start). */
function requiredKeys(terms: readonly string[]): string[] {
  const keys = new Set<string>();
  for (const term of terms) {
    const words = searchWords(term);
    words.forEach((w, i) => {
      if (i < words.length - 1 || !w.prefixable) keys.add(`=${w.word}`);
      else keys.add(`^${Array.from(w.word).slice(0, START_CHARS).join('')}`);
    });
  }
  return [...keys];
}

/** Index of the first message in `list` (ascending by seq) with seq ≥ `seq`. */
function lowerBound(list: readonly Message[], seq: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.seq < seq) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class MemorySearchIndex {
  private readonly conversations = new Map<string, Postings>();
  private readonly builds = new Map<string, Build>();

  /**
   * @param messagesOf a conversation's messages ordered by seq ascending (read once, when first searched).
   * @param yieldTurn runs `next` on a later turn of the event loop (default: nextTurn).
   */
  constructor(
    private readonly messagesOf: (key: string) => readonly Message[],
    private readonly yieldTurn: (next: () => void) => void = nextTurn,
  ) {}

  /** A message was stored in `key`. */
  added(key: string, message: Message): void {
    this.change(key, (postings) => this.insert(postings, message));
  }

  /** A stored message was taken out of `key` (a rolled-back insert). */
  removed(key: string, message: Message): void {
    this.change(key, (postings) => this.remove(postings, message));
  }

  /** The stored object of a message was replaced (an edit, a recall, or undoing one). */
  replaced(key: string, from: Message, to: Message): void {
    this.change(key, (postings) => {
      this.remove(postings, from);
      this.insert(postings, to);
    });
  }

  /**
   * Indexes the conversations of `keys` not indexed yet, in slices that let the event loop turn;
   * settles when all are indexed (undefined when they already are). A search of them after that
   * runs on the index alone.
   */
  prepare(keys: readonly string[]): Promise<void> | undefined {
    const pending: Array<Promise<void>> = [];
    for (const key of new Set(keys)) {
      if (this.conversations.has(key)) continue;
      pending.push((this.builds.get(key) ?? this.startBuild(key)).done);
    }
    return pending.length > 0 ? Promise.all(pending).then(() => undefined) : undefined;
  }

  /**
   * Up to `limit` messages of one scope that hold every term, newest first, older than `before`
   * (a serverId) when given.
   */
  search(scope: SearchScope, terms: readonly string[], before: string | undefined, limit: number): MessageSearchRow[] {
    const postings = this.postingsOf(scope.key);
    const keys = requiredKeys(terms);
    let shortest: readonly Message[] | undefined = keys.length === 0 ? this.messagesOf(scope.key) : undefined;
    for (const k of keys) {
      const list = postings.get(k);
      if (!list) return [];
      if (!shortest || list.length < shortest.length) shortest = list;
    }
    const matches = termsMatcher(terms);
    const rows: MessageSearchRow[] = [];
    for (let i = shortest!.length - 1; i >= 0 && rows.length < limit; i--) {
      const m = shortest![i]!;
      if (m.seq <= scope.afterSeq) break;
      if (before !== undefined && m.serverId >= before) continue;
      const text = searchableText(m);
      if (text !== null && matches(text)) rows.push({ key: scope.key, message: m, cursor: m.serverId });
    }
    return rows;
  }

  /** Applies a change to an indexed conversation, logs it for one being built, or drops it. */
  private change(key: string, apply: (postings: Postings) => void): void {
    const postings = this.conversations.get(key);
    if (postings) apply(postings);
    else this.builds.get(key)?.log.push(apply);
  }

  /** The index of `key`, built at once when it is not (a search that was not prepared). */
  private postingsOf(key: string): Postings {
    const built = this.conversations.get(key);
    if (built) return built;
    const build = this.builds.get(key) ?? this.newBuild(key);
    this.finish(key, build, Infinity);
    return build.postings;
  }

  private newBuild(key: string): Build {
    const build: Build = {
      postings: new Map(),
      snapshot: this.messagesOf(key).slice(),
      next: 0,
      log: [],
      done: Promise.resolve(),
    };
    this.builds.set(key, build);
    return build;
  }

  private startBuild(key: string): Build {
    const build = this.newBuild(key);
    build.done = new Promise<void>((resolve) => {
      const slice = () => {
        if (this.builds.get(key) !== build || this.finish(key, build, performance.now() + SLICE_MS)) resolve();
        else this.yieldTurn(slice);
      };
      this.yieldTurn(slice);
    });
    return build;
  }

  /** Indexes the build's snapshot until `deadline` (performance.now() ms); true once the conversation is indexed. */
  private finish(key: string, build: Build, deadline: number): boolean {
    const { snapshot, postings } = build;
    while (build.next < snapshot.length) {
      const end = Math.min(snapshot.length, build.next + 64);
      for (; build.next < end; build.next++) this.insert(postings, snapshot[build.next]!);
      if (build.next < snapshot.length && performance.now() >= deadline) return false;
    }
    for (const apply of build.log) apply(postings);
    this.builds.delete(key);
    this.conversations.set(key, postings);
    return true;
  }

  private insert(postings: Postings, m: Message): void {
    const text = searchableText(m);
    if (text === null) return;
    for (const k of keysOf(text)) {
      let list = postings.get(k);
      if (!list) postings.set(k, (list = []));
      // Seqs are handed out in order, so this is nearly always an append.
      if (list.length === 0 || list[list.length - 1]!.seq <= m.seq) list.push(m);
      else list.splice(lowerBound(list, m.seq), 0, m);
    }
  }

  private remove(postings: Postings, m: Message): void {
    const text = searchableText(m);
    if (text === null) return;
    for (const k of keysOf(text)) {
      const list = postings.get(k);
      if (!list) continue;
      for (let i = lowerBound(list, m.seq); i < list.length && list[i]!.seq === m.seq; i++) {
        if (list[i] !== m) continue;
        list.splice(i, 1);
        break;
      }
      if (list.length === 0) postings.delete(k);
    }
  }
}

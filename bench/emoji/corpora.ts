// Owns the benchmark inputs: deterministic plain, emoji-dense and custom-map chat
// text of a given size, built from a fixed seed so every run parses the same bytes.

import type { CustomEmojiMap } from '../../src/emoji/custom-emoji-map';

export interface Corpora {
  readonly texts: { readonly plain: string; readonly 'emoji-dense': string; readonly 'custom-map': string };
  readonly customMap: CustomEmojiMap;
}

/** Easemob's demo faces: `[):]` → ee_1.png … */
const EASEMOB_KEYS = [
  '[):]',
  '[:D]',
  '[;)]',
  '[:-o]',
  '[:p]',
  '[(H)]',
  '[:@]',
  '[:s]',
  '[:$]',
  '[:(]',
  "[:'(]",
  '[:|]',
  '[(a)]',
  '[8o|]',
  '[8-|]',
  '[+o(]',
  '[<o)]',
  '[|-)]',
  '[*-)]',
  '[:-#]',
  '[:-*]',
  '[^o)]',
  '[8-)]',
  '[(|)]',
  '[(u)]',
  '[(S)]',
  '[(*)]',
  '[(#)]',
  '[(R)]',
  '[({)]',
  '[(})]',
  '[(k)]',
  '[(F)]',
  '[(W)]',
  '[(D)]',
  '[微笑]',
  '[撇嘴]',
  '[色]',
  '[发呆]',
  '[得意]',
];

const WORDS = [
  'hello',
  'meeting',
  'at',
  '10:30',
  'tomorrow',
  'ok',
  'thanks',
  'see',
  'you',
  'the',
  'build',
  'is',
  'green',
  'can',
  'we',
  'ship',
  'it',
  '“quoted”',
  '—',
  'well…',
  '你好',
  '明天',
  '开会',
  '谢谢',
  '没问题',
  'deploy',
  '42',
];

const EMOJI = [
  '😀',
  '😂',
  '👍',
  '👍🏽',
  '❤️',
  '🎉',
  '🔥',
  '🙏🏻',
  '👨‍👩‍👧‍👦',
  '🧑🏻‍💻',
  '🇨🇳',
  '🇺🇸',
  '#️⃣',
  '🏳️‍🌈',
  '✨',
  '🤷‍♀️',
  '🫶🏾',
  '☕',
  '🐻‍❄️',
  '🏴󠁧󠁢󠁳󠁣󠁴󠁿',
];

const SHORTCODES = [':smile:', ':+1:', ':tada:', ':heart:', ':+1::skin-tone-3:', ':rocket:'];

/** Small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function build(size: number, seed: number, next: (r: () => number) => string): string {
  const r = rng(seed);
  const parts: string[] = [];
  let length = 0;
  while (length < size) {
    const piece = next(r);
    parts.push(piece);
    length += piece.length;
  }
  return parts.join('');
}

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)] as T;
}

export function makeCorpora(size: number): Corpora {
  const map: Record<string, string> = {};
  EASEMOB_KEYS.forEach((k, i) => {
    map[k] = `ee_${i + 1}.png`;
  });
  const plain = build(size, 1, (r) => pick(r, WORDS) + (r() < 0.1 ? '. ' : ' '));
  // About one emoji per two words: a chat full of reactions.
  const dense = build(size, 2, (r) => (r() < 0.5 ? pick(r, EMOJI) : pick(r, WORDS)) + (r() < 0.5 ? ' ' : ''));
  const custom = build(size, 3, (r) => {
    const x = r();
    const token =
      x < 0.3 ? pick(r, EASEMOB_KEYS) : x < 0.4 ? pick(r, SHORTCODES) : x < 0.5 ? pick(r, EMOJI) : pick(r, WORDS);
    return token + ' ';
  });
  return {
    texts: { plain, 'emoji-dense': dense, 'custom-map': custom },
    customMap: { path: 'static/faces/', map },
  };
}

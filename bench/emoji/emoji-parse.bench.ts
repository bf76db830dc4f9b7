// Emoji parse benchmark: throughput in MB/s (UTF-8 bytes of the
// input per second) of natter's parser on plain, emoji-dense and custom-map text,
// next to a split with the `emoji-regex` package (the reference; target: natter
// ≥ 0.5× on emoji-dense text while also doing custom maps and shortcodes) and a
// plain `String.prototype.indexOf` scan (the floor: native code, finds nothing).
// Contenders alternate inside every round; medians and min–max over the rounds.
// natter's parser comes from its packed package (`natter`), as an app installs it.
// Run: node --expose-gc --import tsx bench/emoji/emoji-parse.bench.ts [--rounds N] [--size UNITS] [--min-ms MS]
// (or `npm run bench -- emoji`).
// Prints one JSON document on stdout.

import emojiRegex from 'emoji-regex';
import { packedEntryUrl } from '../support/packed-package';
import { makeCorpora } from './corpora';

const { createEmojiParser, buildShortcodeTable } = (await import(
  packedEntryUrl('.')
)) as typeof import('../../src/entries/index');

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

const ROUNDS = arg('rounds', 9);
const SIZE = arg('size', 1_000_000);
const MIN_MS = arg('min-ms', 60);

const data = (await import('@emoji-mart/data', { with: { type: 'json' } })) as unknown as {
  default: Parameters<typeof buildShortcodeTable>[0];
};
const shortcodes = buildShortcodeTable(data.default);
const corpora = makeCorpora(SIZE);

const natter = createEmojiParser({ customEmoji: corpora.customMap, shortcodes });
const natterUnicodeOnly = createEmojiParser();
const re = emojiRegex();
const splitRe = new RegExp(`(${re.source})`, re.flags);

let sink = 0;
const contenders: Record<string, (text: string) => void> = {
  natter: (t) => {
    sink += natter.parse(t).length;
  },
  'natter-unicode-only': (t) => {
    sink += natterUnicodeOnly.parse(t).length;
  },
  'emoji-regex-split': (t) => {
    sink += t.split(splitRe).length;
  },
  'indexOf-floor': (t) => {
    let i = -1;
    let k = 0;
    while ((i = t.indexOf(':', i + 1)) !== -1) k++;
    sink += k;
  },
};

/** MB/s for one timed batch of `fn` over `text`, repeated until MIN_MS has passed. */
const gc = (globalThis as { gc?: () => void }).gc;

function measure(fn: (t: string) => void, text: string, bytes: number): number {
  // Collect the previous contender's garbage first, so no one pays for another's.
  gc?.();
  let reps = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    fn(text);
    reps++;
    elapsed = performance.now() - start;
  } while (elapsed < MIN_MS);
  return (bytes * reps) / 1e6 / (elapsed / 1000);
}

function stats(xs: number[]): { median: number; min: number; max: number } {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
  const r = (x: number): number => Math.round(x * 10) / 10;
  return { median: r(median), min: r(s[0] as number), max: r(s[s.length - 1] as number) };
}

const names = Object.keys(contenders);
const results: Record<string, unknown> = {};
for (const [corpusName, text] of Object.entries(corpora.texts)) {
  const bytes = Buffer.byteLength(text, 'utf8');
  for (const name of names) for (let w = 0; w < 3; w++) measure(contenders[name] as (t: string) => void, text, bytes);
  const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = 0; round < ROUNDS; round++) {
    // Rotate the order each round so no contender always runs first or last.
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length] as string;
      (samples[name] as number[]).push(measure(contenders[name] as (t: string) => void, text, bytes));
    }
  }
  const mbPerS = Object.fromEntries(names.map((n) => [n, stats(samples[n] as number[])]));
  const med = (n: string): number => (mbPerS[n] as { median: number }).median;
  const segments = natter.parse(text);
  results[corpusName] = {
    bytes,
    utf16Units: text.length,
    natterSegments: segments.length,
    natterEmoji: segments.filter((s) => s.type === 'emoji').length,
    mbPerS,
    ratios: {
      natterToEmojiRegexSplit: Math.round((med('natter') / med('emoji-regex-split')) * 100) / 100,
      natterToIndexOfFloor: Math.round((med('natter') / med('indexOf-floor')) * 1000) / 1000,
    },
  };
}

console.log(
  JSON.stringify(
    {
      benchmark: 'emoji-parse',
      command: [
        'node',
        ...(gc ? ['--expose-gc'] : []),
        '--import',
        'tsx',
        'bench/emoji/emoji-parse.bench.ts',
        ...process.argv.slice(2),
      ].join(' '),
      date: new Date().toISOString(),
      node: process.version,
      rounds: ROUNDS,
      gcBetweenSamples: gc !== undefined,
      minMsPerSample: MIN_MS,
      unit: 'MB/s of UTF-8 input',
      target: 'natter >= 0.5x emoji-regex-split on emoji-dense',
      results,
      sink: sink > 0,
    },
    null,
    2,
  ),
);

// Owns the list of benchmarks `npm run bench` knows: how to run each (full and
// smoke size) and how to turn its JSON into tables, charts and target verdicts.
import { summarizeBundle } from './bundle/summarize.mjs';
import { summarizeList } from './list/summarize.mjs';
const tsx = (script, ...args) => ['node', '--expose-gc', '--import', 'tsx', script, ...args];
const r2 = (x) => Math.round(x * 100) / 100;

export const BENCHMARKS = [
  {
    name: 'emoji',
    title: 'Emoji parse throughput (MB/s)',
    command: tsx('bench/emoji/emoji-parse.bench.ts'),
    smoke: tsx('bench/emoji/emoji-parse.bench.ts', '--rounds', '1', '--size', '20000', '--min-ms', '5'),
    summarize(d) {
      const corpora = Object.entries(d.results);
      const names = Object.keys(corpora[0][1].mbPerS);
      const rows = corpora.flatMap(([corpus, c]) =>
        names.map((n) => [corpus, n, c.mbPerS[n].median, `${c.mbPerS[n].min}–${c.mbPerS[n].max}`]),
      );
      const dense = d.results['emoji-dense'] ?? corpora.find(([k]) => k.includes('dense'))?.[1];
      const ratio = dense ? dense.ratios.natterToEmojiRegexSplit : NaN;
      return {
        tables: [{ columns: ['corpus', 'parser', 'MB/s (median)', 'min–max'], rows }],
        charts: corpora.map(([corpus, c]) => ({
          title: `${corpus}: MB/s (higher is better)`,
          unit: 'MB/s',
          bars: names.map((n) => ({ label: n, value: c.mbPerS[n].median, highlight: n === 'natter' })),
        })),
        targets: [{ name: 'natter ≥ 0.5× emoji-regex split on emoji-dense text', actual: `${r2(ratio)}×`, pass: ratio >= 0.5 }],
      };
    },
  },
  {
    name: 'fanout',
    title: 'Fan-out through the Node host vs a bare ws broadcast server',
    command: tsx('bench/fanout/fanout.bench.ts', '--rounds', '3'),
    smoke: tsx('bench/fanout/fanout.bench.ts', '--rounds', '1', '--scale', '0.01'),
    summarize(d) {
      const rows = d.summary.flatMap((s) =>
        [
          ['bare ws (ceiling)', s.ceiling],
          ['natter, SQLite NORMAL', s.normal],
          ['natter, SQLite FULL', s.full],
        ].map(([label, x]) => [
          s.case,
          label,
          x.perSecond,
          `${fmtInt(x.perSecondMin)}–${fmtInt(x.perSecondMax)}`,
          x.p50,
          x.p99,
          `${x.delivered.join('/')} of ${x.expected}`,
        ]),
      );
      const targets = d.summary.flatMap((s) => [
        { name: `${s.case}: NORMAL throughput ≥ 0.5× ceiling`, actual: `${r2(s.ratioNormal)}×`, pass: s.ratioNormal >= 0.5 },
        { name: `${s.case}: NORMAL p99 ≤ 2× ceiling`, actual: `${r2(s.p99RatioNormal)}×`, pass: s.p99RatioNormal <= 2 },
      ]);
      return {
        tables: [{ columns: ['case', 'server', 'deliveries/s (median)', 'min–max', 'p50 ms', 'p99 ms', 'delivered'], rows }],
        charts: [
          {
            title: 'Throughput as a ratio of the bare ws ceiling (higher is better)',
            unit: '×',
            referenceLine: 0.5,
            bars: d.summary.flatMap((s) => [
              { label: `${s.case} NORMAL`, value: s.ratioNormal, highlight: true },
              { label: `${s.case} FULL`, value: s.ratioFull },
            ]),
          },
        ],
        targets,
        notes: [`Window of ${d.window} unacknowledged sends per sender; one sender per group; the clients share one process.`],
      };
    },
  },
  {
    name: 'store',
    title: 'Store ingest: 100,000-message burst into natter\'s store vs stream-chat channel state',
    command: tsx('bench/store/store-ingest.bench.ts', '--rounds=5', '--stream-rounds=3'),
    smoke: tsx('bench/store/store-ingest.bench.ts', '--quick', '--rounds=1', '--stream-rounds=1', '--stream-single-count=500'),
    summarize(d) {
      const n = d.natter;
      const s = d.streamChat;
      const row = (label, x, extra = '') => [label, x.ms, x.cpuMs, x.heapMB, `${(x.allMs ?? []).join(' / ')}${extra}`];
      const r = d.ratios;
      // The speed-up target uses the burst in frames of 1,000 (how bindClient applies it) unless the data says otherwise.
      const frames = (d.targets?.speedupBasis ?? 'frames') === 'frames';
      const speedup = frames ? r.speedupOver1000PerFrame : r.speedupOver1000;
      const cpuSpeedup = frames ? r.cpu.speedupOver1000PerFrame : r.cpu.speedupOver1000;
      const other = frames ? `one flush ${r.speedupOver1000}×` : `frames of ${n.frameSize} ${r.speedupOver1000PerFrame}×`;
      const heapShare = frames ? r.heapShareOver1000PerFrame : r.heapShareOver1000;
      const linearity = frames ? r.natterLinearityPerFrame : r.natterLinearity;
      const singleLabel = s.intoOne.label ?? `${s.intoOne.messages.toLocaleString('en-US')} messages`;
      return {
        tables: [
          {
            caption: `${d.messages.toLocaleString('en-US')} messages; wall ms and CPU ms are medians; heap is what the state keeps after GC`,
            columns: ['case', 'wall ms', 'CPU ms', 'heap MB', 'rounds (wall ms)'],
            rows: [
              row(`natter, over ${d.conversations} conversations, one flush`, n.over1000),
              row(`natter, over ${d.conversations} conversations, frames of ${n.frameSize}`, n.over1000PerFrame),
              row('natter, into one conversation, one flush', n.intoOne),
              row(`natter, into one conversation, frames of ${n.frameSize}`, n.intoOnePerFrame),
              row(`stream-chat, over ${d.conversations} channels`, s.over1000),
              row(`stream-chat, into one channel (${singleLabel})`, s.intoOne),
            ],
          },
        ],
        charts: [
          {
            title: 'Speed-up over stream-chat (higher is better; target 20×)',
            unit: '×',
            referenceLine: 20,
            bars: [
              { label: 'wall, per frame', value: r.speedupOver1000PerFrame, highlight: frames },
              { label: 'CPU, per frame', value: r.cpu.speedupOver1000PerFrame, highlight: frames },
              { label: 'wall, one flush', value: r.speedupOver1000, highlight: !frames },
              { label: 'CPU, one flush', value: r.cpu.speedupOver1000, highlight: !frames },
            ],
          },
        ],
        targets: [
          {
            name: `≥ 20× stream-chat (wall, 1,000 conversations, ${frames ? `frames of ${n.frameSize.toLocaleString('en-US')}` : 'one flush'})`,
            actual: `${speedup}× (CPU ${cpuSpeedup}×; ${other})`,
            pass: speedup >= 20,
          },
          { name: 'heap ≤ 0.5× stream-chat', actual: `${heapShare}×`, pass: heapShare <= 0.5 },
          { name: 'linear: one conversation ≈ 1,000 conversations (≤ 1.5×)', actual: `${linearity}×`, pass: linearity <= 1.5 },
        ],
        notes: s.intoOne.messages < d.messages
          ? [`stream-chat's one-channel case ran at ${s.intoOne.messages.toLocaleString('en-US')} messages (quadratic, not a target); the one-conversation comparison extrapolates it to ${d.messages.toLocaleString('en-US')} by its quadratic cost.`]
          : [],
      };
    },
  },
  {
    name: 'list',
    title: 'Message list render in headless Chromium (1k / 10k / 100k messages)',
    command: tsx('bench/list/list-render.bench.ts', '--sizes', '1000,10000,100000', '--rounds', '5', '--cap-ms', '60000'),
    smoke: tsx('bench/list/list-render.bench.ts', '--sizes', '200', '--rounds', '1', '--cap-ms', '20000'),
    summarize: summarizeList,
  },
  {
    name: 'bundle',
    title: 'Bundle: minified + gzipped JS an app pays (react/react-dom excluded)',
    command: tsx('bench/bundle/bundle-size.bench.ts'),
    smoke: tsx('bench/bundle/bundle-size.bench.ts', '--vite', '8', '--apps', 'natter-headless,natter-one-hook,natter-one-hook-own'),
    summarize: summarizeBundle,
  },
];

function fmtInt(x) {
  return Math.round(x).toLocaleString('en-US');
}

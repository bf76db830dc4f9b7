// Owns the list of benchmarks `npm run bench` knows: how to run each (full and
// smoke size) and how to turn its JSON into tables, charts and target verdicts.
import { summarizeBundle } from './bundle/summarize.mjs';
import { summarizeConversationList } from './conversation-list/summarize.mjs';
import { summarizeList } from './list/summarize.mjs';
import { summarizeSearch } from './search/summarize.mjs';
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
        targets: [
          { name: 'natter ≥ 0.5× emoji-regex split on emoji-dense text', actual: `${r2(ratio)}×`, pass: ratio >= 0.5 },
        ],
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
        {
          name: `${s.case}: NORMAL throughput ≥ 0.6× ceiling`,
          actual: `${r2(s.ratioNormal)}×`,
          pass: s.ratioNormal >= 0.6,
        },
        { name: `${s.case}: NORMAL p99 ≤ 2× ceiling`, actual: `${r2(s.p99RatioNormal)}×`, pass: s.p99RatioNormal <= 2 },
      ]);
      return {
        tables: [
          { columns: ['case', 'server', 'deliveries/s (median)', 'min–max', 'p50 ms', 'p99 ms', 'delivered'], rows },
        ],
        charts: [
          {
            title: 'Throughput as a ratio of the bare ws ceiling (higher is better)',
            unit: '×',
            referenceLine: 0.6,
            bars: d.summary.flatMap((s) => [
              { label: `${s.case} NORMAL`, value: s.ratioNormal, highlight: true },
              { label: `${s.case} FULL`, value: s.ratioFull },
            ]),
          },
        ],
        targets,
        notes: [
          `Window of ${d.window} unacknowledged sends per sender; one sender per group; the clients share one process; natter runs with its default rate limit.`,
        ],
      };
    },
  },
  {
    name: 'store',
    title: "Store ingest: 100,000-message burst into natter's store vs stream-chat channel state",
    command: tsx('bench/store/store-ingest.bench.ts', '--rounds=5', '--stream-rounds=3'),
    smoke: tsx(
      'bench/store/store-ingest.bench.ts',
      '--quick',
      '--rounds=1',
      '--stream-rounds=1',
      '--stream-single-count=500',
    ),
    summarize(d) {
      const n = d.natter;
      const s = d.streamChat;
      const row = (label, x, extra = '') => [label, x.ms, x.cpuMs, x.heapMB, `${(x.allMs ?? []).join(' / ')}${extra}`];
      const r = d.ratios;
      // The speed-up target uses the burst in frames of 1,000 (how bindClient applies it) unless the data says otherwise.
      const frames = (d.targets?.speedupBasis ?? 'frames') === 'frames';
      const speedup = frames ? r.speedupOver1000PerFrame : r.speedupOver1000;
      const cpuSpeedup = frames ? r.cpu.speedupOver1000PerFrame : r.cpu.speedupOver1000;
      const other = frames
        ? `one flush ${r.speedupOver1000}×`
        : `frames of ${n.frameSize} ${r.speedupOver1000PerFrame}×`;
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
          {
            name: 'linear: one conversation ≈ 1,000 conversations (≤ 1.5×)',
            actual: `${linearity}×`,
            pass: linearity <= 1.5,
          },
        ],
        notes:
          s.intoOne.messages < d.messages
            ? [
                `stream-chat's one-channel case ran at ${s.intoOne.messages.toLocaleString('en-US')} messages (quadratic, not a target); the one-conversation comparison extrapolates it to ${d.messages.toLocaleString('en-US')} by its quadratic cost.`,
              ]
            : [],
      };
    },
  },
  {
    name: 'conversations',
    title:
      'Server: conversation list pages for a user with 5,000 conversations on 1,000,000 messages (SQLite, default limits)',
    command: tsx(
      'bench/server/conversation-pages.bench.ts',
      '--conversations',
      '5000',
      '--messages',
      '1000000',
      '--rounds',
      '3',
    ),
    smoke: tsx(
      'bench/server/conversation-pages.bench.ts',
      '--conversations',
      '500',
      '--messages',
      '5000',
      '--rounds',
      '1',
      '--sends',
      '50',
    ),
    summarize(d) {
      const row = (label, x) => [label, x.p50 ?? '', x.p99, x.max ?? ''];
      return {
        tables: [
          {
            caption: `${d.conversations.toLocaleString('en-US')} conversations, ${d.messages.toLocaleString('en-US')} messages, pages of ${d.pageSize}; medians over ${d.rounds} rounds of ${d.sends} back-to-back sends`,
            columns: ['measure (ms)', 'p50', 'p99', 'max'],
            rows: [
              row('conversations page, as the loading user sees it', d.page),
              row("other user's send, server otherwise idle", d.sendAlone),
              row("other user's send, while the list loads non-stop", d.sendLoaded),
              row('server event-loop delay, idle', d.eventLoopAlone),
              row('server event-loop delay, while the list loads', d.eventLoopLoaded),
            ],
          },
        ],
        charts: [
          {
            title: 'p99 ms (lower is better)',
            unit: 'ms',
            referenceLine: 10,
            bars: [
              { label: 'page', value: d.page.p99, highlight: true },
              { label: 'send, idle', value: d.sendAlone.p99 },
              { label: 'send, during load', value: d.sendLoaded.p99 },
              { label: 'event loop, during load', value: d.eventLoopLoaded.p99 },
            ],
          },
        ],
        targets: [
          { name: 'conversations page p99 ≤ 10 ms', actual: `${d.page.p99} ms`, pass: d.page.p99 <= 10 },
          {
            name: "other users' send p99 within 20% while one user loads its list",
            actual: `${d.sendP99Ratio}×`,
            pass: d.sendP99Ratio <= 1.2,
          },
          {
            name: 'every page and send answered ok',
            actual: `${d.failures.length} failed`,
            pass: d.failures.length === 0,
          },
        ],
        notes: [
          'The loading user asks for the next page as soon as the previous one arrives, for as long as the other user sends: a worst case, not a reader scrolling.',
        ],
      };
    },
  },
  {
    name: 'pg-send',
    title: 'Send latency on PostgreSQL at a steady send rate',
    command: tsx('bench/server/pg-send.bench.ts', '--rate', '100', '--seconds', '3', '--rounds', '3', '--fill', '3000'),
    smoke: tsx('bench/server/pg-send.bench.ts', '--rate', '20', '--seconds', '1', '--rounds', '1', '--fill', '100'),
    summarize(d) {
      return {
        tables: [
          {
            caption: `natter serve on PostgreSQL, one sender at ${d.rate} sends/s for ${d.seconds} s per round after ${d.fill} stored messages; load average at each round's end`,
            columns: ['round', 'sends', 'p50 ms', 'p99 ms', 'load'],
            rows: d.rounds.map((r, i) => [i + 1, r.n, r.p50, r.p99, r.load]),
          },
        ],
        charts: [],
        targets: [],
        notes: [
          'Sends that arrive while a commit runs go into the next one (group commit); the figure depends on how long each round trip to PostgreSQL waits for a core.',
        ],
      };
    },
  },
  {
    name: 'cluster-fanout',
    title: 'Fan-out through 1, 2 and 3 natter nodes on PostgreSQL + Redis',
    command: tsx(
      'bench/server/cluster-fanout.bench.ts',
      '--clients',
      '300',
      '--group',
      '10',
      '--per-sender',
      '100',
      '--rounds',
      '3',
    ),
    smoke: tsx(
      'bench/server/cluster-fanout.bench.ts',
      '--clients',
      '20',
      '--group',
      '10',
      '--per-sender',
      '10',
      '--rounds',
      '1',
    ),
    summarize(d) {
      const one = d.summary.find((s) => s.nodes === 1);
      const most = d.summary[d.summary.length - 1];
      const baselineLabel = { ws: 'bare ws ceiling', sqlite: '1 node, SQLite' };
      const cases = [
        ...(d.baselines ?? []).map((b) => ({ ...b, label: baselineLabel[b.name] ?? b.name, cluster: false })),
        ...d.summary.map((s) => ({
          ...s,
          label: `${s.nodes} node${s.nodes > 1 ? 's' : ''}, PostgreSQL + Redis`,
          cluster: true,
        })),
      ];
      const sqlite = (d.baselines ?? []).find((b) => b.name === 'sqlite');
      return {
        tables: [
          {
            caption: `${d.clients} clients (client i on node i mod N), groups of ${d.group}, ${d.perSender} sends per group sender, window ${d.window}; medians over ${d.rounds} rounds`,
            columns: ['server', 'deliveries/s (median)', 'p50 ms', 'p99 ms', 'server CPU µs per delivery', 'delivered'],
            rows: cases.map((s) => [
              s.label,
              s.perSecond,
              s.p50,
              s.p99,
              s.cpuUsPerDelivery,
              `${s.delivered.join('/')} of ${s.expected}`,
            ]),
          },
        ],
        charts: [
          {
            title: 'Deliveries per second (higher is better)',
            unit: '/s',
            bars: cases.map((s) => ({ label: s.label, value: s.perSecond, highlight: s.cluster && s.nodes > 1 })),
          },
        ],
        targets:
          one && most && most !== one
            ? [
                {
                  name: `${most.nodes} nodes deliver ≥ 1 node (no collapse from cross-node traffic)`,
                  actual: `${r2(most.perSecond / one.perSecond)}×`,
                  pass: most.perSecond >= one.perSecond,
                },
              ]
            : [],
        notes: [
          "All nodes, PostgreSQL, Redis and the clients share this machine's cores: CPU per delivery, not deliveries per second, is what tells how throughput grows with machines.",
          ...(one && most && most !== one
            ? [
                `How throughput grows with machines, from the costs measured here: a delivery costs ${one.cpuUsPerDelivery} µs of node CPU on one PostgreSQL node and ${most.cpuUsPerDelivery} µs (all nodes together) with ${most.nodes} nodes, ${r2(most.cpuUsPerDelivery / one.cpuUsPerDelivery)}× as much (a delivery that crosses nodes is published to Redis and framed again by the recipient's node)${sqlite ? `; one SQLite node spends ${sqlite.cpuUsPerDelivery} µs` : ''}. Each node on a machine of its own brings its own cores, so ${most.nodes} machines should deliver about ${most.nodes} × ${one.cpuUsPerDelivery} / ${most.cpuUsPerDelivery} ≈ ${r2((most.nodes * one.cpuUsPerDelivery) / Math.max(1, most.cpuUsPerDelivery))}× what one node does, until the shared PostgreSQL (a transaction per batch of sends, an event row per recipient) or Redis (a publish per recipient) saturates. Here the nodes share 2 cores, so deliveries/s cannot grow with nodes.`,
              ]
            : []),
        ],
      };
    },
  },
  {
    name: 'latency',
    title: 'Per-message latency: natter serve at its defaults vs a bare ws relay vs the embedded server',
    command: tsx('bench/server/message-latency.bench.ts', '--sends', '1000', '--outbox', '500', '--rounds', '3'),
    smoke: tsx('bench/server/message-latency.bench.ts', '--sends', '100', '--outbox', '100', '--rounds', '1'),
    summarize(d) {
      const label = { bare: 'bare ws relay', serve: 'natter serve (defaults)', embedded: 'embedded server' };
      // Server CPU per message (µs), measured where the server is its own process (results before it have none).
      const cpu = (x) => (x == null ? '' : r2(x));
      const rows = ['bare', 'serve', 'embedded'].map((k) => [
        label[k],
        d[k].p50,
        d[k].p99,
        d[k].drainMs,
        d[k].inOrder ? 'yes' : 'no',
        cpu(d[k].sendCpuUs),
        cpu(d[k].drainCpuUs),
      ]);
      const { bare, serve } = d;
      return {
        tables: [
          {
            caption: `one sender back to back (${d.sends} sends) and an outbox of ${d.outbox} written at once; medians over ${d.rounds} rounds`,
            columns: [
              'server',
              'p50 ms',
              'p99 ms',
              `outbox of ${d.outbox} drained (ms)`,
              'in order',
              'server CPU µs/message, back to back',
              'server CPU µs/message, outbox',
            ],
            rows,
          },
        ],
        charts: [
          {
            title: 'Outbox drain time as a ratio of the bare relay (lower is better)',
            unit: '×',
            referenceLine: 2,
            bars: [
              { label: 'natter serve', value: r2(serve.drainMs / bare.drainMs), highlight: true },
              { label: 'embedded', value: r2(d.embedded.drainMs / bare.drainMs) },
            ],
          },
        ],
        targets: [
          {
            name: 'natter serve p50 ≤ bare + 2 ms',
            actual: `${serve.p50} vs ${bare.p50} ms`,
            pass: serve.p50 <= bare.p50 + 2,
          },
          {
            name: 'natter serve p99 ≤ 2× bare',
            actual: `${r2(serve.p99 / bare.p99)}×`,
            pass: serve.p99 <= 2 * bare.p99,
          },
          {
            name: 'outbox drains in ≤ 2× the bare relay’s time, in order',
            actual: `${r2(serve.drainMs / bare.drainMs)}×, ${serve.inOrder ? 'in order' : 'out of order'}`,
            pass: serve.drainMs <= 2 * bare.drainMs && serve.inOrder,
          },
        ],
      };
    },
  },
  {
    name: 'list',
    // Its pages are in the run's one Vite build of the browser benchmarks' pages (bench/support/bench-pages.ts).
    pages: true,
    title: 'Message list render in headless Chromium (1k / 10k / 100k messages)',
    command: tsx(
      'bench/list/list-render.bench.ts',
      '--sizes',
      '1000,10000,100000',
      '--rounds',
      '3',
      '--cap-ms',
      '60000',
    ),
    smoke: tsx('bench/list/list-render.bench.ts', '--sizes', '200', '--rounds', '1', '--cap-ms', '20000'),
    summarize: summarizeList,
  },
  {
    name: 'jump',
    // Its pages are in the run's one Vite build of the browser benchmarks' pages (bench/support/bench-pages.ts).
    pages: true,
    title:
      'Jump to a message 99% back in a 100,000-message conversation, until its row is painted and highlighted (headless Chromium)',
    command: tsx('bench/jump/jump.bench.ts', '--messages', '100000', '--rounds', '3'),
    smoke: tsx('bench/jump/jump.bench.ts', '--messages', '2000', '--rounds', '1'),
    summarize(d) {
      const names = Object.keys(d.contenders);
      const note = {
        natter: 'MessageList jumpTo: page around the target fetched from the embedded server',
        'stream-chat-react': 'jumpToMessage: every message already in channel state',
        'react-virtuoso': 'floor: scrollToIndex over every message in memory',
      };
      return {
        tables: [
          {
            caption: `${d.messages.toLocaleString('en-US')} messages, jump to message ${d.target.toLocaleString('en-US')} (index); medians of ${d.rounds} rounds, a fresh page per run`,
            columns: ['contender', 'how', 'jump ms (median)', 'min–max', 'runs', 'errors'],
            rows: names.map((n) => {
              const c = d.contenders[n];
              return [n, note[n] ?? '', c.jumpMs.median, `${c.jumpMs.min}–${c.jumpMs.max}`, c.runs, c.errors.length];
            }),
          },
        ],
        charts: [
          {
            title: 'Jump until the target row is painted, ms (lower is better)',
            unit: 'ms',
            bars: names.map((n) => ({ label: n, value: d.contenders[n].jumpMs.median, highlight: n === 'natter' })),
          },
        ],
        targets: [
          {
            name: 'natter lands on the message in every run',
            actual: `${d.contenders.natter?.runs ?? 0} of ${d.rounds}`,
            pass: (d.contenders.natter?.runs ?? 0) === d.rounds,
          },
        ],
        notes: [
          `natter / stream-chat-react: ${d.ratios.natterToStream ?? '–'}×; natter / floor: ${d.ratios.natterToFloor ?? '–'}×`,
        ],
      };
    },
  },
  {
    name: 'conversation-list',
    // Its pages are in the run's one Vite build of the browser benchmarks' pages (bench/support/bench-pages.ts).
    pages: true,
    title:
      "Conversation list in headless Chromium (1k / 10k / 100k conversations): natter from its packed package vs stream-chat-react's ChannelList vs a bare virtualizer",
    command: tsx('bench/conversation-list/conversation-list.bench.ts', '--sizes', '1000,10000,100000', '--rounds', '3'),
    smoke: tsx('bench/conversation-list/conversation-list.bench.ts', '--sizes', '200', '--rounds', '1'),
    summarize: summarizeConversationList,
  },
  {
    name: 'bundle',
    title: 'Bundle: minified + gzipped JS an app pays (react/react-dom excluded)',
    command: tsx('bench/bundle/bundle-size.bench.ts', '--webpack'),
    smoke: tsx(
      'bench/bundle/bundle-size.bench.ts',
      '--vite',
      '8',
      '--apps',
      'natter-headless,natter-one-hook,natter-one-hook-own',
    ),
    summarize: summarizeBundle,
  },
  {
    name: 'search',
    title:
      'Message search over 1,000,000 stored messages (SQLite FTS5 word index, PostgreSQL GIN word index) while sends go on; first search in a 100,000-message memory conversation',
    command: tsx('bench/search/search.bench.ts', '--messages', '1000000', '--rounds', '40'),
    smoke: tsx('bench/search/search.bench.ts', '--messages', '3000', '--rounds', '2', '--memory-messages', '5000'),
    summarize: summarizeSearch,
  },
  {
    name: 'presence',
    title: 'Presence: a user with 5,000 connected contacts comes online',
    command: tsx('bench/presence/presence-fanout.bench.ts', '--contacts', '5000', '--rounds', '5'),
    smoke: tsx('bench/presence/presence-fanout.bench.ts', '--contacts', '200', '--rounds', '1'),
    summarize(d) {
      const cases = Object.entries(d).filter(([, v]) => v && typeof v === 'object' && 'maxBlockMs' in v);
      const batched = cases.find(([k]) => k.startsWith('batched'))?.[1];
      return {
        tables: [
          {
            caption: `${d.contacts.toLocaleString('en-US')} contacts, all connected; medians of ${d.rounds} rounds; in-process peers, SQLite in memory`,
            columns: ['fan-out', 'longest event-loop block ms', 'all contacts told ms', 'frames per contact'],
            rows: cases.map(([k, v]) => [k, v.maxBlockMs, v.allHeardMs, v.framesPerContact]),
          },
        ],
        charts: [
          {
            title: 'Longest event-loop block, ms (lower is better)',
            unit: 'ms',
            bars: cases.map(([k, v]) => ({ label: k, value: v.maxBlockMs, highlight: k.startsWith('batched') })),
          },
        ],
        targets: batched
          ? [
              {
                name: 'one presence frame per contact (coalesced)',
                actual: `${batched.framesPerContact}`,
                pass: batched.framesPerContact === 1,
              },
            ]
          : [],
      };
    },
  },
  {
    name: 'calls',
    title: 'Call set-up: accept → first remote video frame decoded (1:1, loopback)',
    command: tsx('bench/calls/call-connect.bench.ts', '--calls', '20'),
    smoke: tsx('bench/calls/call-connect.bench.ts', '--calls', '2'),
    summarize(d) {
      return {
        tables: [
          {
            caption: d.transport,
            columns: ['calls', 'p50 ms', 'p99 ms', 'min ms', 'max ms'],
            rows: [[d.calls, d.p50, d.p99, d.stats.min, d.stats.max]],
          },
        ],
        charts: [
          {
            title: 'accept → first remote frame (ms, lower is better)',
            unit: 'ms',
            bars: [
              { label: 'p50', value: d.p50, highlight: true },
              { label: 'p99', value: d.p99 },
            ],
          },
        ],
        targets: [],
        notes: ["No peer is compared: no other kit's calls run on this machine."],
      };
    },
  },
  {
    name: 'playground',
    title: '`npm start`: Storybook dev server to the first usable chat in the Playground (Chromium)',
    // Two Storybook dev-server starts: the longest smoke run, so a parallel smoke run starts it first.
    smokeFirst: true,
    command: tsx('bench/playground/cold-start.bench.ts', '--rounds', '2'),
    smoke: tsx('bench/playground/cold-start.bench.ts', '--rounds', '1'),
    summarize(d) {
      const s = (ms) => r2(ms / 1000);
      return {
        tables: [
          {
            columns: ['start', 'server answers, s', 'first usable chat, s', 'page loads'],
            rows: d.runs.map((r) => [r.kind, s(r.serverMs), s(r.usableMs), r.pageLoads]),
          },
        ],
        charts: [
          {
            title: 'Start to first usable chat, median (s, lower is better)',
            unit: 's',
            referenceLine: 30,
            bars: [
              { label: 'cold (empty Vite cache)', value: s(d.cold.usableMs), highlight: true },
              { label: 'warm', value: s(d.warm.usableMs) },
            ],
          },
        ],
        targets: [
          {
            name: 'cold start to first usable chat ≤ 30 s',
            actual: `${s(d.cold.usableMs)} s`,
            pass: d.cold.usableMs <= 30_000,
          },
          {
            name: 'no reload for late-discovered dependencies (one page load)',
            actual: `${d.cold.maxPageLoads}`,
            pass: d.cold.maxPageLoads === 1,
          },
        ],
        notes: [
          "Usable: Alice's message typed in her pane and shown in Bob's. Before prop tables came from Babel's react-docgen under `npm start` (the TypeScript checker's still for the built Storybook) the same measure was 60–66 s cold on this machine.",
        ],
      };
    },
  },
  {
    name: 'offline',
    // Its pages are in the run's one Vite build of the browser benchmarks' pages (bench/support/bench-pages.ts).
    pages: true,
    title:
      'Offline start: reload to first cached message painted vs a cold start over the network (1,000 conversations, 10,000 messages)',
    command: tsx('bench/offline/offline-start.bench.ts', '--conversations', '1000', '--per', '10', '--rounds', '5'),
    smoke: tsx('bench/offline/offline-start.bench.ts', '--conversations', '10', '--per', '2', '--rounds', '1'),
    summarize(d) {
      const row = (label, x) => [label, x.median, `${r2(x.min)}–${r2(x.max)}`];
      return {
        tables: [
          {
            caption: `${d.conversations.toLocaleString('en-US')} conversations, ${d.messages.toLocaleString('en-US')} messages (${d.cached.toLocaleString('en-US')} in the cache); navigation start → first message row of the open conversation; ${d.rounds} rounds`,
            columns: ['start', 'ms (median)', 'min–max'],
            rows: [row('reload (IndexedDB cache)', d.reloadMs), row('cold (over the network)', d.coldMs)],
          },
        ],
        charts: [
          {
            title: 'First message painted (ms, lower is better)',
            unit: 'ms',
            referenceLine: 150,
            bars: [
              { label: 'reload', value: d.reloadMs.median, highlight: true },
              { label: 'cold', value: d.coldMs.median },
            ],
          },
        ],
        targets: [
          { name: 'reload ≤ 150 ms', actual: `${d.reloadMs.median} ms`, pass: d.reloadMs.median <= 150 },
          { name: 'reload ≤ 0.3× cold', actual: `${r2(d.ratio)}×`, pass: d.ratio <= 0.3 },
        ],
      };
    },
  },
];

function fmtInt(x) {
  return Math.round(x).toLocaleString('en-US');
}

// Owns the list of benchmarks `npm run bench` knows: how to run each (full and
// smoke size) and how to turn its JSON into tables, charts and target verdicts.
import { summarizeBundle } from './bundle/summarize.mjs';
import { summarizeConversationList } from './conversation-list/summarize.mjs';
import { summarizeList } from './list/summarize.mjs';
import { summarizeSearch } from './search/summarize.mjs';
import { summarizeEmoji } from './emoji/summarize.mjs';
import { summarizeFanout } from './fanout/summarize.mjs';
import { summarizeStore } from './store/summarize.mjs';
import { summarizeConversations } from './server/summarize-conversations.mjs';
import { summarizePgSend } from './server/summarize-pg-send.mjs';
import { summarizeClusterFanout } from './server/summarize-cluster-fanout.mjs';
import { summarizeLatency } from './server/summarize-latency.mjs';
import { summarizeJump } from './jump/summarize.mjs';
import { summarizePresence } from './presence/summarize.mjs';
import { summarizeCalls } from './calls/summarize.mjs';
import { summarizePlayground } from './playground/summarize.mjs';
import { summarizeOffline } from './offline/summarize.mjs';
const tsx = (script, ...args) => ['node', '--expose-gc', '--import', 'tsx', script, ...args];

// In the order a full run measures them: those the issues set targets for first, so a run cut short keeps them.
export const BENCHMARKS = [
  {
    name: 'latency',
    // Runs on the packed package: started once the run has packed it.
    packed: true,
    title: 'Per-message latency: natter serve at its defaults vs a bare ws relay vs the embedded server',
    // Five rounds: one server's outbox drain varied from 14 to 26 ms from one round to the next.
    command: tsx('bench/server/message-latency.bench.ts', '--sends', '1000', '--outbox', '500', '--rounds', '5'),
    smoke: tsx(
      'bench/server/message-latency.bench.ts',
      '--sends',
      '100',
      '--outbox',
      '100',
      '--rounds',
      '1',
      '--warmup',
      '200',
      // Away 0.3 s before the outbox, not 5 s: the smoke run checks the shape, five servers wait it out.
      '--offline-ms',
      '300',
    ),
    summarize: summarizeLatency,
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
    smoke: tsx('bench/jump/jump.bench.ts', '--messages', '2000', '--rounds', '1', '--step-timeout-ms', '15000'),
    summarize: summarizeJump,
  },
  {
    name: 'offline',
    // Its pages are in the run's one Vite build of the browser benchmarks' pages (bench/support/bench-pages.ts).
    pages: true,
    title:
      'Offline start: reload to first cached message painted vs a cold start over the network (1,000 conversations, 10,000 messages)',
    command: tsx('bench/offline/offline-start.bench.ts', '--conversations', '1000', '--per', '10', '--rounds', '9'),
    smoke: tsx('bench/offline/offline-start.bench.ts', '--conversations', '10', '--per', '2', '--rounds', '1'),
    summarize: summarizeOffline,
  },
  {
    name: 'bundle',
    // Runs on the packed package: started once the run has packed it.
    packed: true,
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
    name: 'fanout',
    // Runs on the packed package: started once the run has packed it.
    packed: true,
    title: 'Fan-out through the Node host vs a bare ws broadcast server',
    command: tsx('bench/fanout/fanout.bench.ts', '--rounds', '3'),
    smoke: tsx('bench/fanout/fanout.bench.ts', '--rounds', '1', '--scale', '0.01'),
    summarize: summarizeFanout,
  },
  {
    name: 'search',
    // Runs on the packed package: started once the run has packed it.
    packed: true,
    title:
      'Message search over 1,000,000 stored messages (SQLite FTS5 word index, PostgreSQL GIN word index) while sends go on; first search in a 100,000-message memory conversation',
    command: tsx('bench/search/search.bench.ts', '--messages', '1000000', '--rounds', '200'),
    smoke: tsx('bench/search/search.bench.ts', '--messages', '3000', '--rounds', '2', '--memory-messages', '5000'),
    summarize: summarizeSearch,
  },
  {
    name: 'store',
    // Runs on the packed package: started once the run has packed it.
    packed: true,
    title: "Store ingest: 100,000-message burst into natter's store vs stream-chat channel state",
    command: tsx('bench/store/store-ingest.bench.ts', '--rounds=5', '--stream-rounds=3'),
    smoke: tsx(
      'bench/store/store-ingest.bench.ts',
      '--quick',
      '--rounds=1',
      '--stream-rounds=1',
      '--stream-single-count=500',
    ),
    summarize: summarizeStore,
  },
  {
    name: 'presence',
    // Runs on the packed package: started once the run has packed it.
    packed: true,
    title: 'Presence: a user with 5,000 connected contacts comes online',
    command: tsx('bench/presence/presence-fanout.bench.ts', '--contacts', '5000', '--rounds', '5'),
    smoke: tsx('bench/presence/presence-fanout.bench.ts', '--contacts', '200', '--rounds', '1'),
    summarize: summarizePresence,
  },
  {
    name: 'calls',
    title: 'Call set-up: accept → first remote video frame decoded (1:1, loopback)',
    command: tsx('bench/calls/call-connect.bench.ts', '--calls', '20'),
    smoke: tsx('bench/calls/call-connect.bench.ts', '--calls', '2'),
    summarize: summarizeCalls,
  },
  {
    name: 'cluster-fanout',
    // Runs on the packed package: started once the run has packed it.
    packed: true,
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
      // One node and two (crossing nodes) keep every code path of the bench; a third adds only time.
      '--nodes',
      '1,2',
    ),
    summarize: summarizeClusterFanout,
  },
  {
    name: 'pg-send',
    // Runs on the packed package: started once the run has packed it.
    packed: true,
    title: 'Send latency on PostgreSQL at a steady send rate',
    command: tsx('bench/server/pg-send.bench.ts', '--rate', '100', '--seconds', '3', '--rounds', '3', '--fill', '3000'),
    smoke: tsx('bench/server/pg-send.bench.ts', '--rate', '20', '--seconds', '1', '--rounds', '1', '--fill', '100'),
    summarize: summarizePgSend,
  },
  {
    name: 'conversations',
    // Runs on the packed package: started once the run has packed it.
    packed: true,
    title:
      'Server: conversation list pages for a user with 5,000 conversations on 1,000,000 messages (SQLite, default limits)',
    command: tsx(
      'bench/server/conversation-pages.bench.ts',
      '--conversations',
      '5000',
      '--messages',
      '1000000',
      '--rounds',
      '20',
    ),
    smoke: tsx(
      'bench/server/conversation-pages.bench.ts',
      '--conversations',
      '500',
      '--messages',
      '5000',
      '--rounds',
      '2',
    ),
    summarize: summarizeConversations,
  },
  {
    name: 'playground',
    title: '`npm start`: Storybook dev server to the first usable chat in the Playground (Chromium)',
    // Two Storybook dev-server starts: the longest smoke run, so a parallel smoke run starts it first.
    smokeFirst: true,
    command: tsx('bench/playground/cold-start.bench.ts', '--rounds', '2'),
    smoke: tsx('bench/playground/cold-start.bench.ts', '--rounds', '1', '--cold-only'),
    summarize: summarizePlayground,
  },
  {
    name: 'emoji',
    // Runs on the packed package: started once the run has packed it.
    packed: true,
    title: 'Emoji parse throughput (MB/s)',
    command: tsx('bench/emoji/emoji-parse.bench.ts'),
    smoke: tsx('bench/emoji/emoji-parse.bench.ts', '--rounds', '1', '--size', '20000', '--min-ms', '5'),
    summarize: summarizeEmoji,
  },
];

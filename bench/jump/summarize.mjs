// Owns turning the JSON of the jump-to-message benchmark into the report's tables, charts and
// target verdicts (bench/registry.mjs lists it; bench/report.mjs renders it).

export function summarizeJump(d) {
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
}

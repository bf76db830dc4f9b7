// Owns turning the JSON of the fan-out benchmark into the report's tables, charts and
// target verdicts (bench/registry.mjs lists it; bench/report.mjs renders it).

const r2 = (x) => Math.round(x * 100) / 100;
const fmtInt = (x) => Math.round(x).toLocaleString('en-US');

export function summarizeFanout(d) {
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
      `Window of ${d.window} unacknowledged sends per sender; one sender per group; the clients share one process; natter is the packed @natter/server at its defaults (rate limit included), with only the cap on connections per address off (every client is 127.0.0.1).`,
    ],
  };
}

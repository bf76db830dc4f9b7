// Owns turning the JSON of the call set-up benchmark into the report's tables, charts and
// target verdicts (bench/registry.mjs lists it; bench/report.mjs renders it).

export function summarizeCalls(d) {
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
}

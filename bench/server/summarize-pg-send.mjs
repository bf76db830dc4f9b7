// Owns turning the JSON of the PostgreSQL send latency benchmark into the report's tables, charts and
// target verdicts (bench/registry.mjs lists it; bench/report.mjs renders it).

export function summarizePgSend(d) {
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
}

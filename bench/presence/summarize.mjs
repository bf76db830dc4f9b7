// Owns turning the JSON of the presence fan-out benchmark into the report's tables, charts and
// target verdicts (bench/registry.mjs lists it; bench/report.mjs renders it).

export function summarizePresence(d) {
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
}

// Owns turning the JSON of the offline start benchmark into the report's tables, charts and
// target verdicts (bench/registry.mjs lists it; bench/report.mjs renders it).

const r2 = (x) => Math.round(x * 100) / 100;

export function summarizeOffline(d) {
  const row = (label, x) => [label, x.median, `${r2(x.min)}–${r2(x.max)}`];
  return {
    tables: [
      {
        caption: `${d.conversations.toLocaleString('en-US')} conversations, ${d.messages.toLocaleString('en-US')} messages (${d.cached.toLocaleString('en-US')} in the cache); the packed package in a production build; navigation start → paint of the first message row of the open conversation${d.reloadPaintedBeforeSocket === undefined ? '' : ` (${d.reloadPaintedBeforeSocket} of ${d.rounds} reloads painted it before the socket was open)`}; ${d.rounds} rounds`,
        columns: ['start', 'ms (median)', 'min–max'],
        rows: [
          row('reload (IndexedDB cache)', d.reloadMs),
          row('cold (over the network)', d.coldMs),
          // The reference arm: a minimal Vite + React page reading one IndexedDB record, one row.
          ...(d.floorMs
            ? [row(`floor: React + one IndexedDB record, one row (reload ${r2(d.reloadToFloor)}× it)`, d.floorMs)]
            : []),
        ],
      },
      ...(d.beforePaint && d.mainThread
        ? [
            {
              caption: `Before the first row was painted (load-proof): scripts loaded (from the network), IndexedDB reads, and the renderer main thread's busy and CPU time in the traced starts of each arm (median)${d.httpCache ? '; the page is served as a deployed Vite app (hashed assets cached by the browser)' : '; no HTTP caching'}`,
              columns: [
                'start',
                'scripts (network)',
                'script KiB',
                'IndexedDB requests / records / KiB',
                'main thread busy ms (script)',
                'main thread CPU ms',
              ],
              rows: [
                ['reload', d.beforePaint.reload, d.mainThread.reload],
                ['cold', d.beforePaint.cold, d.mainThread.cold],
                ...(d.beforePaint.floor && d.mainThread.floor
                  ? [['floor (reference)', d.beforePaint.floor, d.mainThread.floor]]
                  : []),
              ].map(([label, b, m]) => [
                label,
                `${b.scripts} (${b.scriptsFromNetwork})`,
                Math.round(b.scriptBytes / 1024),
                `${b.idbRequests} / ${b.idbRecords} / ${b.idbBytes ? Math.round(b.idbBytes / 1024) : '–'}`,
                `${Math.round(m.busyMs)} (${Math.round(m.scriptMs)})`,
                m.cpuMs === undefined ? '–' : Math.round(m.cpuMs),
              ]),
            },
          ]
        : []),
    ],
    charts: [
      {
        title: 'First message painted (ms, lower is better)',
        unit: 'ms',
        referenceLine: 150,
        bars: [
          { label: 'reload', value: d.reloadMs.median, highlight: true },
          { label: 'cold', value: d.coldMs.median },
          ...(d.floorMs ? [{ label: 'floor (React, one record)', value: d.floorMs.median }] : []),
        ],
      },
    ],
    targets: [
      { name: 'reload ≤ 150 ms', actual: `${d.reloadMs.median} ms`, pass: d.reloadMs.median <= 150 },
      { name: 'reload ≤ 0.3× cold', actual: `${r2(d.ratio)}×`, pass: d.ratio <= 0.3 },
    ],
  };
}

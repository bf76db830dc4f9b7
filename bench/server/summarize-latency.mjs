// Owns turning the JSON of the per-message latency benchmark into the report's tables, charts and
// target verdicts (bench/registry.mjs lists it; bench/report.mjs renders it).

const r2 = (x) => Math.round(x * 100) / 100;

export function summarizeLatency(d) {
  const label = {
    bare: 'bare ws relay',
    serve: 'natter serve (defaults)',
    embedded: 'embedded server',
    bareApart: 'bare ws relay, on a CPU apart from the clients',
    serveApart: 'natter serve (defaults), on a CPU apart from the clients',
  };
  // Server CPU per message (µs), measured where the server is its own process (results before it have none).
  const cpu = (x) => (x == null ? '' : r2(x));
  // Results before the servers were also measured on CPUs of their own have no such rows.
  const rows = ['bare', 'serve', 'embedded', 'bareApart', 'serveApart']
    .filter((k) => d[k])
    .map((k) => [
      label[k],
      d[k].p50,
      d[k].p99,
      d[k].drainMs,
      d[k].inOrder ? 'yes' : 'no',
      cpu(d[k].sendCpuUs),
      cpu(d[k].drainCpuUs),
    ]);
  const { bare, serve } = d;
  // Both rows or neither: --only may have measured one of them.
  const apart = d.serveApart && d.bareApart ? { bare: d.bareApart, serve: d.serveApart } : null;
  return {
    tables: [
      {
        caption: `one sender back to back (${d.sends} sends) and an outbox of ${d.outbox} written at once; medians over ${d.rounds} rounds${
          d.warmup ? `; each server first carried ${d.warmup} messages between other users (warm-up, not measured)` : ''
        }`,
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
      ...clientTable(d),
    ],
    charts: [
      {
        title: 'Outbox drain time as a ratio of the bare relay (lower is better)',
        unit: '×',
        referenceLine: 2,
        bars: [
          { label: 'natter serve', value: r2(serve.drainMs / bare.drainMs), highlight: true },
          { label: 'embedded', value: r2(d.embedded.drainMs / bare.drainMs) },
          ...(apart ? [{ label: 'natter serve, CPU apart', value: r2(apart.serve.drainMs / apart.bare.drainMs) }] : []),
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
    notes: [
      'natter serve is the `natter serve` command of the packed @natter/server (its bin, `--dev`, SQLite on a temp file, every other setting at its default); the embedded server and its client come from the packed natter package.',
      ...placementNotes(d.placement, apart),
    ],
  };
}

/** natter's own client's outbox on natter serve, beside the same servers' drain of raw protocol frames (none in older results). */
function clientTable(d) {
  const rows = [
    ['natter serve (defaults)', d.serve],
    ['natter serve (defaults), on a CPU apart from the clients', d.serveApart],
  ]
    .filter(([, x]) => x?.client)
    .map(([label, x]) => [label, x.client.queueMs, x.client.drainMs, x.drainMs, x.client.inOrder ? 'yes' : 'no']);
  if (rows.length === 0) return [];
  return [
    {
      caption: `an outbox of ${d.outbox} as an app has it: sent with natter's ChatClient (packed) while offline, its outbox kept in Web Storage (in memory), then connected; medians over ${d.rounds} rounds`,
      columns: [
        'server',
        'queueing them offline (ms)',
        'from connect() until the receiver has all (ms)',
        'the same server draining raw frames (ms)',
        'in order',
      ],
      rows,
    },
  ];
}

/** Where the servers ran apart from the clients, and the ratios there (the targets are judged sharing the CPUs). */
function placementNotes(placement, apart) {
  if (placement === undefined) return [];
  if (placement === null) return ['One CPU: the servers and the clients shared it; nothing was measured apart.'];
  const notes = [
    `The rows "on a CPU apart" ran the bare relay and natter serve on CPU ${placement.server} and the clients (this bench) on CPU ${placement.client}, as when clients reach a server from other machines; the other rows share every CPU, where Linux tends to queue a client and the server it writes to on one CPU while another is idle. The targets are judged sharing the CPUs, as this bench always measured them.`,
  ];
  if (apart)
    notes.push(
      `On a CPU apart from the clients, natter serve vs the bare relay: p50 ${apart.serve.p50} vs ${apart.bare.p50} ms, p99 ${r2(apart.serve.p99 / apart.bare.p99)}×, outbox ${r2(apart.serve.drainMs / apart.bare.drainMs)}×.`,
    );
  return notes;
}

// Owns turning the JSON of the cluster fan-out benchmark into the report's tables, charts and
// target verdicts (bench/registry.mjs lists it; bench/report.mjs renders it).

const r2 = (x) => Math.round(x * 100) / 100;

export function summarizeClusterFanout(d) {
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
        caption: `${d.clients} clients (client i on node (i + ⌊i / group⌋) mod N: group g's sender on node g mod N), groups of ${d.group}, ${d.perSender} sends per group sender, window ${d.window}; medians over ${d.rounds} rounds`,
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
}

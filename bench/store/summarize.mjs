// Owns turning the JSON of the store ingest benchmark into the report's tables, charts and
// target verdicts (bench/registry.mjs lists it; bench/report.mjs renders it).

export function summarizeStore(d) {
  const n = d.natter;
  const s = d.streamChat;
  const row = (label, x, extra = '') => [label, x.ms, x.cpuMs, x.heapMB, `${(x.allMs ?? []).join(' / ')}${extra}`];
  const r = d.ratios;
  // The speed-up target uses the burst in frames of 1,000 (how bindClient applies it) unless the data says otherwise.
  const frames = (d.targets?.speedupBasis ?? 'frames') === 'frames';
  const speedup = frames ? r.speedupOver1000PerFrame : r.speedupOver1000;
  const cpuSpeedup = frames ? r.cpu.speedupOver1000PerFrame : r.cpu.speedupOver1000;
  const other = frames ? `one flush ${r.speedupOver1000}×` : `frames of ${n.frameSize} ${r.speedupOver1000PerFrame}×`;
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
}

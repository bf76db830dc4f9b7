// Owns turning the list benchmark's JSON into the report's table, charts
// (ratios to bare react-virtuoso, the floor) and the issues' targets, checked
// at the largest size natter was measured at (100,000 in a full run): natter
// against the peers, and natter with features against the plain natter list.
import { fmt } from '../svg-chart.mjs';

const PEERS_LABEL = {
  natter: 'natter',
  'natter-features': 'natter, 10% reactions + 5% replies',
  'stream-chat-react': 'stream-chat-react',
  chatscope: 'chatscope',
  'react-virtuoso': 'react-virtuoso (floor)',
};
const OFF_SCALE = 50;
const cell = (s) => (s ? `${fmt(s.median)} (${fmt(s.min)}–${fmt(s.max)})` : '–');

export function summarizeList(d) {
  const rows = [];
  for (const n of d.sizes) {
    for (const c of d.contenders) {
      const r = d.results[n]?.[c];
      if (d.skipped?.[c]) {
        rows.push([n, PEERS_LABEL[c] ?? c, `not run: ${d.skipped[c]}`, '', '', '', '', '', '', '', '']);
        continue;
      }
      if (!r || !r.runs) {
        rows.push([
          n,
          PEERS_LABEL[c] ?? c,
          r?.capped ?? (r?.errors?.length ? `failed: ${r.errors[0]}` : 'not run'),
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
        ]);
        continue;
      }
      const shift = r.prependShiftPx ? cell(r.prependShiftPx) : '–';
      const bottomShift = r.prependBottomShiftPx ? cell(r.prependBottomShiftPx) : '–';
      rows.push([
        n,
        `${PEERS_LABEL[c] ?? c}${r.runs < d.rounds ? ` (${r.runs} run${r.runs > 1 ? 's' : ''})` : ''}`,
        cell(r.firstPaintMs),
        cell(r.ingestMs),
        Math.round(r.domElements.median).toLocaleString('en-US'),
        cell(r.heapMB),
        cell(r.appendMs),
        cell(r.prependBottomMs),
        `${bottomShift}${r.anchorLostBottom ? `, anchor lost ×${r.anchorLostBottom}` : ''}`,
        cell(r.prependMs),
        `${shift}${r.anchorLost ? `, anchor lost ×${r.anchorLost}` : ''}`,
      ]);
    }
  }

  // The size the targets are read at: the largest one natter has figures for.
  const natterSizes = d.sizes.filter((n) => d.results[n]?.natter?.runs);
  const at = natterSizes.length ? natterSizes[natterSizes.length - 1] : d.sizes[d.sizes.length - 1];
  const res = d.results[at] ?? {};
  const floor = res['react-virtuoso'];
  const charts = [];
  const notes = [];
  for (const [key, label] of [
    ['firstPaintMs', 'First paint'],
    ['appendMs', 'Append one'],
    ['prependBottomMs', 'Prepend 50 (reader at the bottom)'],
    ['prependMs', 'Prepend 50 (reader at the top)'],
  ]) {
    if (!floor?.[key]) continue;
    const bars = [];
    for (const c of d.contenders) {
      const v = res[c]?.[key]?.median;
      if (v === undefined) continue;
      const ratio = v / floor[key].median;
      if (ratio > OFF_SCALE) {
        notes.push(
          `${label} at ${Number(at).toLocaleString('en-US')}: ${c} is ${fmt(ratio)}× the floor (${fmt(v)} ms), left off the chart's scale.`,
        );
        continue;
      }
      bars.push({
        label: `${PEERS_LABEL[c] ?? c} (${fmt(v)} ms)`,
        value: ratio,
        highlight: c === 'natter' || c === 'natter-features',
      });
    }
    charts.push({
      title: `${label} at ${Number(at).toLocaleString('en-US')} messages, ratio to bare react-virtuoso (lower is better)`,
      unit: '×',
      referenceLine: 1,
      bars,
    });
  }

  const ratio = (a, b) => (a !== undefined && b ? a / b : undefined);
  const med = (c, k) => res[c]?.[k]?.median;
  const show = (x, unit = '×') => (x === undefined ? 'not measured' : `${fmt(x)}${unit}`);
  const fp2s = ratio(med('natter', 'firstPaintMs'), med('stream-chat-react', 'firstPaintMs'));
  const fp2v = ratio(med('natter', 'firstPaintMs'), med('react-virtuoso', 'firstPaintMs'));
  const ap2v = ratio(med('natter', 'appendMs'), med('react-virtuoso', 'appendMs'));
  const pp2v = ratio(med('natter', 'prependMs'), med('react-virtuoso', 'prependMs'));
  const ppb2v = ratio(med('natter', 'prependBottomMs'), med('react-virtuoso', 'prependBottomMs'));
  const n = res.natter;
  const bottomShift = n?.prependBottomShiftPx
    ? Math.max(Math.abs(n.prependBottomShiftPx.min), Math.abs(n.prependBottomShiftPx.max))
    : undefined;
  const worstShift = n?.prependShiftPx
    ? Math.max(Math.abs(n.prependShiftPx.min), Math.abs(n.prependShiftPx.max))
    : undefined;
  const domN = med('natter', 'domElements');
  const domS = med('stream-chat-react', 'domElements');
  const heapN = med('natter', 'heapMB');
  const heapS = med('stream-chat-react', 'heapMB');
  const where = `at ${Number(at).toLocaleString('en-US')}`;
  const targets = [
    {
      name: `first paint ${where} ≤ 0.25× stream-chat-react`,
      actual: show(fp2s),
      pass: fp2s !== undefined && fp2s <= 0.25,
    },
    {
      name: `first paint ${where} ≤ 1.6× bare react-virtuoso`,
      actual: show(fp2v),
      pass: fp2v !== undefined && fp2v <= 1.6,
    },
    {
      name: `append one ${where} ≤ 1.5× bare react-virtuoso`,
      actual: show(ap2v),
      pass: ap2v !== undefined && ap2v <= 1.5,
    },
    {
      name: `prepend 50 ${where}, reader at the bottom, ≤ 2× bare react-virtuoso`,
      actual: show(ppb2v),
      pass: ppb2v !== undefined && ppb2v <= 2,
    },
    {
      name: `prepend 50 ${where}, reader at the bottom: nothing on screen moved (|shift| < 0.5 px in every run)`,
      actual: n?.runs
        ? `${bottomShift === undefined ? 'anchor lost' : `${fmt(bottomShift)} px worst`}${n.anchorLostBottom ? `, lost in ${n.anchorLostBottom} run(s)` : ''}`
        : 'not measured',
      pass: bottomShift !== undefined && bottomShift < 0.5 && !n.anchorLostBottom,
    },
    {
      name: `prepend 50 ${where}, reader at the top, ≤ 2× bare react-virtuoso`,
      actual: show(pp2v),
      pass: pp2v !== undefined && pp2v <= 2,
    },
    {
      name: `prepend 50 ${where}, reader at the top: anchor moved 0 px (|shift| < 0.5 px in every run)`,
      actual: n?.runs
        ? `${worstShift === undefined ? 'anchor lost' : `${fmt(worstShift)} px worst`}${n.anchorLost ? `, lost in ${n.anchorLost} run(s)` : ''}`
        : 'not measured',
      pass: worstShift !== undefined && worstShift < 0.5 && !n.anchorLost,
    },
    {
      name: `DOM elements ${where} ≤ stream-chat-react's`,
      actual:
        domN === undefined ? 'not measured' : `${fmt(domN)} vs ${domS === undefined ? 'not measured' : fmt(domS)}`,
      pass: domN !== undefined && domS !== undefined && domN <= domS,
    },
    {
      name: `JS heap growth ${where} ≤ stream-chat-react's`,
      actual:
        heapN === undefined
          ? 'not measured'
          : `${fmt(heapN)} MB vs ${heapS === undefined ? 'not measured' : `${fmt(heapS)} MB`}`,
      pass: heapN !== undefined && heapS !== undefined && heapN <= heapS,
    },
  ];
  targets.push(...featureTargets(res, where));
  for (const [c, why] of Object.entries(d.cappedAt ?? {})) notes.push(`${c}: ${why}.`);
  for (const [k, v] of Object.entries(d.definitions ?? {})) notes.push(`${k}: ${v}.`);
  if (d.contenders.includes('natter-features'))
    notes.push(
      `${PEERS_LABEL['natter-features']}: the same messages as every list, of which 10% carry 1–3 reactions (by the peer, the viewer or both) and 5% quote an earlier message, drawn by natter's own rows; measured in the same run as the plain natter list.`,
    );
  notes.push(
    `List box ${d.listBox.width}×${d.listBox.height} px in a ${d.viewport.width}×${d.viewport.height} viewport; headless Chromium at 60 frames/s; a fresh page per run; ${d.rounds} round(s), contenders alternating.`,
  );
  return {
    tables: [
      {
        columns: [
          'messages',
          'list',
          'first paint ms',
          'ingest ms',
          'DOM elements',
          'heap MB',
          'append ms',
          'prepend 50 at bottom ms',
          'shift at bottom px',
          'prepend 50 at top ms',
          'anchor shift px',
        ],
        rows,
        caption: 'medians (min–max) over rounds',
      },
    ],
    charts,
    targets,
    notes,
  };
}

/** The list whose messages carry reactions and replies keeps within 1.2× the plain natter list of the same run. */
function featureTargets(res, where) {
  const plain = res.natter;
  const features = res['natter-features'];
  return [
    ['firstPaintMs', 'first paint'],
    ['appendMs', 'append one'],
    ['prependBottomMs', 'prepend 50 (reader at the bottom)'],
    ['prependMs', 'prepend 50 (reader at the top)'],
  ].map(([key, label]) => {
    const a = features?.[key]?.median;
    const b = plain?.[key]?.median;
    const x = a !== undefined && b ? a / b : undefined;
    return {
      name: `${label} ${where} with 10% reactions and 5% replies ≤ 1.2× the plain natter list`,
      actual: x === undefined ? 'not measured' : `${fmt(x)}× (${fmt(a)} vs ${fmt(b)} ms)`,
      pass: x !== undefined && x <= 1.2,
    };
  });
}

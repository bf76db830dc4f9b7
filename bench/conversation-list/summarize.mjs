// Owns turning the conversation list benchmark's JSON into the report's table,
// a chart of ratios to the bare virtualizer (the floor) and the targets
// (first paint ≤ 1.5× the floor, update ≤ 2 frames, DOM ≤ 400), read at every size.
import { fmt } from '../svg-chart.mjs';

const cell = (s) => (s ? `${fmt(s.median)} (${fmt(s.min)}–${fmt(s.max)})` : '–');
const FRAME_MS = 1000 / 60;

export function summarizeConversationList(d) {
  const label = Object.fromEntries(d.contenders.map((c) => [c.name, c.label]));
  const rows = [];
  const targets = [];
  const bars = [];
  for (const n of d.sizes) {
    const size = Number(n).toLocaleString('en-US');
    for (const { name } of d.contenders) {
      const r = d.results[n]?.[name];
      if (!r?.runs) {
        rows.push([size, label[name], r?.errors?.length ? `failed: ${r.errors[0]}` : 'not run', '', '', '', '']);
        continue;
      }
      rows.push([
        size,
        label[name],
        cell(r.firstPaintMs),
        Math.round(r.domElements.median),
        cell(r.heapMB),
        cell(r.updateMs),
        r.scrollToEndMs ? cell(r.scrollToEndMs) : 'capped',
      ]);
    }
    const natter = d.results[n]?.natter;
    const ratios = d.ratios[n] ?? {};
    if (!natter?.runs) {
      targets.push({ name: `${size}: natter measured`, actual: natter?.errors?.[0] ?? 'not run', pass: false });
      continue;
    }
    const paint = ratios.firstPaintToFloor;
    targets.push({
      name: `${size}: first paint ≤ 1.5× the floor`,
      actual: paint === null ? '–' : `${fmt(paint)}×`,
      pass: paint !== null && paint <= 1.5,
    });
    targets.push({
      name: `${size}: new message repainted at the top within 2 frames`,
      actual: `${fmt(natter.updateMs.median)} ms`,
      pass: natter.updateMs.median <= 2 * FRAME_MS,
    });
    targets.push({
      name: `${size}: DOM ≤ 400 elements`,
      actual: `${Math.round(natter.domElements.median)}`,
      pass: natter.domElements.median <= 400,
    });
    if (paint !== null) bars.push({ label: `${size}: first paint`, value: paint, highlight: true });
    if (ratios.updateToFloor !== null && ratios.updateToFloor !== undefined)
      bars.push({ label: `${size}: update`, value: ratios.updateToFloor });
    const streamPaint = d.results[n]?.stream?.firstPaintMs?.median;
    const floorPaint = d.results[n]?.floor?.firstPaintMs?.median;
    if (streamPaint && floorPaint)
      bars.push({
        label: `${size}: stream-chat-react first paint`,
        value: Math.round((streamPaint / floorPaint) * 100) / 100,
      });
  }
  return {
    tables: [
      {
        caption: `${d.listBox.width}×${d.listBox.height} list box; medians (min–max) over ${d.rounds} rounds, contenders alternating; each list mounted ${(d.settleMs ?? 0) / 1000} s after its page prepared the data; natter from its packed package`,
        columns: [
          'conversations',
          'list',
          'first paint ms',
          'DOM elements',
          'heap MB',
          'update ms',
          'scroll to end ms',
        ],
        rows,
      },
    ],
    charts: [{ title: 'Ratio to the bare virtualizer (lower is better)', unit: '×', referenceLine: 1.5, bars }],
    targets,
    notes: [
      "natter's list syncs its first page of 50 from its in-page server and loads the next ones (200 at a time) as it is scrolled (scroll to end includes those requests); the floor holds every conversation in React state.",
      "stream-chat-react's ChannelList runs offline: its channels are made by a StreamChat client that is given a user without connecting, and reach the list through its `customQueryChannels` prop, 30 a page (its default query size), loaded on scroll by its InfiniteScroll paginator; a new message is a `message.new` event dispatched on the client. It renders every loaded channel (no virtualization).",
      ...Object.entries(d.scrollCapped ?? {}).map(([name, why]) => `Scroll to end, ${label[name] ?? name}: ${why}.`),
    ],
  };
}

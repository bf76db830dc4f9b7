// Owns turning the bundle benchmark's JSON into the report's tables (per app and
// per chunk, KiB = 1024 bytes), a chart of initial JS gz, and the issue's
// targets: headless ≤ 30 KiB gz, full Chat ≤ 60 KiB gz without the lazy
// emoji-mart chunks, and emoji-mart in lazy chunks only.
import { fmt } from '../svg-chart.mjs';

const kib = (b) => b / 1024;

export function summarizeBundle(d) {
  const apps = Object.entries(d.apps);
  const built = apps.filter(([, a]) => !a.error);
  const peers = built.filter(([k]) => !k.startsWith('natter') && !k.startsWith('ref-'));
  const bestPeer = peers.length ? Math.min(...peers.map(([, a]) => a.initial.gzBytes)) : undefined;
  const appRows = apps.map(([k, a]) =>
    a.error
      ? [k, a.title, a.error, '', '', '', '', '']
      : [
          k,
          a.title,
          fmt(kib(a.initial.minBytes)),
          fmt(kib(a.initial.gzBytes)),
          bestPeer ? `${fmt(a.initial.gzBytes / bestPeer)}×` : '–',
          String(a.initial.chunks.length),
          a.lazy.length ? a.lazy.map((c) => `${c.label} ${fmt(kib(c.gzBytes))}`).join('; ') : 'none',
          fmt(kib(a.css.gzBytes)),
        ],
  );
  for (const s of d.notMeasured ?? []) appRows.push([s.name, s.title, `not measured: ${s.reason}`, '', '', '', '', '']);
  const chunkRows = built.flatMap(([k, a]) => [
    ...a.initial.chunks.map((c) => [k, c.fileName, 'initial', c.label, fmt(kib(c.minBytes)), fmt(kib(c.gzBytes))]),
    ...a.lazy.map((c) => [k, c.fileName, 'lazy', c.label, fmt(kib(c.minBytes)), fmt(kib(c.gzBytes))]),
  ]);

  // Where natter's weight is: packages in its initial JS, by size before minification.
  const weightRows = built
    .filter(([k]) => k.startsWith('natter'))
    .flatMap(([k, a]) => a.initialPackages.slice(0, 8).map((p) => [k, p.name, fmt(kib(p.renderedBytes))]));
  const gzOf = (k) => (d.apps[k] && !d.apps[k].error ? kib(d.apps[k].initial.gzBytes) : undefined);
  const headless = gzOf('natter-headless');
  const chat = gzOf('natter-chat');
  const chatApp = d.apps['natter-chat'];
  const emojiLazy = chatApp && !chatApp.error ? chatApp.lazy.filter((c) => /emoji-mart/.test(c.label)) : [];
  const emojiOk = chatApp && !chatApp.error && !chatApp.emojiMartInInitial && emojiLazy.length > 0;
  const targets = [
    { name: 'natter headless (client + natter/react) ≤ 30 KiB gz', actual: headless === undefined ? 'not measured' : `${fmt(headless)} KiB`, pass: headless !== undefined && headless <= 30 },
    { name: 'natter full Chat ≤ 60 KiB gz (lazy emoji-mart excluded)', actual: chat === undefined ? `not measured${chatApp?.error ? `: ${chatApp.error}` : ''}` : `${fmt(chat)} KiB`, pass: chat !== undefined && chat <= 60 },
    {
      name: 'emoji-mart and its data only in lazy chunks (loaded when the picker opens)',
      actual: !chatApp || chatApp.error ? 'not measured' : `${chatApp.emojiMartInInitial ? 'in the initial JS' : 'not in the initial JS'}; lazy: ${emojiLazy.map((c) => `${c.label} ${fmt(kib(c.gzBytes))} KiB gz`).join(', ') || 'none'}`,
      pass: Boolean(emojiOk),
    },
  ];
  return {
    tables: [
      { columns: ['app', 'what', 'initial JS KiB min', 'initial JS KiB gz', 'gz vs smallest peer', 'initial chunks', 'lazy chunks (KiB gz)', 'CSS KiB gz'], rows: appRows },
      { columns: ['app', 'chunk', 'loaded', 'mostly', 'KiB min', 'KiB gz'], rows: chunkRows, caption: 'every JS chunk of every build' },
      { columns: ['app', 'package', 'KiB before minification'], rows: weightRows, caption: "what natter's initial JS holds, largest first" },
    ],
    charts: [
      {
        title: 'Initial JS an app pays, KiB gzipped (react/react-dom excluded; lower is better)',
        unit: 'KiB',
        referenceLine: 60,
        bars: built.filter(([k]) => !k.startsWith('ref-')).map(([k, a]) => ({ label: k, value: kib(a.initial.gzBytes), highlight: k.startsWith('natter') })),
      },
    ],
    targets,
    notes: [
      `Same production Vite build for every app (apps/<name>.tsx as the entry), ${d.external.join(', ')} external; gzip level ${d.gzipLevel}; KiB = 1024 bytes. The red line marks the 60 KiB target for the full Chat.`,
      ...(d.notMeasured ?? []).map((s) => `${s.title}: not measured — ${s.reason}.`),
    ],
  };
}

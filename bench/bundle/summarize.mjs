// Owns turning the bundle benchmark's JSON into the report's tables (per app and
// per chunk, KiB = 1024 bytes, Vite 8 and Vite 7 side by side), a chart of
// initial JS gz, and the targets: headless ≤ 25 KiB gz, full Chat ≤ 50 KiB gz
// without the lazy chunks, one hook / one small component ≤ 1.5× its own code,
// emoji-mart in lazy chunks only — each under every Vite measured; with a
// webpack 5 build (--webpack), its rows and its full-Chat target beside them.
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
  const byVite = d.byVite ?? { vite8: d.apps };
  const targets = Object.entries(byVite).flatMap(([vite, appsOf]) => {
    const gzOf = (k) => (appsOf[k] && !appsOf[k].error ? kib(appsOf[k].initial.gzBytes) : undefined);
    const headless = gzOf('natter-headless');
    const chat = gzOf('natter-chat');
    const chatApp = appsOf['natter-chat'];
    const emojiLazy = chatApp && !chatApp.error ? chatApp.lazy.filter((c) => /emoji-mart/.test(c.label)) : [];
    const emojiOk = chatApp && !chatApp.error && !chatApp.emojiMartInInitial && emojiLazy.length > 0;
    const ratio = (k) => {
      const packed = gzOf(k);
      const own = gzOf(`${k}-own`);
      return packed !== undefined && own ? packed / own : undefined;
    };
    const one = (k, what) => {
      const r = ratio(k);
      return {
        name: `${vite}: ${what} from the packed package ≤ 1.5× its own code`,
        actual: r === undefined ? 'not measured' : `${fmt(r)}× (${fmt(gzOf(k))} vs ${fmt(gzOf(`${k}-own`))} KiB)`,
        pass: r !== undefined && r <= 1.5,
      };
    };
    return [
      {
        name: `${vite}: natter headless (client + natter/react) ≤ 25 KiB gz`,
        actual: headless === undefined ? 'not measured' : `${fmt(headless)} KiB`,
        pass: headless !== undefined && headless <= 25,
      },
      {
        name: `${vite}: natter full Chat ≤ 50 KiB gz (lazy chunks excluded)`,
        actual: chat === undefined ? `not measured${chatApp?.error ? `: ${chatApp.error}` : ''}` : `${fmt(chat)} KiB`,
        pass: chat !== undefined && chat <= 50,
      },
      one('natter-one-hook', 'one hook (useUnreadCount)'),
      one('natter-one-component', 'one small component (CountBadge)'),
      {
        name: `${vite}: emoji-mart and its data only in lazy chunks (loaded when the picker opens)`,
        actual:
          !chatApp || chatApp.error
            ? 'not measured'
            : `${chatApp.emojiMartInInitial ? 'in the initial JS' : 'not in the initial JS'}; lazy: ${emojiLazy.map((c) => `${c.label} ${fmt(kib(c.gzBytes))} KiB gz`).join(', ') || 'none'}`,
        pass: Boolean(emojiOk),
      },
    ];
  });
  const webpackChat = d.webpack5?.['natter-chat'];
  if (webpackChat)
    targets.push({
      name: 'webpack5: natter full Chat ≤ 50 KiB gz (lazy chunks excluded)',
      actual: webpackChat.error ?? `${fmt(kib(webpackChat.initial.gzBytes))} KiB`,
      pass: !webpackChat.error && kib(webpackChat.initial.gzBytes) <= 50,
    });
  const viteRows = Object.entries({ ...byVite, ...(d.webpack5 ? { webpack5: d.webpack5 } : {}) }).flatMap(
    ([vite, appsOf]) =>
      Object.entries(appsOf).map(([k, a]) => [
        vite,
        k,
        a.error ?? fmt(kib(a.initial.gzBytes)),
        a.error ? '' : fmt(kib(a.initial.minBytes)),
      ]),
  );
  return {
    tables: [
      {
        columns: [
          'app',
          'what',
          'initial JS KiB min',
          'initial JS KiB gz',
          'gz vs smallest peer',
          'initial chunks',
          'lazy chunks (KiB gz)',
          'CSS KiB gz',
        ],
        rows: appRows,
      },
      {
        columns: ['app', 'chunk', 'loaded', 'mostly', 'KiB min', 'KiB gz'],
        rows: chunkRows,
        caption: 'every JS chunk of every build',
      },
      {
        columns: ['app', 'package', 'KiB before minification'],
        rows: weightRows,
        caption: "what natter's initial JS holds, largest first",
      },
      {
        columns: ['toolchain', 'app', 'initial JS KiB gz', 'initial JS KiB min'],
        rows: viteRows,
        caption: 'the same apps under each toolchain measured (Vite, and webpack 5 for the natter apps when built)',
      },
    ],
    charts: [
      {
        title: 'Initial JS an app pays, KiB gzipped (react/react-dom excluded; lower is better)',
        unit: 'KiB',
        referenceLine: 50,
        bars: built
          .filter(([k]) => !k.startsWith('ref-'))
          .map(([k, a]) => ({ label: k, value: kib(a.initial.gzBytes), highlight: k.startsWith('natter') })),
      },
    ],
    targets,
    notes: [
      `natter built from its packed tarball (${d.natterFrom ?? 'npm pack'}), as an app installs it; peers from their published packages. Same production build for every app (apps/<name>.tsx as the entry) under Vite ${(d.vite ?? [8]).join(' and ')}, ${d.external.join(', ')} external; gzip level ${d.gzipLevel}; KiB = 1024 bytes. The first tables are Vite ${(d.vite ?? [8])[0]}'s. The red line marks the 50 KiB target for the full Chat.`,
      ...(d.notMeasured ?? []).map((s) => `${s.title}: not measured — ${s.reason}.`),
    ],
  };
}

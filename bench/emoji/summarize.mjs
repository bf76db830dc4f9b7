// Owns turning the JSON of the emoji parse benchmark into the report's tables, charts and
// target verdicts (bench/registry.mjs lists it; bench/report.mjs renders it).

const r2 = (x) => Math.round(x * 100) / 100;

export function summarizeEmoji(d) {
  const corpora = Object.entries(d.results);
  const names = Object.keys(corpora[0][1].mbPerS);
  const rows = corpora.flatMap(([corpus, c]) =>
    names.map((n) => [corpus, n, c.mbPerS[n].median, `${c.mbPerS[n].min}–${c.mbPerS[n].max}`]),
  );
  const dense = d.results['emoji-dense'] ?? corpora.find(([k]) => k.includes('dense'))?.[1];
  const ratio = dense ? dense.ratios.natterToEmojiRegexSplit : NaN;
  return {
    tables: [{ columns: ['corpus', 'parser', 'MB/s (median)', 'min–max'], rows }],
    charts: corpora.map(([corpus, c]) => ({
      title: `${corpus}: MB/s (higher is better)`,
      unit: 'MB/s',
      bars: names.map((n) => ({ label: n, value: c.mbPerS[n].median, highlight: n === 'natter' })),
    })),
    targets: [
      { name: 'natter ≥ 0.5× emoji-regex split on emoji-dense text', actual: `${r2(ratio)}×`, pass: ratio >= 0.5 },
    ],
  };
}

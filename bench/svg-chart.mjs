// Owns the SVG bar charts of the benchmark report: one horizontal bar per
// contender, scaled to the largest value, with a reference line at 1.0 for ratios.
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** bars: [{ label, value, note? }] */
export function barChart({ title, unit, bars, referenceLine }) {
  const width = 720;
  const labelW = 260;
  const barH = 22;
  const gap = 8;
  const top = 36;
  const height = top + bars.length * (barH + gap) + 24;
  const max = Math.max(...bars.map((b) => b.value), referenceLine ?? 0) || 1;
  const scale = (v) => ((width - labelW - 90) * v) / max;
  const rows = bars
    .map((b, i) => {
      const y = top + i * (barH + gap);
      const w = Math.max(1, scale(b.value));
      const txt = `${fmt(b.value)}${unit ? ' ' + unit : ''}${b.note ? ' ' + b.note : ''}`;
      return (
        `<text x="${labelW - 8}" y="${y + barH * 0.7}" text-anchor="end" font-size="12">${esc(b.label)}</text>` +
        `<rect x="${labelW}" y="${y}" width="${w.toFixed(1)}" height="${barH}" fill="${b.highlight ? '#3b6cf6' : '#9aa7bd'}"/>` +
        `<text x="${labelW + w + 6}" y="${y + barH * 0.7}" font-size="12">${esc(txt)}</text>`
      );
    })
    .join('\n');
  const ref =
    referenceLine !== undefined
      ? `<line x1="${labelW + scale(referenceLine)}" x2="${labelW + scale(referenceLine)}" y1="${top - 6}" y2="${height - 18}" stroke="#d33" stroke-dasharray="4 3"/>`
      : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" viewBox="0 0 ${width} ${height}">
<rect width="100%" height="100%" fill="#fff"/>
<text x="12" y="22" font-size="14" font-weight="bold">${esc(title)}</text>
${rows}
${ref}
</svg>
`;
}

export function fmt(v) {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a >= 1000) return Math.round(v).toLocaleString('en-US');
  if (a >= 10) return v.toFixed(1);
  if (a >= 1) return v.toFixed(2);
  return v.toFixed(3);
}

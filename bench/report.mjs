// Owns rendering a benchmark run as Markdown: for each benchmark its command, a
// table, an SVG chart file beside the report, and its targets with PASS/MISS.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { barChart, fmt } from './svg-chart.mjs';

const cell = (v) => (typeof v === 'number' ? fmt(v) : String(v ?? ''));

export function renderReport(report, outDir, base) {
  const out = [];
  out.push(`# natter benchmarks`, '');
  const whole = report.minutes == null ? '' : `, ${report.minutes} min in all`;
  const load = report.load
    ? `; load average (1/5/15 min) ${report.load.start.join(' ')} at the start, ${report.load.end.join(' ')} at the end`
    : '';
  out.push(
    `Run: \`${report.command}\` on ${report.date} (${report.machine.node}, ${report.machine.platform}, 2 cores shared${whole}${load}).`,
  );
  out.push(
    `Contenders run side by side in the same run, alternating; figures are medians with min–max over rounds.`,
    '',
  );
  if (report.notYetRun?.length)
    out.push(
      `**The run stopped (or is still going) before these benchmarks ran:** ${report.notYetRun.join(', ')}.`,
      '',
    );
  for (const r of report.results) {
    const at = r.load ? `, load ${r.load.before[0]} → ${r.load.after[0]}` : '';
    out.push(
      `## ${r.title}`,
      '',
      `\`${r.command}\` (${r.seconds.toFixed(0)} s, run ${r.date ?? report.date}${at})`,
      '',
    );
    if (r.error) {
      out.push(`**Failed:** ${r.error}`, '');
      continue;
    }
    const s = r.summary;
    for (const t of s.tables ?? []) {
      if (t.caption) out.push(`*${t.caption}*`, '');
      out.push(`| ${t.columns.join(' | ')} |`, `| ${t.columns.map(() => '---').join(' | ')} |`);
      for (const row of t.rows) out.push(`| ${row.map(cell).join(' | ')} |`);
      out.push('');
    }
    (s.charts ?? []).forEach((c, i) => {
      const file = `${base}-${r.name}-${i + 1}.svg`;
      writeFileSync(join(outDir, file), barChart(c));
      out.push(`![${c.title}](${file})`, '');
    });
    if (s.targets?.length) {
      out.push('| target | measured | |', '| --- | --- | --- |');
      for (const t of s.targets) out.push(`| ${t.name} | ${t.actual} | ${t.pass ? 'PASS' : 'MISS'} |`);
      out.push('');
    }
    for (const n of s.notes ?? []) out.push(`> ${n}`, '');
  }
  return out.join('\n');
}

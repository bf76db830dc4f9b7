#!/usr/bin/env node
// Owns the README's performance section: rendered from the raw results of the
// latest `npm run bench` (bench/results/raw/latest.json, the same data as
// bench/results/latest.md) between the README's bench markers, so the figures
// there are never typed by hand. Each benchmark is a block of its own: a report
// holding only some of them rewrites theirs and keeps the others as they were.
// `npm run bench` calls it after every run; `node bench/readme-table.mjs [raw.json]`
// renders it again from kept results (default bench/results/raw/latest.json).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCHMARKS } from './registry.mjs';
import { fmt } from './svg-chart.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const START = '<!-- bench:performance:start -->';
const END = '<!-- bench:performance:end -->';
/** The benchmarks the README shows, in its order; the rest are in bench/results/latest.md. */
export const SHOWN = ['conversation-list', 'list', 'latency', 'fanout', 'search', 'conversations'];
/** The benchmark whose full table is shown too (the others show their targets). */
const WITH_TABLE = new Set(['conversation-list']);

// A `|` in a cell (as in "|shift|") would end it: escaped.
const cell = (v) => (typeof v === 'number' ? fmt(v) : String(v ?? '')).replaceAll('|', '\\|');

const blockStart = (name) => `<!-- bench:${name} -->`;
const blockEnd = (name) => `<!-- /bench:${name} -->`;

/** One benchmark's block: title, command and date, its table when shown, its targets. */
function renderBlock(r, reportDate) {
  const name = r.name;
  const out = [blockStart(name), '', `**${r.title}** (\`${r.command}\`, ${(r.date ?? reportDate).slice(0, 10)})`, ''];
  if (r.error || !r.summary) {
    out.push(`Failed: ${r.error ?? 'no summary'}`, '');
  } else {
    if (WITH_TABLE.has(name)) {
      for (const t of r.summary.tables ?? []) {
        out.push(`| ${t.columns.join(' | ')} |`, `| ${t.columns.map(() => '---').join(' | ')} |`);
        for (const row of t.rows) out.push(`| ${row.map(cell).join(' | ')} |`);
        out.push('');
      }
    }
    if (r.summary.targets?.length) {
      out.push('| target | measured | |', '| --- | --- | --- |');
      for (const t of r.summary.targets)
        out.push(`| ${cell(t.name)} | ${cell(t.actual)} | ${t.pass ? 'PASS' : 'MISS'} |`);
      out.push('');
    }
  }
  out.push(blockEnd(name));
  return out.join('\n');
}

const SUMMARY = 'summary';

/** Whether `results` hold every benchmark of the registry (a full run, or a merge onto one): then the summary is rendered too. */
export const holdsEveryBenchmark = (results) => BENCHMARKS.every((b) => results.some((r) => r.name === b.name));

/**
 * The table of every benchmark as last measured (report.everything: a full run's results, or a
 * `--merge` run's, which keep the earlier results of the benchmarks it left out): how many of its
 * targets each met, which it missed and when it was measured, so a miss in a benchmark without a
 * block of its own is still on the front page, and a merge that fixed one does not leave it there.
 */
function renderSummary(report) {
  const out = [
    blockStart(SUMMARY),
    '',
    `Every benchmark as last measured (report of \`${report.command}\`, ${report.date.slice(0, 10)}${report.minutes ? `, ${report.minutes} min` : ''}${report.load ? `, load average ${report.load.start[0]} at the start` : ''}; a benchmark that run left out keeps its earlier result, dated):`,
    '',
  ];
  out.push('| benchmark | targets met | missed | measured |', '| --- | --- | --- | --- |');
  for (const r of report.everything) {
    const targets = r.summary?.targets ?? [];
    const missed = targets.filter((t) => !t.pass).map((t) => `${t.name} (${t.actual})`);
    const met = r.error
      ? `failed: ${r.error}`
      : targets.length
        ? `${targets.length - missed.length} of ${targets.length}`
        : 'no targets';
    const measured = (r.date ?? report.date).slice(0, 16).replace('T', ' ');
    out.push(
      `| [${cell(r.name)}](bench/results/latest.md) | ${cell(met)} | ${cell(missed.join('; '))} | ${cell(measured)} |`,
    );
  }
  out.push('', blockEnd(SUMMARY));
  return out.join('\n');
}

/** The blocks of `section` (a README performance section), by benchmark name. */
function blocksOf(section) {
  const blocks = new Map();
  for (const name of [SUMMARY, ...SHOWN]) {
    const a = section.indexOf(blockStart(name));
    const b = section.indexOf(blockEnd(name));
    if (a >= 0 && b > a) blocks.set(name, section.slice(a, b + blockEnd(name).length));
  }
  return blocks;
}

/**
 * The README section for a bench report (the parsed raw/latest.json): a fresh block for each
 * shown benchmark the report ran, the block in `previous` (the section now in the README) for the
 * others; the summary of every benchmark when the report holds them all (`everything`).
 */
export function renderPerformance(report, previous = '') {
  const kept = blocksOf(previous);
  const out = [
    START,
    '',
    `Rendered by \`node bench/readme-table.mjs\` from the latest bench results (every figure, chart and`,
    `note: [\`bench/results/latest.md\`](bench/results/latest.md)). The machine is a loaded 2-core box shared`,
    `with other builds and tests: read the ratios of contenders run side by side, not absolute times.`,
    '',
  ];
  const summary = report.everything ? renderSummary(report) : kept.get(SUMMARY);
  if (summary) out.push(summary, '');
  for (const name of SHOWN) {
    const r = report.results.find((x) => x.name === name);
    const block = r ? renderBlock(r, report.date) : kept.get(name);
    if (block) out.push(block, '');
  }
  out.push(END);
  return out.join('\n');
}

/** Replaces the README's performance section with the one for `report`; false when the README has no markers. */
export function updateReadme(report, readmePath = join(root, 'README.md')) {
  const text = readFileSync(readmePath, 'utf8');
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  if (a < 0 || b < a) return false;
  const section = text.slice(a, b + END.length);
  writeFileSync(readmePath, text.slice(0, a) + renderPerformance(report, section) + text.slice(b + END.length));
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const raw = process.argv[2] ?? join(root, 'bench', 'results', 'raw', 'latest.json');
  if (!existsSync(raw)) {
    console.error(`no ${raw}: run npm run bench first`);
    process.exit(1);
  }
  const report = JSON.parse(readFileSync(raw, 'utf8'));
  // As `npm run bench` renders it: the summary too when the results hold every benchmark.
  const everything = holdsEveryBenchmark(report.results) ? { everything: report.results } : {};
  if (!updateReadme({ ...report, ...everything })) {
    console.error(`README.md has no ${START} … ${END} section`);
    process.exit(1);
  }
}

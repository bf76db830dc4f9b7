#!/usr/bin/env node
// `npm run bench [-- name ...] [-- --smoke]`: runs each benchmark of the registry
// as its own process (so one's heap and JIT state never colour another's), collects
// the JSON each prints, keeps it in bench/results/raw/latest.json (not committed)
// and renders bench/results/latest.md with a table and an SVG chart per
// benchmark. With `--merge`, benchmarks not run this time keep their previous
// results from raw/latest.json (each result records its own date and command).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCHMARKS } from './registry.mjs';
import { SHOWN, updateReadme } from './readme-table.mjs';
import { renderReport } from './report.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const merge = args.includes('--merge');
const outArg = args.indexOf('--out');
const outDir = outArg >= 0 ? args[outArg + 1] : join(root, 'bench', 'results');
const wanted = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--out');

if (wanted.includes('list') && wanted.length === 1 && !BENCHMARKS.some((b) => b.name === 'list')) {
  for (const b of BENCHMARKS) console.log(`${b.name}\t${b.title}`);
  process.exit(0);
}
const unknown = wanted.filter((w) => !BENCHMARKS.some((b) => b.name === w));
if (unknown.length) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; known: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
  process.exit(2);
}
const selected = wanted.length ? BENCHMARKS.filter((b) => wanted.includes(b.name)) : BENCHMARKS;

// One id per run: the benchmarks that build on the packed package pack it once (bench/support/packed-package.ts).
process.env.NATTER_BENCH_RUN = `${process.pid}-${Date.now()}`;
const results = [];
let failed = 0;
for (const b of selected) {
  const cmd = smoke ? b.smoke : b.command;
  const date = new Date().toISOString();
  process.stderr.write(`\n== ${b.name}: ${cmd.join(' ')}\n`);
  const started = Date.now();
  const r = spawnSync(cmd[0], cmd.slice(1), {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 << 20,
  });
  const seconds = (Date.now() - started) / 1000;
  if (r.status !== 0) {
    failed++;
    results.push({ name: b.name, title: b.title, command: cmd.join(' '), date, error: `exit ${r.status}`, seconds });
    process.stderr.write(`!! ${b.name} failed (exit ${r.status})\n${r.stdout.slice(-2000)}\n`);
    continue;
  }
  let data;
  try {
    data = JSON.parse(r.stdout.slice(r.stdout.indexOf('{')));
  } catch (e) {
    failed++;
    results.push({
      name: b.name,
      title: b.title,
      command: cmd.join(' '),
      date,
      error: `unparseable output: ${e.message}`,
      seconds,
    });
    continue;
  }
  const summary = b.summarize(data);
  results.push({ name: b.name, title: b.title, command: cmd.join(' '), date, seconds, summary, data });
  for (const t of summary.targets ?? [])
    process.stderr.write(`   ${t.pass ? 'PASS' : 'MISS'} ${t.name}: ${t.actual}\n`);
}

const base = smoke ? 'smoke' : 'latest';
// The raw JSON is for --merge and for a reader who wants every number; the report is the Markdown.
const jsonPath = smoke ? join(outDir, `${base}.json`) : join(outDir, 'raw', `${base}.json`);
if (merge && existsSync(jsonPath)) {
  const previous = JSON.parse(readFileSync(jsonPath, 'utf8'));
  const ran = new Set(results.map((r) => r.name));
  const kept = previous.results.filter((r) => !ran.has(r.name)).map((r) => ({ ...r, date: r.date ?? previous.date }));
  results.push(...kept);
  results.sort(
    (a, b) => BENCHMARKS.findIndex((x) => x.name === a.name) - BENCHMARKS.findIndex((x) => x.name === b.name),
  );
}

const report = {
  date: new Date().toISOString(),
  command: `npm run bench${args.length ? ' -- ' + args.join(' ') : ''}`,
  machine: { node: process.version, platform: `${process.platform} ${process.arch}` },
  smoke,
  results,
};
mkdirSync(dirname(jsonPath), { recursive: true });
writeFileSync(jsonPath, JSON.stringify(report, null, 2));
writeFileSync(join(outDir, `${base}.md`), renderReport(report, outDir, base));
process.stderr.write(`\nwrote ${jsonPath} and ${join(outDir, base)}.md\n`);
// The README shows a few benchmarks, a block each: those this run measured are rewritten, the
// others (and any that failed this time, whose failure is in the report) keep their last figures.
const shown = results.filter((r) => SHOWN.includes(r.name) && !r.error);
if (!smoke && outArg < 0 && shown.length > 0) {
  if (updateReadme({ ...report, results: shown }))
    process.stderr.write('updated the performance section of README.md\n');
}
process.exit(failed ? 1 : 0);

#!/usr/bin/env node
// `npm run bench [-- name ...] [-- --smoke [--jobs N]]`: runs each benchmark of the registry
// as its own process (so one's heap and JIT state never colour another's; one at a time,
// or for a smoke run, which checks that they run and measures nothing, N at a time), collects
// the JSON each prints, keeps it in bench/results/raw/latest.json (not committed)
// and renders bench/results/latest.md with a table and an SVG chart per
// benchmark. With `--merge`, benchmarks not run this time keep their previous
// results from raw/latest.json (each result records its own date and command).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCHMARKS } from './registry.mjs';
import { SHOWN, holdsEveryBenchmark, updateReadme } from './readme-table.mjs';
import { renderReport } from './report.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const merge = args.includes('--merge');
const outArg = args.indexOf('--out');
const outDir = outArg >= 0 ? args[outArg + 1] : join(root, 'bench', 'results');
const jobsArg = args.indexOf('--jobs');
const jobs = jobsArg >= 0 ? Number(args[jobsArg + 1]) : 1;
const wanted = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--out' && args[i - 1] !== '--jobs');
if (!Number.isInteger(jobs) || jobs < 1 || (jobs > 1 && !smoke)) {
  // Measurements run one at a time: a benchmark sharing the cores with another measures both.
  console.error('--jobs takes a whole number ≥ 1, and more than 1 only with --smoke');
  process.exit(2);
}

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

const runStarted = Date.now();
// One id per run: the benchmarks that build on the packed package pack it once (bench/support/packed-package.ts),
// and the browser benchmarks' pages are one Vite build per benchmark, made once (bench/support/bench-pages.ts).
process.env.NATTER_BENCH_RUN = `${process.pid}-${Date.now()}`;
const needsPrepare = (b) => Boolean(b.packed || b.pages);
/**
 * Packs natter (and builds the pages) before any benchmark that uses them starts: side by side, two
 * would each find nothing packed yet and pack into the same folder. A measuring run waits for it
 * before its first benchmark (a build beside a measurement colours it); a smoke run starts the
 * benchmarks that need neither meanwhile.
 */
const prepared = (() => {
  if (!selected.some(needsPrepare)) return Promise.resolve();
  const pages = selected.some((b) => b.pages);
  process.stderr.write(
    `\n== packing natter${pages ? " and building the browser benchmarks' pages" : ''} once for the run\n`,
  );
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'bench/support/prepare.ts', ...(pages ? ['--pages'] : [])],
    {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  return new Promise((resolve) => child.on('close', resolve)).then((status) => {
    if (status === 0) return;
    process.stderr.write(`!! packing or building the pages failed (exit ${status})\n`);
    process.exit(1);
  });
})();
if (!smoke) await prepared;

const minutes = (ms) => `${(ms / 60_000).toFixed(1)} min`;
/** The 1-, 5- and 15-minute load averages, as `uptime` prints them: figures on a shared machine depend on them. */
const load = () => loadavg().map((x) => x.toFixed(2));
process.stderr.write(
  `\n== ${smoke ? 'smoke run' : 'bench run'}: ${selected.length} benchmarks (${selected.map((b) => b.name).join(', ')}); load ${load().join(' ')}\n`,
);
const loadStart = load();
let started = 0;

/** Runs one benchmark; alone its progress streams to stderr, side by side it is printed whole when it ends. */
async function runOne(b) {
  if (needsPrepare(b)) await prepared;
  const cmd = smoke ? b.smoke : b.command;
  const date = new Date().toISOString();
  const loadBefore = load();
  const header = `\n== [${++started}/${selected.length}] ${b.name} at ${minutes(Date.now() - runStarted)}, load ${loadBefore.join(' ')}: ${cmd.join(' ')}\n`;
  if (jobs === 1) process.stderr.write(header);
  const began = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd[0], cmd.slice(1), {
      cwd: root,
      stdio: ['ignore', 'pipe', jobs === 1 ? 'inherit' : 'pipe'],
    });
    const stdout = [];
    const stderr = [];
    child.stdout.on('data', (d) => stdout.push(d));
    child.stderr?.on('data', (d) => stderr.push(d));
    child.on('close', (status) => {
      if (jobs > 1) process.stderr.write(`${header}${Buffer.concat(stderr).toString('utf8')}`);
      const seconds = (Date.now() - began) / 1000;
      const r = collect(b, cmd, date, status, Buffer.concat(stdout).toString('utf8'), seconds);
      r.load = { before: loadBefore, after: load() };
      process.stderr.write(
        `== ${b.name} ${r.error ? 'FAILED' : 'done'} in ${seconds.toFixed(0)} s (run so far ${minutes(Date.now() - runStarted)}, ${byName.size + 1} of ${selected.length} done)\n`,
      );
      resolve(r);
    });
  });
}

let failed = 0;
function collect(b, cmd, date, status, stdout, seconds) {
  const command = cmd.join(' ');
  if (status !== 0) {
    failed++;
    process.stderr.write(`!! ${b.name} failed (exit ${status})\n${stdout.slice(-2000)}\n`);
    return { name: b.name, title: b.title, command, date, error: `exit ${status}`, seconds };
  }
  let data;
  try {
    data = JSON.parse(stdout.slice(stdout.indexOf('{')));
  } catch (e) {
    failed++;
    return { name: b.name, title: b.title, command, date, error: `unparseable output: ${e.message}`, seconds };
  }
  const summary = b.summarize(data);
  for (const t of summary.targets ?? [])
    process.stderr.write(`   ${t.pass ? 'PASS' : 'MISS'} ${t.name}: ${t.actual}\n`);
  return { name: b.name, title: b.title, command, date, seconds, summary, data };
}

// Side by side: the longest first, then those that can run while natter is packed, then the rest.
const order = (b) => (b.smokeFirst ? 0 : needsPrepare(b) ? 2 : 1);
const queue = jobs > 1 ? [...selected].sort((a, b) => order(a) - order(b)) : [...selected];
const base = smoke ? 'smoke' : 'latest';
// The raw JSON is for --merge and for a reader who wants every number; the report is the Markdown.
const jsonPath = smoke ? join(outDir, `${base}.json`) : join(outDir, 'raw', `${base}.json`);
if (merge && !existsSync(jsonPath)) {
  // The raw JSON is not committed: on a fresh clone a merge would write a report of this run alone.
  console.error(
    `--merge adds to the raw results of an earlier run on this machine (${relative(root, jsonPath)}), and there are none: run \`npm run bench\` in full first`,
  );
  process.exit(2);
}
const previous = merge ? JSON.parse(readFileSync(jsonPath, 'utf8')) : null;
const byName = new Map();

/**
 * Writes the raw JSON and the report of the benchmarks run so far (with --merge, the others'
 * previous results): after each benchmark, so a run stopped half-way keeps what it measured.
 */
function write(final) {
  // In the registry's order, however they finished.
  const results = selected.filter((b) => byName.has(b.name)).map((b) => byName.get(b.name));
  if (previous) {
    const ran = new Set(selected.map((b) => b.name));
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
    minutes: Math.round((Date.now() - runStarted) / 6_000) / 10,
    load: { start: loadStart, end: load() },
    smoke,
    ...(final ? {} : { notYetRun: selected.filter((b) => !byName.has(b.name)).map((b) => b.name) }),
    results,
  };
  mkdirSync(dirname(jsonPath), { recursive: true });
  writeFileSync(jsonPath, JSON.stringify(report, null, 2));
  // The charts are written afresh with the report: one left from an earlier run would be a picture of nothing in it.
  for (const f of readdirSync(outDir)) if (f.startsWith(`${base}-`) && f.endsWith('.svg')) rmSync(join(outDir, f));
  writeFileSync(join(outDir, `${base}.md`), renderReport(report, outDir, base));
  return report;
}

await Promise.all(
  Array.from({ length: Math.min(jobs, selected.length) }, async () => {
    for (let b = queue.shift(); b; b = queue.shift()) {
      byName.set(b.name, await runOne(b));
      write(false);
    }
  }),
);
const report = write(true);
const results = report.results;
process.stderr.write(`\nwrote ${jsonPath} and ${join(outDir, base)}.md\n`);
// The README shows a few benchmarks, a block each: those this run measured are rewritten, the
// others (and any that failed this time, whose failure is in the report) keep their last figures.
const shown = results.filter((r) => SHOWN.includes(r.name) && !r.error);
if (!smoke && outArg < 0 && shown.length > 0) {
  // A report holding every benchmark (a full run, or a merge onto one) also rewrites the README's
  // summary of them all: a merge that fixed a miss must not leave it on the front page.
  const everything = holdsEveryBenchmark(results) ? results : undefined;
  if (updateReadme({ ...report, results: shown, everything }))
    process.stderr.write('updated the performance section of README.md\n');
}
process.exit(failed ? 1 : 0);

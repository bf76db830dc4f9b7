#!/usr/bin/env node
// `npm test`: every check of the repository, then the vitest suite, as one command
// that fails when any part fails. The checks are mostly single-threaded and
// independent of one another, so they run side by side (as many at once as the
// machine has cores); the build comes first with them, since the API report and
// the package checks read it. Those two then run beside vitest, which mostly waits
// (on Chromium, servers, PostgreSQL) and streams its own output; every other step's
// output is printed whole when it ends, under its name and time, so parallel output
// never interleaves. `npm test -- --checks-only` stops before vitest.
// `npm test -- --with test:react18 --with test:package` (what CI runs) also runs those
// npm scripts: the package test beside vitest, React 18's vitest run after it.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** npm scripts that need nothing built, longest first (they start in this order). */
const CHECKS = ['build', 'lint:es', 'typecheck', 'docs:check', 'knip', 'lint', 'format:check'];
/** npm scripts that read the build. */
const BUILD_CHECKS = ['check:package', 'api:check'];
const JOBS = Math.max(2, availableParallelism());
/** Lines of a failed step's output printed again at the very end. */
const TAIL_LINES = 150;
/** At most this many lines of vitest's failure report. */
const REPORT_LINES = 600;
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;
/** Output of the steps that failed: a long step's whole output can scroll out of a CI log's kept tail. */
const failedTails = [];

/** Runs `npm run <name>`; resolves to null when it passed, else to what failed. */
function runScript(name, { stream = false } = {}) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn('npm', ['run', '--silent', name], {
      cwd: root,
      stdio: ['ignore', stream ? 'inherit' : 'pipe', stream ? 'inherit' : 'pipe'],
    });
    const output = [];
    child.stdout?.on('data', (d) => output.push(d));
    child.stderr?.on('data', (d) => output.push(d));
    child.on('close', (code, signal) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const ok = code === 0;
      const text = Buffer.concat(output).toString('utf8').trimEnd();
      process.stdout.write(`\n── ${ok ? 'ok' : 'FAILED'}: npm run ${name} (${seconds} s)\n${text ? `${text}\n` : ''}`);
      if (!ok && text) failedTails.push({ name, text });
      resolve(ok ? null : `${name} (${signal ?? `exit ${code}`})`);
    });
  });
}

/** Runs `names` at most `jobs` at a time; resolves to the failures. */
async function runSideBySide(names, jobs) {
  const queue = [...names];
  const failures = [];
  const worker = async () => {
    for (let name = queue.shift(); name; name = queue.shift()) {
      const failure = await runScript(name);
      if (failure) failures.push(failure);
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, names.length) }, worker));
  return failures;
}

function finish(failures) {
  if (failures.length === 0) process.exit(0);
  for (const { name, text } of failedTails) {
    const lines = text.split('\n');
    // vitest's report of its failures, from its first "Failed Suites/Tests" heading; else the end.
    const report = lines.findIndex((line) => /Failed (Suites|Tests) \d/.test(line.replace(ANSI, '')));
    const from = report >= 0 ? Math.max(report, lines.length - REPORT_LINES) : Math.max(0, lines.length - TAIL_LINES);
    process.stdout.write(
      `\n── again, what failed: npm run ${name} (lines ${from + 1}–${lines.length} of its output)\n${lines.slice(from).join('\n')}\n`,
    );
  }
  process.stdout.write(`\nnpm test: failed: ${failures.join(', ')}\n`);
  process.exit(1);
}

const args = process.argv.slice(2);
const extra = args.flatMap((arg, i) => (args[i - 1] === '--with' ? [arg] : []));

const failures = await runSideBySide(CHECKS, JOBS);
if (failures.length > 0) finish(failures);
if (args.includes('--checks-only')) finish(await runSideBySide(BUILD_CHECKS, JOBS));

// Another vitest run of browsers and servers (React 18's) waits until test:unit has ended: side by
// side on two cores the two runs took 1,430 s where one after the other takes about 590 + 230 s, and
// the waits the tests bound were stretched past their bounds. The package test (mostly npm installs
// from the registry) runs beside test:unit.
const AFTER_UNIT = new Set(['test:react18']);
const beside = extra.filter((name) => !AFTER_UNIT.has(name));
const after = extra.filter((name) => AFTER_UNIT.has(name));

process.stdout.write(
  `\n── npm run test:unit (vitest), beside ${[...BUILD_CHECKS, ...beside].map((n) => `npm run ${n}`).join(', ')}\n`,
);
const results = await Promise.all([
  runScript('test:unit', { stream: true }).then(async (failure) => [failure, ...(await runSideBySide(after, 1))]),
  runSideBySide(BUILD_CHECKS, 1),
  ...beside.map((name) => runScript(name)),
]);
finish(results.flat().filter((f) => f !== null));

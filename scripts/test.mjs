#!/usr/bin/env node
// `npm test`: every check of the repository and the vitest suite, as one command
// that fails when any part fails. The build comes first, alone; then vitest
// starts, streaming its own output, and the other checks (lint, types, format,
// the API reference, the package checks and the API report, which read the
// build) run beside it one at a time: the suite mostly waits (on Chromium,
// servers, PostgreSQL), so they fit in its waits. Every step's output but
// vitest's is printed whole when it ends, under its name and time, so parallel
// output never interleaves. `npm test -- --checks-only` runs only the checks,
// side by side (as many at once as the machine has cores).
// `npm test -- --with test:react18 --with test:package` (what CI runs) also runs those
// npm scripts beside vitest, so that their waits overlap too.
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

/** Runs `npm run <name>`; resolves to null when it passed, else to what failed. */
function runScript(name, { stream = false, env = process.env } = {}) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn('npm', ['run', '--silent', name], {
      cwd: root,
      env,
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
  process.stdout.write(`\nnpm test: failed: ${failures.join(', ')}\n`);
  process.exit(1);
}

const args = process.argv.slice(2);
const extra = args.flatMap((arg, i) => (args[i - 1] === '--with' ? [arg] : []));

if (args.includes('--checks-only')) {
  const failures = await runSideBySide(CHECKS, JOBS);
  if (failures.length > 0) finish(failures);
  finish(await runSideBySide(BUILD_CHECKS, JOBS));
}

// The build alone first: vitest's bench smoke test packs it (a second build beside it would write the
// same dist/), and the package checks read it. Every other check then runs beside vitest, one at a
// time: the suite keeps the machine about half busy (it mostly waits), and starting it only after the
// checks made every run about 90 s longer.
const built = await runScript('build');
if (built) finish([built]);
const checks = [...CHECKS.filter((n) => n !== 'build'), ...BUILD_CHECKS];
process.stdout.write(
  `\n── npm run test:unit (vitest), beside ${[...checks, ...extra].map((n) => `npm run ${n}`).join(', ')}\n`,
);
const results = await Promise.all([
  runScript('test:unit', { stream: true }),
  runSideBySide(checks, 1),
  // A vitest run beside test:unit takes one file at a time (vitest.config.ts): two runs of two
  // files each, starting Chromium, clusters and servers at once, pushed waits past their bounds.
  ...extra.map((name) => runScript(name, { env: { ...process.env, NATTER_TEST_BESIDE: '1' } })),
]);
finish(results.flat().filter((f) => f !== null));

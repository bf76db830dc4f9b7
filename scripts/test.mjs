#!/usr/bin/env node
// `npm test`: every check of the repository, then the vitest suite, as one command
// that fails when any part fails. The checks are mostly single-threaded and
// independent of one another, so they run side by side (as many at once as the
// machine has cores), in stages where one needs another's output: the API report
// and the package checks read the build. Each check's output is printed whole when
// it ends, under its name and time, so parallel output never interleaves; vitest,
// last and alone, streams its own (`npm test -- --checks-only` stops before it).
import { spawn, spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** npm scripts per stage, longest first (they start in this order). */
const STAGES = [
  ['build', 'lint:es', 'typecheck', 'docs:check', 'knip', 'lint', 'format:check'],
  ['check:package', 'api:check'],
];
const JOBS = Math.max(2, availableParallelism());

function runScript(name) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn('npm', ['run', '--silent', name], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout.on('data', (d) => output.push(d));
    child.stderr.on('data', (d) => output.push(d));
    child.on('close', (code, signal) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const ok = code === 0;
      const text = Buffer.concat(output).toString('utf8').trimEnd();
      process.stdout.write(`\n── ${ok ? 'ok' : 'FAILED'}: npm run ${name} (${seconds} s)\n${text ? `${text}\n` : ''}`);
      resolve(ok ? null : `${name} (${signal ?? `exit ${code}`})`);
    });
  });
}

async function runStage(names) {
  const queue = [...names];
  const failures = [];
  const worker = async () => {
    for (let name = queue.shift(); name; name = queue.shift()) {
      const failure = await runScript(name);
      if (failure) failures.push(failure);
    }
  };
  await Promise.all(Array.from({ length: Math.min(JOBS, names.length) }, worker));
  return failures;
}

for (const stage of STAGES) {
  const failures = await runStage(stage);
  if (failures.length > 0) {
    process.stdout.write(`\nnpm test: failed: ${failures.join(', ')}\n`);
    process.exit(1);
  }
}
if (process.argv.includes('--checks-only')) process.exit(0);
process.stdout.write('\n── npm run test:unit (vitest)\n');
const vitest = spawnSync('npm', ['run', '--silent', 'test:unit'], { cwd: root, stdio: 'inherit' });
process.exit(vitest.status ?? 1);

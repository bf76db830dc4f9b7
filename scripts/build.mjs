#!/usr/bin/env node
// `npm run build`: the library builds of both packages (`vite build` of natter, then
// @natter/server's), always for production, and a record of what they were built
// from (.build-inputs: a hash of every build input's path and content).
// `node scripts/build.mjs --if-stale` skips the builds when that record matches the
// inputs as they are now, so the steps that need the built packages after `npm test`
// built them (the package test, the benchmarks) reuse them instead of building again.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Outside dist/: npm would pack it.
const RECORD = join(root, '.build-inputs');
const OUTPUTS = [join(root, 'dist', 'index.js'), join(root, 'packages', 'server', 'dist', 'server.js')];
const VITE = join(root, 'node_modules', 'vite', 'bin', 'vite.js');

/**
 * What the two builds read: the sources, both packages' manifests and build configs, the
 * lockfile (bundled and external dependency versions) and the files npm packs alongside.
 * Untracked files count too (a new source file changes the build before it is committed).
 */
const INPUTS = [
  'src',
  'scripts/build',
  'packages/server',
  'package.json',
  'package-lock.json',
  'vite.config.ts',
  'tsconfig.json',
  'tsconfig.build.json',
  'push-sw.js',
  'README.md',
  'CHANGELOG.md',
  'LICENSE',
];

export function inputsHash() {
  const ls = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', ...INPUTS], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  if (ls.status !== 0) throw new Error(`build: git ls-files failed: ${ls.stderr}`);
  const hash = createHash('sha256');
  for (const file of ls.stdout.split('\0').filter(Boolean).sort()) {
    const path = join(root, file);
    // A tracked file deleted in the work tree is still listed by --cached.
    hash.update(`${file}\0${existsSync(path) ? readFileSync(path).toString('base64') : '-'}\0`);
  }
  return hash.digest('hex');
}

function fresh(hash) {
  return existsSync(RECORD) && OUTPUTS.every((f) => existsSync(f)) && readFileSync(RECORD, 'utf8').trim() === hash;
}

function run(args, cwd) {
  // An app installs a production build; under vitest NODE_ENV=test would compile JSX to jsxDEV.
  const r = spawnSync(process.execPath, [VITE, ...args], {
    cwd,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const hash = inputsHash();
if (process.argv.includes('--if-stale') && fresh(hash)) {
  process.stderr.write('build: dist/ is up to date with its inputs; not rebuilding\n');
  process.exit(0);
}
// A build that fails half way must not leave a record that matches.
rmSync(RECORD, { force: true });
run(['build'], root);
run(['build', '--config', 'vite.config.ts'], join(root, 'packages', 'server'));
// Hashed before the builds: an input edited while they ran leaves the record stale, not wrong.
writeFileSync(RECORD, `${hash}\n`);

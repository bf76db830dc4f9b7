#!/usr/bin/env node
// The `natter` command of @natter/server: runs the built CLI (dist/server.js
// exports runCli) when the package is built, and otherwise, in a checkout of the
// repository, the TypeScript source (src/node/cli.ts) through tsx.
import { existsSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist', 'server.js');
const args = process.argv.slice(2);

if (existsSync(built)) {
  const mod = await import(pathToFileURL(built).href);
  if (typeof mod.runCli !== 'function') {
    process.stderr.write('natter: dist/server.js does not export runCli; rebuild with `npm run build`\n');
    process.exit(1);
  }
  const code = await mod.runCli(args);
  if (code !== 0) process.exitCode = code;
} else {
  // Source checkout without a build: run the CLI from src with tsx, passing signals through.
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, '..', '..', 'src', 'node', 'cli.ts'), ...args], {
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

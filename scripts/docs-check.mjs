// `npm run docs:check`: regenerates the API reference (TypeDoc, markdown) into a
// temporary folder and fails when it differs from docs/api — the reference the
// README links to must describe the code as it is. `npm run docs` rewrites it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = mkdtempSync(join(tmpdir(), 'natter-docs-'));

function files(dir) {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
}

try {
  const r = spawnSync(process.execPath, [join(root, 'node_modules/typedoc/bin/typedoc'), '--out', out], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
  const committed = join(root, 'docs', 'api');
  const want = new Map(files(out).map((f) => [relative(out, f), readFileSync(f, 'utf8')]));
  let have;
  try {
    have = new Map(files(committed).map((f) => [relative(committed, f), readFileSync(f, 'utf8')]));
  } catch {
    have = new Map();
  }
  const differ = [...new Set([...want.keys(), ...have.keys()])].filter((k) => want.get(k) !== have.get(k));
  if (differ.length > 0) {
    console.error(`docs: docs/api is out of date (${differ.join(', ')}); run \`npm run docs\` and commit it`);
    process.exit(1);
  }
  console.log(`docs: docs/api matches the code (${want.size} pages)`);
} finally {
  rmSync(out, { recursive: true, force: true });
}

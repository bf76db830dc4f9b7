// The bench registry's `packed` and `pages` flags: bench/run.mjs starts a benchmark that uses the
// packed package or the run's built pages only once its prepare step has packed and unpacked them.
// A benchmark that reaches them without the flag starts beside that step and finds a half-unpacked
// folder (a smoke run failed so: ENOENT on bench/.packed/node_modules/natter/package.json).
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM module without type declarations
import { BENCHMARKS } from '../../bench/registry.mjs';

interface Entry {
  name: string;
  command: string[];
  packed?: boolean;
  pages?: boolean;
}

const root = join(__dirname, '..', '..');
const benchDir = join(root, 'bench');
const PREPARED = ['bench/support/packed-package.ts', 'bench/support/bench-pages.ts'];

/** The bench files a script reaches through relative imports, itself included. */
function reached(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  for (const [, spec] of source.matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
    const target = resolve(dirname(file), spec!);
    if (!target.startsWith(benchDir)) continue;
    const withExt = /\.(m?js|ts)$/.test(target) ? target : `${target}.ts`;
    reached(withExt, seen);
  }
  return seen;
}

describe('bench registry', () => {
  it('flags every benchmark that uses the packed package or the built pages', () => {
    const unflagged = (BENCHMARKS as Entry[])
      .filter((b) => {
        const script = b.command.find((a) => a.startsWith('bench/') && a.endsWith('.ts'));
        if (!script) throw new Error(`${b.name}: no bench script in its command`);
        const files = [...reached(join(root, script))].map((f) => f.slice(root.length + 1));
        return files.some((f) => PREPARED.includes(f)) && !b.packed && !b.pages;
      })
      .map((b) => b.name);
    expect(unflagged).toEqual([]);
  });

  it('finds the packed package behind a helper module', () => {
    const files = [...reached(join(root, 'bench/server/message-latency.bench.ts'))];
    expect(files.map((f) => f.slice(root.length + 1))).toContain('bench/support/packed-package.ts');
  });
});

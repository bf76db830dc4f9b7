// Keeps the benchmarks from rotting: runs every registry entry at its smoke size,
// two at a time (`node bench/run.mjs --smoke --jobs 2 --out <tmp>`), and checks each
// produced results and a report. It checks that they run, never how fast (speed is
// bench/'s job). The packed package is built by `npm test` before vitest starts and
// reused here while the sources are unchanged (scripts/build.mjs --if-stale).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
// @ts-expect-error -- plain ESM module without type declarations
import { BENCHMARKS } from '../../bench/registry.mjs';

interface Entry {
  name: string;
  title: string;
}
interface Result {
  name: string;
  error?: string;
  summary?: { tables?: unknown[]; targets?: unknown[] };
  data?: unknown;
}

const out = mkdtempSync(join(tmpdir(), 'natter-bench-smoke-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('npm run bench --smoke', () => {
  it('runs every benchmark of the registry at a tiny size and reports each', () => {
    const run = spawnSync(process.execPath, ['bench/run.mjs', '--smoke', '--jobs', '2', '--out', out], {
      cwd: join(__dirname, '..', '..'),
      // The benches that load test fixture pages take the ones this run's browser tests build (fixture-site.ts).
      env: { ...process.env, NATTER_TEST_BUILD_ROOT: inject('buildRoot') },
      encoding: 'utf8',
      timeout: 900_000,
      maxBuffer: 64 << 20,
    });
    const entries = BENCHMARKS as Entry[];
    expect(existsSync(join(out, 'smoke.json')), run.stderr.slice(-3000)).toBe(true);
    const report = JSON.parse(readFileSync(join(out, 'smoke.json'), 'utf8')) as { smoke: boolean; results: Result[] };
    expect(report.smoke).toBe(true);
    const failed = report.results.filter((r) => r.error).map((r) => `${r.name}: ${r.error}`);
    expect(failed, run.stderr.slice(-3000)).toEqual([]);
    expect(report.results.map((r) => r.name).sort()).toEqual(entries.map((e) => e.name).sort());
    for (const r of report.results) {
      expect(r.data, r.name).toBeTruthy();
      expect(r.summary?.tables?.length ?? 0, r.name).toBeGreaterThan(0);
    }
    const md = readFileSync(join(out, 'smoke.md'), 'utf8');
    for (const e of entries) expect(md).toContain(`## ${e.title}`);
    expect(run.status).toBe(0);
  }, 960_000);
});

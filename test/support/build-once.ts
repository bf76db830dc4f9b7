// Owns building an artefact once per test run although each test file runs in
// a worker process of its own: the first file that asks builds it into its
// folder (a lock folder next to it keeps the other files waiting, not building
// again); the others wait for its marker, or fail with the builder's error.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const POLL_MS = 100;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Runs `build` (which fills `dir`) in the first caller of the run; later callers wait for it. */
export async function buildOnce(dir: string, build: () => unknown, timeoutMs: number): Promise<void> {
  const done = join(dir, '.natter-built');
  const failed = `${dir}.lock/failed`;
  mkdirSync(dirname(dir), { recursive: true });
  let mine = false;
  try {
    mkdirSync(`${dir}.lock`);
    mine = true;
  } catch (e) {
    // EEXIST: another test file is building it (or has built it).
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  if (mine) {
    try {
      await build();
      mkdirSync(dir, { recursive: true });
      writeFileSync(done, '');
    } catch (e) {
      writeFileSync(failed, e instanceof Error ? e.message : String(e));
      throw e;
    }
    return;
  }
  for (const end = Date.now() + timeoutMs; Date.now() < end;) {
    if (existsSync(done)) return;
    if (existsSync(failed))
      throw new Error(
        `the build of ${dir} failed in another test file: ${readFileSync(failed, 'utf8').slice(0, 2000)}`,
      );
    await sleep(POLL_MS);
  }
  throw new Error(`${dir} was not built in time`);
}

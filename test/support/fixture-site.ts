// Owns the fixture pages of the browser tests: builds a page folder with Vite
// (React plugin), once per test run when run by vitest (shared by the run's
// files, and the benches the run starts, through build-once.ts) or into a temp
// folder of its own otherwise (benches run alone), serves it on 127.0.0.1, and
// waits for a loaded page to report `window.__natter.ready` (or `__natterError`).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import react from '@vitejs/plugin-react';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { inject } from 'vitest';
import { buildOnce } from './build-once';
import { reactAliases } from './react-version';
import { serveStatic } from './static-server';

const BUILD_TIMEOUT_MS = 300_000;
const REPO = join(import.meta.dirname, '../..');

export interface BuiltFixture {
  /** Base URL with a trailing slash. */
  url: string;
  close(): Promise<void>;
}

interface FixtureOptions {
  /** A folder whose files are served as they are at the site's root (e.g. a service worker). */
  publicDir?: string;
}

function buildPage(pageDir: string, outDir: string, options: FixtureOptions): Promise<unknown> {
  return build({
    configFile: false,
    root: pageDir,
    ...(options.publicDir ? { publicDir: options.publicDir } : {}),
    base: './',
    logLevel: 'error',
    plugins: [react()],
    resolve: { alias: reactAliases() },
    build: { outDir, emptyOutDir: true, minify: true, sourcemap: false, target: 'es2022', reportCompressedSize: false },
  });
}

/** The run's shared build folder under vitest (see global-setup.ts), else null. */
function runBuildRoot(): string | null {
  // A bench started by a test (the bench smoke test) is handed the run's folder: it shares the
  // fixtures the browser tests build.
  if (process.env.NATTER_TEST_BUILD_ROOT) return process.env.NATTER_TEST_BUILD_ROOT;
  if (!process.env.VITEST) return null;
  try {
    return inject('buildRoot') ?? null;
  } catch {
    // Not a vitest worker (a process a test started without that folder): it builds on its own.
    return null;
  }
}

/** Builds `pageDir` (under vitest: once per run, whichever file asks first) and serves it. */
export async function buildFixture(pageDir: string, options: FixtureOptions = {}): Promise<BuiltFixture> {
  const root = runBuildRoot();
  const outDir = root
    ? join(root, 'fixtures', relative(REPO, pageDir).replace(/[\\/]/g, '-'))
    : mkdtempSync(join(tmpdir(), 'natter-fixture-'));
  if (root) await buildOnce(outDir, () => buildPage(pageDir, outDir, options), BUILD_TIMEOUT_MS);
  else await buildPage(pageDir, outDir, options);
  const server = await serveStatic(outDir);
  return {
    url: `${server.url}/`,
    async close() {
      await server.close();
      // A shared build is removed with the run's build folder.
      if (!root) rmSync(outDir, { recursive: true, force: true });
    },
  };
}

/**
 * Loads `url` and waits until the fixture says it is ready; throws with its error otherwise.
 * Returns the page errors seen so far, and keeps collecting into the same array.
 */
export async function openFixture(page: Page, url: string): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForFunction(
    () => {
      const w = window as unknown as { __natter?: { ready: boolean }; __natterError?: string };
      return w.__natter?.ready || w.__natterError;
    },
    null,
    { timeout: 30_000 },
  );
  const failed = await page.evaluate(() => (window as unknown as { __natterError?: string }).__natterError);
  if (failed || errors.length > 0) throw new Error(`fixture failed: ${failed ?? errors.join('\n')}`);
  return errors;
}

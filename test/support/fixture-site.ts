// Owns the fixture pages of the browser tests: builds a page folder with Vite
// (React plugin) into a temp folder, serves it on 127.0.0.1, and waits for a
// loaded page to report `window.__natter.ready` (or `__natterError`).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { reactAliases } from './react-version';
import { serveStatic } from './static-server';

export interface BuiltFixture {
  /** Base URL with a trailing slash. */
  url: string;
  close(): Promise<void>;
}

/** `publicDir`: a folder whose files are served as they are at the site's root (e.g. a service worker). */
export async function buildFixture(pageDir: string, options: { publicDir?: string } = {}): Promise<BuiltFixture> {
  const outDir = mkdtempSync(join(tmpdir(), 'natter-fixture-'));
  await build({
    configFile: false,
    root: pageDir,
    ...(options.publicDir ? { publicDir: options.publicDir } : {}),
    base: './',
    logLevel: 'error',
    plugins: [react()],
    resolve: { alias: reactAliases() },
    build: { outDir, emptyOutDir: true, minify: true, sourcemap: false, target: 'es2022', reportCompressedSize: false },
  });
  const server = await serveStatic(outDir);
  return {
    url: `${server.url}/`,
    async close() {
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
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

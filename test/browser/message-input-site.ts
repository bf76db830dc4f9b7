// Test support for the MessageInput browser tests: builds the fixture page in
// message-input-page/ with Vite (React plugin) into a temp folder, serves it on
// 127.0.0.1, and opens it in Debian's Chromium through playwright-core.
import { createReadStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { launchChromium } from '../support/chromium';

const PAGE_DIR = resolve(import.meta.dirname, 'message-input-page');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

export interface InputSite {
  url: string;
  browser: Browser;
  /** A fresh context (clipboard permissions granted) with the fixture loaded and ready. */
  open(query?: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }>;
  close(): Promise<void>;
}

export async function startInputSite(): Promise<InputSite> {
  const outDir = mkdtempSync(join(tmpdir(), 'natter-mi-'));
  await build({
    configFile: false,
    root: PAGE_DIR,
    base: './',
    logLevel: 'error',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, minify: true, sourcemap: false, target: 'es2022', reportCompressedSize: false },
  });
  const http: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/')).replace(/^(\.\.[/\\])+/, '');
    const file = join(outDir, path === '/' ? 'index.html' : path);
    if (!file.startsWith(outDir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}/`;
  const browser = await launchChromium();
  return {
    url,
    browser,
    async open(query = '') {
      const context = await browser.newContext({ viewport: { width: 800, height: 700 } });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url.slice(0, -1) });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`${url}${query}`);
      await page.waitForFunction(() => {
        const w = window as unknown as { __natter?: { ready: boolean }; __natterError?: string };
        return w.__natter?.ready || w.__natterError;
      }, null, { timeout: 30_000 });
      const failed = await page.evaluate(() => (window as unknown as { __natterError?: string }).__natterError);
      if (failed || errors.length > 0) throw new Error(`fixture failed: ${failed ?? errors.join('\n')}`);
      return { context, page, errors };
    },
    async close() {
      await browser.close();
      await new Promise<void>((r) => http.close(() => r()));
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

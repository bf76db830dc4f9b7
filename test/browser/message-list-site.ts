// Test support for the MessageList browser tests: builds the fixture page in
// message-list-page/ with Vite (React plugin) into a temp folder, serves it on
// 127.0.0.1, and opens it in Debian's Chromium through playwright-core.
import { createReadStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { launchChromium } from '../support/chromium';

const PAGE_DIR = resolve(import.meta.dirname, 'message-list-page');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };

export interface FixtureSite {
  url: string;
  browser: Browser;
  open(query?: string): Promise<Page>;
  close(): Promise<void>;
}

export async function startFixtureSite(): Promise<FixtureSite> {
  const outDir = mkdtempSync(join(tmpdir(), 'natter-ml-'));
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
      const page = await browser.newPage({ viewport: { width: 800, height: 700 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`${url}${query}`);
      await page.waitForFunction(() => (window as unknown as { __natter?: { ready: boolean }; __natterError?: string }).__natter?.ready || (window as unknown as { __natterError?: string }).__natterError, null, { timeout: 30_000 });
      const failed = await page.evaluate(() => (window as unknown as { __natterError?: string }).__natterError);
      if (failed || errors.length > 0) throw new Error(`fixture failed: ${failed ?? errors.join('\n')}`);
      return page;
    },
    async close() {
      await browser.close();
      await new Promise<void>((r) => http.close(() => r()));
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

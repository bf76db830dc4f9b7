// Owns serving a built static directory (Storybook, test pages) on 127.0.0.1
// for browser tests, on a free port, closed by the caller. Optionally with the
// caching a deployed Vite app has: its content-hashed files under assets/ kept
// by the browser (immutable), the HTML asked again on every load.
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

export interface StaticOptions {
  /** Files under `/<any>/assets/` or `/assets/` (Vite's hashed output) are cached for a year, immutable; others `no-cache`. */
  cacheAssets?: boolean;
}

const HASHED = /(^|\/)assets\/[^/]+$/;

export async function serveStatic(dir: string, options: StaticOptions = {}): Promise<StaticServer> {
  const root = normalize(dir);
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      let file = normalize(join(root, path));
      if (file !== root && !file.startsWith(root + sep)) {
        res.writeHead(403).end();
        return;
      }
      try {
        if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
        const body = await readFile(file);
        const headers: Record<string, string> = { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' };
        if (options.cacheAssets)
          headers['Cache-Control'] = HASHED.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
        res.writeHead(200, headers).end(body);
      } catch {
        res.writeHead(404).end();
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

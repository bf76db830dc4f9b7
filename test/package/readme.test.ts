// The README, followed exactly, from the packed tarballs: `npm pack` of both
// packages; fresh Vite + React 19 and React 18 apps with the default template's
// tsconfig get natter from its tarball and the README's snippets pasted in;
// `tsc` and `vite build` pass; the built app, served on 127.0.0.1, lets two
// users chat through the drop-in UI in Chromium. A Node folder gets both
// tarballs: `natter serve` starts from the server package, the README's token
// snippet mints a token it accepts, and the README's bot answers a message.
// Installs come from the npm registry (`npm run test:package`, not `npm test`).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { serveStatic, type StaticServer } from '../support/static-server';
import { createNodeApp, createViteApp, folderBytes, packBoth, REPO, runIn, type Tarballs } from './fresh-app';
import { readmeSnippets, type Snippet } from './readme-snippets';

const work = mkdtempSync(join(tmpdir(), 'natter-package-'));
const snippets = readmeSnippets(join(REPO, 'README.md'));
let tarballs: Tarballs;

function paste(dir: string, list: Snippet[]): void {
  for (const s of list) {
    mkdirSync(dirname(join(dir, s.file)), { recursive: true });
    writeFileSync(join(dir, s.file), s.code);
  }
}

const MAIN_TSX = `import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ChatDemo } from './ChatDemo';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ChatDemo />
  </StrictMode>,
);
`;

beforeAll(async () => {
  expect(snippets.map((s) => s.file)).toEqual(
    expect.arrayContaining(['src/ChatDemo.tsx', 'src/Thread.tsx', 'src/ServerChat.tsx', 'server/token.mjs', 'bot.mjs']),
  );
  tarballs = packBoth(join(work, 'tarballs'));
  // Every app installs at once, before any of them is used. A bound on hangs only: when
  // better-sqlite3 has to compile from source in the Node app (fresh-app.ts), the installs took
  // about 14 minutes beside test:unit.
  await Promise.all([
    createViteApp({ dir: join(work, 'react19'), react: 19, tarballs }),
    createViteApp({ dir: join(work, 'react18'), react: 18, tarballs }),
    createNodeApp(join(work, 'node'), tarballs),
  ]);
}, 1_500_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

function nativeModules(nodeModules: string): string[] {
  const found: string[] = [];
  const walk = (dir: string, depth: number) => {
    if (depth > 6) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name), depth + 1);
      else if (e.name.endsWith('.node') || e.name === 'binding.gyp') found.push(join(dir, e.name));
    }
  };
  walk(nodeModules, 0);
  return found;
}

async function twoUsersChat(browser: Browser, url: string, label: string): Promise<void> {
  const page: Page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    await page.goto(url);
    const alice = page.getByRole('region', { name: 'Alice' });
    const bob = page.getByRole('region', { name: 'Bob' });
    await alice.getByRole('button', { name: 'New conversation' }).click();
    const dialog = page.getByRole('dialog', { name: 'New conversation' });
    await dialog.getByRole('searchbox', { name: 'Find people' }).fill('bob');
    await dialog
      .getByRole('button', { name: /^(Chat with )?bob\b/ })
      .first()
      .click();
    const text = `Hello Bob from ${label}`;
    const input = alice.getByRole('textbox', { name: 'Message' });
    await input.fill(text);
    await input.press('Enter');
    await bob.getByRole('navigation').getByRole('button', { name: /alice/ }).first().click();
    await expect.poll(() => bob.getByText(text).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  } finally {
    await page.close();
  }
}

describe.each([19, 18] as const)('the README in a fresh Vite + React %i app', (react) => {
  const dir = join(work, `react${react}`);
  let site: StaticServer | null = null;
  let browser: Browser | null = null;

  beforeAll(() => {
    paste(
      dir,
      snippets.filter((s) => s.app === 'browser'),
    );
    writeFileSync(join(dir, 'src', 'main.tsx'), MAIN_TSX);
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('installs no native module and none of the server package’s dependencies', () => {
    const nm = join(dir, 'node_modules');
    expect(existsSync(join(nm, 'natter', 'package.json'))).toBe(true);
    for (const pkg of ['better-sqlite3', 'ws', 'busboy', 'pg', 'ioredis', '@natter/server'])
      expect(existsSync(join(nm, pkg)), pkg).toBe(false);
    // What the app ships (its production dependency tree: natter, react and theirs); the
    // Vite toolchain's own native binaries (rolldown, lightningcss) are the app's dev tooling.
    const shipped = runIn(dir, 'npm', ['ls', '--all', '--parseable', '--omit=dev'], 'npm ls')
      .split('\n')
      .filter((p) => p.includes('node_modules'));
    expect(shipped.some((p) => p.endsWith('/node_modules/natter'))).toBe(true);
    expect(shipped.flatMap((p) => nativeModules(p))).toEqual([]);
  });

  it('type-checks the snippets under the default Vite template tsconfig and builds', () => {
    runIn(dir, 'npx', ['tsc', '-p', 'tsconfig.app.json'], 'tsc');
    runIn(dir, 'npx', ['vite', 'build'], 'vite build');
    expect(existsSync(join(dir, 'dist', 'index.html'))).toBe(true);
  }, 300_000);

  it('resolves natter/ui through require() (Node >= 20.19, and the require/default conditions Jest uses)', () => {
    const out = runIn(
      dir,
      process.execPath,
      [
        '-e',
        "const ui = require('natter/ui'); const r = require('natter/react'); console.log(typeof ui.Chat, typeof r.ChatProvider, require.resolve('natter/ui'))",
      ],
      'require(natter/ui)',
    );
    expect(out).toMatch(/^function function .*node_modules\/natter\/dist\/ui\.js/);
  });

  it('lets two users chat through the drop-in UI in Chromium', async () => {
    site = await serveStatic(join(dir, 'dist'));
    browser = await launchChromium();
    await twoUsersChat(browser, `${site.url}/`, `React ${react}`);
  }, 120_000);
});

describe('the README on Node: natter serve, a token from the backend snippet, and the bot', () => {
  const dir = join(work, 'node');
  let server: ChildProcess | null = null;

  beforeAll(() => {
    paste(
      dir,
      snippets.filter((s) => s.app === 'node'),
    );
  });

  afterAll(() => {
    server?.kill('SIGTERM');
  });

  it('measures the browser install: natter alone is at most half of natter with the server package, and at most 27 MiB', () => {
    const browserApp = join(work, 'react19', 'node_modules');
    const natterOwn = ['natter', 'zustand', '@tanstack', '@emoji-mart', 'emoji-mart', 'valibot', 'idb']
      .map((p) => join(browserApp, p))
      .filter(existsSync)
      .reduce((a, p) => a + folderBytes(p), 0);
    const combined = folderBytes(join(dir, 'node_modules'));
    console.log(
      `install footprint: natter and its dependencies ${(natterOwn / 2 ** 20).toFixed(1)} MiB; natter + @natter/server ${(combined / 2 ** 20).toFixed(1)} MiB`,
    );
    expect(natterOwn / combined).toBeLessThanOrEqual(0.5);
    // Half of what a browser app installed before the split: 54 MB over a bare React app.
    expect(natterOwn).toBeLessThanOrEqual(27 * 2 ** 20);
  });

  it('starts a SQLite node without loading the PostgreSQL, Redis, Web Push or JWT libraries', () => {
    // They are loaded when a postgres:// database, Redis, push or a JWT is asked for: a SQLite node
    // started without them in 150 ms and 67 MB instead of 270 ms and 88 MB. ES modules are seen by
    // a resolve hook (jose is one), CommonJS ones in require's cache.
    writeFileSync(
      join(dir, 'probe-hooks.mjs'),
      `let port;
export function initialize(data) {
  port = data.port;
}
export async function resolve(specifier, context, next) {
  const found = await next(specifier, context);
  port.postMessage(found.url);
  return found;
}
`,
    );
    writeFileSync(
      join(dir, 'probe-start.mjs'),
      `import { createRequire, register } from 'node:module';
import { join } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
const { port1, port2 } = new MessageChannel();
const resolved = [];
port1.on('message', (url) => resolved.push(url));
port1.unref();
register('./probe-hooks.mjs', import.meta.url, { data: { port: port2 }, transferList: [port2] });
const { runCli } = await import('@natter/server');
const cache = createRequire(import.meta.url).cache;
const at = (name) => join(process.cwd(), name);
await runCli(['serve', '--dev', '--port', '0', '--host', '127.0.0.1', '--db', at('probe.sqlite'), '--files', at('probe-files')], {
  out: () => {},
  err: (text) => process.stderr.write(text),
  env: {},
  onServer: async (stop) => {
    await stop();
    const ours = resolved.filter((url) => url.includes('@natter/server')).length;
    const loaded = [...resolved, ...Object.keys(cache)].filter((p) =>
      /node_modules[\\\\/](pg|ioredis|web-push|jose)[\\\\/]/.test(p),
    );
    console.log(JSON.stringify({ started: true, hookSawTheServer: ours > 0, loaded }));
  },
});
`,
    );
    const out = runIn(dir, process.execPath, ['probe-start.mjs'], 'a SQLite node started by runCli');
    expect(JSON.parse(out.trim().split('\n').pop()!)).toEqual({ started: true, hookSawTheServer: true, loaded: [] });
  });

  it('prints its version, serves, accepts the README token, and the README bot answers', async () => {
    const bin = join(dir, 'node_modules', '.bin', 'natter');
    const version = runIn(dir, bin, ['--version'], 'natter --version').trim();
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
    const secret = 'a'.repeat(64);
    server = spawn(bin, ['serve', '--port', '0', '--db', join(dir, 'natter.sqlite'), '--files', join(dir, 'files')], {
      cwd: dir,
      env: { ...process.env, NATTER_SECRET: secret },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`natter serve did not start: ${out}`)), 20_000);
      const onData = (d: Buffer) => {
        out += d.toString();
        const m = /(ws:\/\/127\.0\.0\.1:\d+\/ws)|listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1] ?? `ws://127.0.0.1:${m[2]}/ws`);
        }
      };
      server!.stdout!.on('data', onData);
      server!.stderr!.on('data', onData);
    });
    process.env.NATTER_SECRET = secret;
    const { natterToken } = (await import(pathToFileURL(join(dir, 'server', 'token.mjs')).href)) as {
      natterToken(u: string): string;
    };
    const bot = spawn(process.execPath, ['bot.mjs'], {
      cwd: dir,
      env: { ...process.env, NATTER_URL: url, NATTER_TOKEN: natterToken('helpdesk') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the bot did not start')), 20_000);
        bot.stdout.on('data', (d: Buffer) => {
          if (d.toString().includes('is listening')) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
      // A user talks to the bot with the packed client, as the README's browser code would.
      const natter = (await import(
        pathToFileURL(join(dir, 'node_modules', 'natter', 'dist', 'index.js')).href
      )) as typeof import('natter');
      const { WebSocket } = (await import(pathToFileURL(join(dir, 'node_modules', 'ws', 'wrapper.mjs')).href)) as {
        WebSocket: unknown;
      };
      const alice = natter.createChatClient({ url, user: 'alice', token: natterToken('alice'), WebSocket });
      const answered = new Promise<string>((resolve) => {
        alice.on('message', ({ message }) => {
          if (message.from === 'helpdesk' && message.body.type === 'txt') resolve(message.body.msg);
        });
      });
      await alice.connect();
      await alice.sendText(natter.conversationId('single', 'helpdesk'), 'where is my order?');
      expect(await answered).toBe('You said: where is my order?');
      alice.close();
    } finally {
      bot.kill('SIGTERM');
    }
  }, 120_000);
});

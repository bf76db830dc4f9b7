// Owns the playground start benchmark: `npm start` (Storybook's dev server)
// from nothing, timed to the first usable chat as a newcomer meets it — the
// Playground story open in Chromium, Alice's message sent from her input and
// shown in Bob's pane (sent again when the dev server reloaded the page
// meanwhile). Cold runs start with an empty Vite cache (a fresh
// checkout); warm runs reuse the cache the cold run left (none with --cold-only). The dev server and
// the browser are real; nothing is asserted here, the numbers go to the report.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../../test/support/chromium';

const args = process.argv.slice(2);
const rounds = Number(args[args.indexOf('--rounds') + 1]) || 1;
const TIMEOUT_MS = Number(args[args.indexOf('--timeout-s') + 1]) * 1000 || 300_000;
// --cold-only: no warm start after each cold one (the smoke run's check that a start works, at half the cost).
const COLD_ONLY = args.includes('--cold-only');
/** Times Alice's first message is sent at most, each after the dev server reloaded the page (6 loads were seen once). */
const MAX_SENDS = 10;

interface Run {
  kind: 'cold' | 'warm';
  /** Until the dev server answered the story iframe page. */
  serverMs: number;
  /** Until Alice's sent message showed in Bob's pane. */
  usableMs: number;
  /** Page loads the browser made (more than one: Vite re-optimized dependencies and reloaded). */
  pageLoads: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

async function waitForHttp(url: string, deadline: number, child: ChildProcess): Promise<void> {
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`storybook dev exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer in time`);
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    // The dev server runs in its own process group: end it and its workers, nothing else.
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
  });
}

async function once(kind: Run['kind'], cacheDir: string): Promise<Run> {
  const port = await freePort();
  const started = Date.now();
  const deadline = started + TIMEOUT_MS;
  const child = spawn(
    process.execPath,
    [
      'node_modules/storybook/dist/bin/dispatcher.js',
      'dev',
      '-p',
      String(port),
      '--ci',
      '--no-open',
      '--quiet',
      '--exact-port',
    ],
    {
      env: { ...process.env, NATTER_STORYBOOK_CACHE_DIR: cacheDir },
      stdio: 'ignore',
      detached: true,
    },
  );
  const browser = await launchChromium();
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitForHttp(`${base}/iframe.html`, deadline, child);
    const serverMs = Date.now() - started;
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    let pageLoads = 0;
    page.on('load', () => pageLoads++);
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => void (m.type() === 'error' && pageErrors.push(m.text())));
    page.setDefaultTimeout(Math.max(1, deadline - Date.now()));
    await page.goto(`${base}/iframe.html?id=playground--three-users&viewMode=story`);
    const alice = page.getByRole('region', { name: "Alice's chat", exact: true });
    const bob = page.getByRole('region', { name: "Bob's chat", exact: true });
    const box = alice.getByRole('textbox', { name: 'Message' });
    // On a cold cache the dev server may reload the page after the message was sent (Vite optimized
    // dependencies it had just found): the in-page server went with it, so the message is sent
    // again in the reloaded page, as a newcomer would type it again. The time runs on throughout.
    for (let sent = 1; ; sent++) {
      // Listened for before typing: a reload at any point from here on sends the message again.
      const reloaded = new Promise<boolean>((resolve) => page.once('load', () => resolve(true)));
      const text = `first message ${Date.now()}`;
      await box.fill(text);
      await box.press('Enter');
      const shown = bob
        .getByText(text)
        .first()
        .waitFor()
        .then(() => false);
      // Bob's pane may be gone with a reloaded page: its wait failing then is not the run's error.
      shown.catch(() => undefined);
      try {
        if (!(await Promise.race([shown, reloaded]))) break;
        // A dev server that keeps reloading never gives a usable chat: that is the run's failure.
        if (sent === MAX_SENDS) throw new Error(`the page reloaded after each of ${MAX_SENDS} sends`);
      } catch (e) {
        // Say what the page showed, so a run that never gets there can be told apart: reloaded, never
        // sent (the text still typed), sent but not received, or an error on the page.
        const seen = {
          pageLoads,
          stillTyped: await box.inputValue({ timeout: 1000 }).catch(() => '(no textbox)'),
          inAlicesPane: await alice
            .getByText(text)
            .count()
            .catch(() => -1),
          pageErrors: pageErrors.slice(0, 5),
        };
        throw new Error(`Bob never showed Alice's message: ${JSON.stringify(seen)}`, { cause: e });
      }
    }
    return { kind, serverMs, usableMs: Date.now() - started, pageLoads };
  } finally {
    await browser.close();
    await stop(child);
  }
}

const cacheDir = mkdtempSync(join(tmpdir(), 'natter-sb-cache-'));
const runs: Run[] = [];
try {
  for (let i = 0; i < rounds; i++) {
    rmSync(cacheDir, { recursive: true, force: true });
    runs.push(await once('cold', cacheDir));
    if (!COLD_ONLY) runs.push(await once('warm', cacheDir));
  }
} finally {
  rmSync(cacheDir, { recursive: true, force: true });
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const of = (kind: Run['kind']) => runs.filter((r) => r.kind === kind);
process.stdout.write(
  JSON.stringify({
    rounds,
    runs,
    cold: {
      serverMs: median(of('cold').map((r) => r.serverMs)),
      usableMs: median(of('cold').map((r) => r.usableMs)),
      maxPageLoads: Math.max(...of('cold').map((r) => r.pageLoads)),
    },
    warm: COLD_ONLY
      ? null
      : {
          serverMs: median(of('warm').map((r) => r.serverMs)),
          usableMs: median(of('warm').map((r) => r.usableMs)),
          maxPageLoads: Math.max(...of('warm').map((r) => r.pageLoads)),
        },
  }),
);

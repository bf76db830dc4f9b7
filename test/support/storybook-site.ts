// Owns the built Storybook the browser tests share: the first test file that
// asks builds it (a lock folder keeps the other files waiting instead of
// building again), each file serves it on 127.0.0.1 and opens stories by id.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { serveStatic, type StaticServer } from './static-server';

export interface IndexEntry {
  id: string;
  title: string;
  name: string;
  type: 'story' | 'docs';
  /** Storybook's tags; a story with a play function has `play-fn`. */
  tags?: string[];
}

export interface StorybookSite {
  url: string;
  entries: IndexEntry[];
  /** The iframe URL of one story, with optional args (`key:value;…`) and globals. */
  story(id: string, args?: Record<string, string>): string;
  close(): Promise<void>;
}

const BUILD_TIMEOUT_MS = 420_000;
const POLL_MS = 500;

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

async function ensureBuilt(dir: string): Promise<void> {
  const done = join(dir, '.natter-built');
  const failed = `${dir}.lock/failed`;
  let mine = false;
  try {
    mkdirSync(`${dir}.lock`);
    mine = true;
  } catch {
    // Another test file is building it.
  }
  if (mine) {
    try {
      execFileSync(process.execPath, ['node_modules/storybook/dist/bin/dispatcher.js', 'build', '-o', dir, '--quiet'], {
        stdio: 'pipe',
        timeout: BUILD_TIMEOUT_MS,
      });
      writeFileSync(done, '');
    } catch (e) {
      writeFileSync(failed, e instanceof Error ? e.message : String(e));
      throw e;
    }
    return;
  }
  for (let waited = 0; waited < BUILD_TIMEOUT_MS; waited += POLL_MS) {
    if (existsSync(done)) return;
    if (existsSync(failed))
      throw new Error(`Storybook build failed in another test file: ${readFileSync(failed, 'utf8').slice(0, 2000)}`);
    await sleep(POLL_MS);
  }
  throw new Error('Storybook was not built in time');
}

/** Builds Storybook once per test run (or waits for it) and serves it. */
export async function openStorybook(): Promise<StorybookSite> {
  const dir = inject('storybookDir');
  await ensureBuilt(dir);
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { entries: Record<string, IndexEntry> };
  const server: StaticServer = await serveStatic(dir);
  return {
    url: server.url,
    entries: Object.values(index.entries),
    story(id, args) {
      const a = args
        ? `&args=${Object.entries(args)
            .map(([k, v]) => `${k}:${v}`)
            .join(';')}`
        : '';
      return `${server.url}/iframe.html?id=${id}&viewMode=story${a}`;
    },
    close: () => server.close(),
  };
}

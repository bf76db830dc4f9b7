// Owns the built Storybook the browser tests share: the first test file that
// asks builds it (once per run, build-once.ts), each file serves it on
// 127.0.0.1 and opens stories by id.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { buildOnce } from './build-once';
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

/** Builds Storybook once per test run (or waits for it) and serves it. */
export async function openStorybook(): Promise<StorybookSite> {
  const dir = join(inject('buildRoot'), 'storybook');
  const build = (): void => {
    execFileSync(process.execPath, ['node_modules/storybook/dist/bin/dispatcher.js', 'build', '-o', dir, '--quiet'], {
      stdio: 'pipe',
      timeout: BUILD_TIMEOUT_MS,
    });
  };
  await buildOnce(dir, build, BUILD_TIMEOUT_MS);
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

// Owns building the list benchmark's pages: one production Vite build per
// contender (so a contender whose source is missing or broken fails alone),
// each into its own folder of one temp directory served as static files. The
// pages are built next to the packed package (bench/support/packed-package.ts):
// natter's page imports `natter/…` as an app does.
// BENCH_NO_MINIFY=1 keeps names readable for CPU profiles (not for figures).
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { packedApps } from '../support/packed-package';

const here = dirname(fileURLToPath(import.meta.url));
export const PAGES_DIR = join(here, 'pages');
const ROOT = join(here, '..', '..');

/** `natter-features`: natter's list whose messages carry reactions and quoted replies (pages/features.ts). */
export const CONTENDERS = ['natter', 'natter-features', 'stream-chat-react', 'chatscope', 'react-virtuoso'] as const;
export type ContenderName = (typeof CONTENDERS)[number];

/** Page file (without extension) of each contender under pages/. */
export const PAGE_OF: Record<ContenderName, string> = {
  natter: 'natter',
  'natter-features': 'natter-features',
  'stream-chat-react': 'stream',
  chatscope: 'chatscope',
  'react-virtuoso': 'virtuoso',
};

/** A reason the contender cannot be built yet, or null. natter's list lands in src/ui/message-list. */
export function missingSource(name: ContenderName): string | null {
  if (name !== 'natter' && name !== 'natter-features') return null;
  const file = join(ROOT, 'src', 'ui', 'message-list', 'message-list.tsx');
  return existsSync(file) ? null : 'src/ui/message-list/message-list.tsx does not exist yet';
}

export interface BuiltPages {
  dir: string;
  /** Path under `dir` of each built contender's page. */
  pages: Partial<Record<ContenderName, string>>;
  /** Why a contender has no page. */
  skipped: Partial<Record<ContenderName, string>>;
  buildMs: Partial<Record<ContenderName, number>>;
}

export async function buildPages(names: readonly ContenderName[]): Promise<BuiltPages> {
  const dir = mkdtempSync(join(tmpdir(), 'natter-bench-list-'));
  const root = packedApps(PAGES_DIR, 'list');
  const out: BuiltPages = { dir, pages: {}, skipped: {}, buildMs: {} };
  for (const name of names) {
    const missing = missingSource(name);
    if (missing) {
      out.skipped[name] = missing;
      continue;
    }
    const page = PAGE_OF[name];
    const started = Date.now();
    try {
      await build({
        configFile: false,
        root,
        base: './',
        logLevel: 'error',
        plugins: [react()],
        build: {
          outDir: join(dir, page),
          emptyOutDir: true,
          minify: process.env.BENCH_NO_MINIFY ? false : true,
          sourcemap: false,
          reportCompressedSize: false,
          chunkSizeWarningLimit: 100_000,
          rollupOptions: { input: join(root, `${page}.html`) },
        },
      });
      out.pages[name] = `${page}/${page}.html`;
      out.buildMs[name] = Date.now() - started;
    } catch (e) {
      out.skipped[name] = `build failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
    }
  }
  return out;
}

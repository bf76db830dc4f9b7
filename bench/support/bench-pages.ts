// Owns the production builds of the browser benchmarks' pages (message list,
// jump, conversation list, offline start and its floor): one Vite build per benchmark for all
// of its contender pages (not one per page), next to the packed package
// (packed-package.ts), so each page imports `natter/…` as an app does. One build
// per benchmark rather than one for all: in a build shared with the list's pages,
// stream-chat-react's jump never showed its target. Within one `npm run bench` run
// (NATTER_BENCH_RUN) the build is made once, before the benchmarks start
// (prepare.ts), and each benchmark serves the pages it needs from it; a
// benchmark run on its own builds its pages the same way for itself.
// BENCH_NO_MINIFY=1 keeps names readable for CPU profiles (not for figures).
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { PACKED_DIR, packedApps } from './packed-package';

const BENCH = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The page sets: where each benchmark's page sources are and its pages (HTML file names without extension). */
export const PAGE_SETS = {
  list: { from: join(BENCH, 'list', 'pages'), pages: ['natter', 'natter-features', 'stream', 'chatscope', 'virtuoso'] },
  // The jump pages use the list bench's HTML for the same contender: the same box, the same script name.
  jump: { from: join(BENCH, 'jump', 'pages'), pages: ['natter', 'stream', 'virtuoso'], htmlFrom: 'list' },
  'conversation-list': { from: join(BENCH, 'conversation-list', 'pages'), pages: ['natter', 'stream', 'floor'] },
  offline: { from: join(BENCH, 'offline', 'pages'), pages: ['offline'] },
  // A build of its own: in natter's build the floor would share React with the natter page as a
  // chunk of both, changing the natter page's chunks.
  'offline-floor': { from: join(BENCH, 'offline', 'pages'), pages: ['floor'] },
} as const;
export type PageSet = keyof typeof PAGE_SETS;

export interface BuiltPages {
  /** The folder to serve: a page is at `<set>/<page>.html` under it. */
  dir: string;
  /** Wall seconds of the build, 0 when this run's build was reused. */
  buildSeconds: number;
  /** Removes a build made for this benchmark alone (a run's shared build stays for the others). */
  dispose(): void;
}

const OUT = join(PACKED_DIR, 'pages');
const RUN_MARK = join(OUT, 'run-id');

/**
 * The built pages of `sets`: this run's shared build when it holds them, else one Vite build of
 * them (within a run, of every set, for the benchmarks after this one).
 */
export async function builtPages(sets: readonly PageSet[]): Promise<BuiltPages> {
  const run = process.env.NATTER_BENCH_RUN;
  const keep = () => undefined;
  if (run && existsSync(RUN_MARK)) {
    const [markRun, markSets] = readFileSync(RUN_MARK, 'utf8').split('\n');
    if (markRun === run && sets.every((s) => markSets!.split(',').includes(s))) {
      process.stderr.write(`pages: reusing this run's build of ${sets.join(', ')}\n`);
      return { dir: join(OUT, 'dist'), buildSeconds: 0, dispose: keep };
    }
  }
  const all = run ? (Object.keys(PAGE_SETS) as PageSet[]) : sets;
  const started = performance.now();
  const outDir = join(OUT, run ? 'dist' : `dist-${process.pid}`);
  for (const set of all) await buildSet(set, join(outDir, set));
  if (run) writeFileSync(RUN_MARK, `${run}\n${all.join(',')}`);
  const buildSeconds = Math.round((performance.now() - started) / 100) / 10;
  process.stderr.write(`pages: built ${all.join(', ')}, one Vite build each (${buildSeconds} s)\n`);
  const dispose = run ? keep : () => rmSync(outDir, { recursive: true, force: true });
  return { dir: outDir, buildSeconds, dispose };
}

/** One Vite build of every page of `set` into `outDir` (`<page>.html` there). */
async function buildSet(set: PageSet, outDir: string): Promise<void> {
  const def = PAGE_SETS[set];
  const root = packedApps(def.from, set);
  const input: Record<string, string> = {};
  for (const page of def.pages) {
    if ('htmlFrom' in def) {
      const html = readFileSync(join(BENCH, def.htmlFrom, 'pages', `${page}.html`), 'utf8');
      writeFileSync(join(root, `${page}.html`), html.replace(/<title>\w[\w-]* bench:/, `<title>${set} bench:`));
    }
    input[page] = join(root, `${page}.html`);
  }
  await build({
    configFile: false,
    root,
    base: './',
    logLevel: 'error',
    plugins: [react()],
    build: {
      outDir,
      emptyOutDir: true,
      minify: !process.env.BENCH_NO_MINIFY,
      sourcemap: false,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 100_000,
      rollupOptions: { input },
    },
  });
}

// Bundle benchmark: the minified + gzipped JavaScript an app pays for each chat
// screen, built as an app builds it — natter from its packed tarball (`npm pack`,
// unpacked into bench/.packed; see bench/support/packed-package.ts), peers from
// their published packages — with Vite 8 (natter's own toolchain, Rolldown) and
// Vite 7 (Rollup), react/react-dom/scheduler external since every React app has
// them already; with --webpack, the full Chat and the one-hook / one-component apps are built with webpack 5 as
// well (webpack-build.ts; the "own code" references need natter's TypeScript
// sources, so they are Vite's only). "Initial" is the entry chunk and every chunk it imports
// statically; chunks reached only through `import()` are lazy and reported apart.
// CSS is reported beside the JS, not added to it. The "own code" references
// build one hook / one component from its source module (perfect tree-shaking)
// to check that the packed package shakes as well.
// Run: node --import tsx bench/bundle/bundle-size.bench.ts [--apps natter-chat,chatscope] [--vite 8|7|both] [--webpack]
// Prints one JSON document on stdout (progress on stderr).
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build, type Rollup } from 'vite';
import { packedApps, packedNatter, vite7Entry } from '../support/packed-package';
import { webpackBuild } from './webpack-build';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const GZIP_LEVEL = 9;
const EXTERNAL = ['react', 'react-dom', 'react-dom/client', 'react/jsx-runtime', 'react/jsx-dev-runtime', 'scheduler'];

interface AppSpec {
  name: string;
  title: string;
  /** Built from bench/bundle/own/ against natter's sources (the "own code" references). */
  own?: boolean;
}

export const APPS: AppSpec[] = [
  { name: 'natter-headless', title: 'natter headless: client (WebSocket) + natter/react hooks' },
  { name: 'natter-headless-embedded', title: 'natter headless + embedded server in the page' },
  { name: 'natter-chat', title: 'natter full Chat screen (natter/ui)' },
  { name: 'natter-one-hook', title: 'natter: one hook (useUnreadCount from natter/react)' },
  { name: 'natter-one-component', title: 'natter: one small component (CountBadge from natter/ui)' },
  { name: 'natter-one-hook-own', title: 'reference: useUnreadCount from its own source module', own: true },
  { name: 'natter-one-component-own', title: 'reference: CountBadge from its own source module', own: true },
  { name: 'stream-chat-react', title: 'stream-chat-react Chat + Channel + MessageList + MessageComposer' },
  { name: 'chatscope', title: 'chatscope MainContainer + ChatContainer + MessageList + MessageInput' },
  { name: 'sendbird', title: 'Sendbird UIKit SendbirdProvider + GroupChannel' },
  { name: 'ref-react-virtuoso', title: 'reference: react-virtuoso alone (the alternative; the list bench floor)' },
  { name: 'ref-tanstack-virtual', title: "reference: @tanstack/react-virtual alone (natter's virtualizer)" },
];

/** Built with webpack 5 too (--webpack); natter-headless imports a sibling TSX module, which the webpack build does not handle yet. */
const WEBPACK_APPS = ['natter-chat', 'natter-one-hook', 'natter-one-component'];

const NOT_MEASURED: { name: string; title: string; reason: string }[] = [];

interface ChunkSize {
  fileName: string;
  /** What the chunk mostly holds (its largest package, or "app/natter"). */
  label: string;
  minBytes: number;
  gzBytes: number;
}

const gz = (code: string) => gzipSync(Buffer.from(code), { level: GZIP_LEVEL }).length;

/**
 * "zustand" for node_modules/zustand/..., "@emoji-mart/data" for scoped ones; a package natter bundles
 * into its own dist (dist/modules/vendor/<package>/...) counts as that package too. Null for app files.
 */
function packageOf(id: string): string | null {
  const path = id.replace(/\\/g, '/');
  const vendored = /\/dist\/modules\/vendor\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (vendored) return vendored[1]!;
  // The innermost node_modules: natter's own dist may hold one (its bundled emoji data, when the
  // build's node_modules is a symlink and the chunk is named after its real path).
  const m = /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  return m ? m[1]! : null;
}

function labelOf(chunk: Rollup.OutputChunk): string {
  const byPkg = new Map<string, number>();
  for (const [id, info] of Object.entries(chunk.modules)) {
    const pkg = packageOf(id) ?? (id.includes('/src/') ? 'natter (src)' : 'app');
    byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + info.renderedLength);
  }
  return (
    [...byPkg.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 2)
      .map(([p]) => p)
      .join(' + ') || 'empty'
  );
}

type ViteMajor = 7 | 8;

function entryOf(app: AppSpec, appsDir: string): string {
  return app.own ? join(here, 'own', `${app.name.replace(/-own$/, '')}.tsx`) : join(appsDir, `${app.name}.tsx`);
}

async function viteBuild(major: ViteMajor, config: Record<string, unknown>): Promise<unknown> {
  if (major === 8) return build(config);
  // Vite 7 (Rollup + esbuild), installed into bench/.vite7; esbuild's automatic JSX instead of the React plugin (which needs Vite 8).
  const vite7 = (await import(pathToFileURL(vite7Entry()).href)) as {
    build(c: Record<string, unknown>): Promise<unknown>;
  };
  const { plugins: _plugins, ...rest } = config;
  return vite7.build({ ...rest, esbuild: { jsx: 'automatic' } });
}

async function buildApp(app: AppSpec, appsDir: string, major: ViteMajor) {
  const output = (await viteBuild(major, {
    configFile: false,
    root,
    logLevel: 'error',
    plugins: [react()],
    build: {
      write: false,
      minify: true,
      sourcemap: false,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 100_000,
      modulePreload: false,
      rollupOptions: { input: entryOf(app, appsDir), external: EXTERNAL },
    },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  const outputs = Array.isArray(output) ? output : [output];
  const items = outputs.flatMap((o) => o.output);
  const chunks = items.filter((i): i is Rollup.OutputChunk => i.type === 'chunk');
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const initialNames = new Set<string>();
  const visit = (name: string) => {
    if (initialNames.has(name)) return;
    initialNames.add(name);
    for (const dep of byName.get(name)?.imports ?? []) if (byName.has(dep)) visit(dep);
  };
  for (const c of chunks) if (c.isEntry) visit(c.fileName);
  const size = (c: Rollup.OutputChunk): ChunkSize => ({
    fileName: c.fileName,
    label: labelOf(c),
    minBytes: Buffer.byteLength(c.code),
    gzBytes: gz(c.code),
  });
  const initial = chunks.filter((c) => initialNames.has(c.fileName)).map(size);
  const lazy = chunks.filter((c) => !initialNames.has(c.fileName)).map(size);
  const css = items.filter((i): i is Rollup.OutputAsset => i.type === 'asset' && i.fileName.endsWith('.css'));
  const cssText = css
    .map((a) => (typeof a.source === 'string' ? a.source : Buffer.from(a.source).toString('utf8')))
    .join('\n');

  // Which packages the initial JS holds (pre-minification bytes, to show where the weight is).
  const pkgBytes = new Map<string, number>();
  const initialPackages = new Set<string>();
  for (const c of chunks) {
    if (!initialNames.has(c.fileName)) continue;
    for (const [id, info] of Object.entries(c.modules)) {
      const pkg = packageOf(id) ?? (id.includes('/src/') ? 'natter (src)' : 'app');
      initialPackages.add(pkg);
      pkgBytes.set(pkg, (pkgBytes.get(pkg) ?? 0) + info.renderedLength);
    }
  }
  const sum = (xs: ChunkSize[], k: 'minBytes' | 'gzBytes') => xs.reduce((a, x) => a + x[k], 0);
  return {
    initial: { minBytes: sum(initial, 'minBytes'), gzBytes: sum(initial, 'gzBytes'), chunks: initial },
    lazy,
    css: { minBytes: Buffer.byteLength(cssText), gzBytes: cssText ? gz(cssText) : 0, files: css.length },
    initialPackages: [...pkgBytes.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([name, renderedBytes]) => ({ name, renderedBytes })),
    emojiMartInInitial: initialPackages.has('emoji-mart') || initialPackages.has('@emoji-mart/data'),
  };
}

async function main(): Promise<void> {
  const i = process.argv.indexOf('--apps');
  const wanted = i >= 0 ? process.argv[i + 1]!.split(',') : null;
  const v = process.argv.indexOf('--vite');
  const majors: ViteMajor[] =
    v >= 0 && process.argv[v + 1] !== 'both' ? [Number(process.argv[v + 1]) as ViteMajor] : [8, 7];
  const packed = packedNatter();
  const appsDir = packedApps(join(here, 'apps'), 'bundle');
  const byVite: Record<string, Record<string, unknown>> = {};
  for (const major of majors) {
    const apps: Record<string, unknown> = {};
    for (const app of APPS) {
      if (wanted && !wanted.includes(app.name)) continue;
      const started = Date.now();
      try {
        const r = await buildApp(app, appsDir, major);
        apps[app.name] = {
          title: app.title,
          entry: relative(root, entryOf(app, appsDir)),
          buildMs: Date.now() - started,
          ...r,
        };
        process.stderr.write(
          `bundle (vite ${major}): ${app.name}: ${(r.initial.gzBytes / 1024).toFixed(1)} KiB gz initial (${(r.initial.minBytes / 1024).toFixed(1)} KiB min), ${r.lazy.length} lazy chunk(s)\n`,
        );
      } catch (e) {
        const msg = e instanceof Error ? e.message.split('\n').slice(0, 3).join(' ') : String(e);
        apps[app.name] = { title: app.title, error: `build failed: ${msg}` };
        process.stderr.write(`bundle (vite ${major}): ${app.name} FAILED: ${msg}\n`);
      }
    }
    byVite[`vite${major}`] = apps;
  }
  const webpack5: Record<string, unknown> = {};
  if (process.argv.includes('--webpack'))
    for (const app of APPS) {
      if ((wanted && !wanted.includes(app.name)) || !WEBPACK_APPS.includes(app.name)) continue;
      const started = Date.now();
      try {
        const r = await webpackBuild(entryOf(app, appsDir), EXTERNAL);
        webpack5[app.name] = { title: app.title, buildMs: Date.now() - started, ...r };
        process.stderr.write(
          `bundle (webpack 5): ${app.name}: ${(r.initial.gzBytes / 1024).toFixed(1)} KiB gz initial\n`,
        );
      } catch (e) {
        const msg = e instanceof Error ? e.message.split('\n').slice(0, 3).join(' ') : String(e);
        webpack5[app.name] = { title: app.title, error: `build failed: ${msg}` };
        process.stderr.write(`bundle (webpack 5): ${app.name} FAILED: ${msg}\n`);
      }
    }
  const primary = byVite[`vite${majors[0]}`] ?? {};
  const doc = {
    benchmark: 'bundle',
    gzipLevel: GZIP_LEVEL,
    external: EXTERNAL,
    kib: 1024,
    natterFrom: relative(root, packed.tarball),
    vite: majors,
    apps: primary,
    byVite,
    ...(Object.keys(webpack5).length > 0 ? { webpack5 } : {}),
    notMeasured: NOT_MEASURED,
  };
  process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});

// Bundle benchmark (issue 8, item 4): the minified + gzipped JavaScript an app
// pays for each chat screen, all in the same production Vite build set-up
// (apps/<name>.tsx as the entry; react, react-dom and scheduler external, since
// every React app has them already). "Initial" is the entry chunk and every
// chunk it imports statically; chunks reached only through `import()` are lazy
// and reported apart (natter's emoji-mart picker and its data must be among
// them). CSS is reported beside the JS, not added to it.
// Run: node --import tsx bench/bundle/bundle-size.bench.ts [--apps natter-chat,chatscope]
// Prints one JSON document on stdout (progress on stderr).
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build, type Rollup } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const GZIP_LEVEL = 9;
const EXTERNAL = ['react', 'react-dom', 'react-dom/client', 'react/jsx-runtime', 'react/jsx-dev-runtime', 'scheduler'];

interface AppSpec {
  name: string;
  title: string;
  /** Files that must exist for the app to be built (natter's UI lands in steps). */
  needs?: string[];
}

export const APPS: AppSpec[] = [
  { name: 'natter-headless', title: 'natter headless: client (WebSocket) + natter/react hooks' },
  { name: 'natter-headless-embedded', title: 'natter headless + embedded server in the page' },
  { name: 'natter-chat', title: 'natter full Chat screen (natter/ui)', needs: ['src/ui/chat/chat.tsx', 'src/entries/ui.ts'] },
  { name: 'stream-chat-react', title: 'stream-chat-react Chat + Channel + MessageList + MessageComposer' },
  { name: 'chatscope', title: 'chatscope MainContainer + ChatContainer + MessageList + MessageInput' },
  { name: 'sendbird', title: 'Sendbird UIKit SendbirdProvider + GroupChannel' },
  { name: 'ref-react-virtuoso', title: 'reference: react-virtuoso alone (the alternative; the list bench floor)' },
  { name: 'ref-tanstack-virtual', title: 'reference: @tanstack/react-virtual alone (natter\'s virtualizer)' },
];

const NOT_MEASURED: { name: string; title: string; reason: string }[] = [];

interface ChunkSize {
  fileName: string;
  /** What the chunk mostly holds (its largest package, or "app/natter"). */
  label: string;
  minBytes: number;
  gzBytes: number;
}

const gz = (code: string) => gzipSync(Buffer.from(code), { level: GZIP_LEVEL }).length;

/** "emoji-mart" for node_modules/emoji-mart/..., "@emoji-mart/data" for scoped ones, null for our own files. */
function packageOf(id: string): string | null {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id.replace(/\\/g, '/'));
  return m ? m[1]! : null;
}

function labelOf(chunk: Rollup.OutputChunk): string {
  const byPkg = new Map<string, number>();
  for (const [id, info] of Object.entries(chunk.modules)) {
    const pkg = packageOf(id) ?? (id.includes('/src/') ? 'natter' : 'app');
    byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + info.renderedLength);
  }
  return [...byPkg.entries()].sort((a, b) => b[1] - a[1]).slice(0, 2).map(([p]) => p).join(' + ') || 'empty';
}

async function buildApp(app: AppSpec) {
  const output = (await build({
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
      rollupOptions: { input: join(here, 'apps', `${app.name}.tsx`), external: EXTERNAL },
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
  const size = (c: Rollup.OutputChunk): ChunkSize => ({ fileName: c.fileName, label: labelOf(c), minBytes: Buffer.byteLength(c.code), gzBytes: gz(c.code) });
  const initial = chunks.filter((c) => initialNames.has(c.fileName)).map(size);
  const lazy = chunks.filter((c) => !initialNames.has(c.fileName)).map(size);
  const css = items.filter((i): i is Rollup.OutputAsset => i.type === 'asset' && i.fileName.endsWith('.css'));
  const cssText = css.map((a) => (typeof a.source === 'string' ? a.source : Buffer.from(a.source).toString('utf8'))).join('\n');

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
    initialPackages: [...pkgBytes.entries()].sort((a, b) => b[1] - a[1]).map(([name, renderedBytes]) => ({ name, renderedBytes })),
    emojiMartInInitial: initialPackages.has('emoji-mart') || initialPackages.has('@emoji-mart/data'),
  };
}

async function main(): Promise<void> {
  const i = process.argv.indexOf('--apps');
  const wanted = i >= 0 ? process.argv[i + 1]!.split(',') : null;
  const apps: Record<string, unknown> = {};
  for (const app of APPS) {
    if (wanted && !wanted.includes(app.name)) continue;
    const missing = (app.needs ?? []).filter((f) => !existsSync(join(root, f)));
    if (missing.length) {
      apps[app.name] = { title: app.title, error: `not built: ${missing.join(', ')} missing` };
      process.stderr.write(`bundle: ${app.name} skipped (${missing.join(', ')} missing)\n`);
      continue;
    }
    const started = Date.now();
    try {
      const r = await buildApp(app);
      apps[app.name] = { title: app.title, entry: relative(root, join(here, 'apps', `${app.name}.tsx`)), buildMs: Date.now() - started, ...r };
      process.stderr.write(`bundle: ${app.name}: ${(r.initial.gzBytes / 1024).toFixed(1)} KiB gz initial (${(r.initial.minBytes / 1024).toFixed(1)} KiB min), ${r.lazy.length} lazy chunk(s)\n`);
    } catch (e) {
      const msg = e instanceof Error ? e.message.split('\n').slice(0, 3).join(' ') : String(e);
      apps[app.name] = { title: app.title, error: `build failed: ${msg}` };
      process.stderr.write(`bundle: ${app.name} FAILED: ${msg}\n`);
    }
  }
  const doc = { benchmark: 'bundle', gzipLevel: GZIP_LEVEL, external: EXTERNAL, kib: 1024, apps, notMeasured: NOT_MEASURED };
  process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});

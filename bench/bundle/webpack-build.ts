// Owns the webpack 5 builds of the bundle benchmark: an app's TSX files are
// turned into JavaScript by esbuild (the repository's, as tsx uses it) next to
// the originals, so that `natter` resolves through the packed package as under
// Vite, then webpack 5 (installed into bench/.webpack5, see packed-package.ts)
// builds it in production mode: its own minifier, default chunk splitting,
// native CSS, react/react-dom/scheduler external. "Initial" is what the
// entrypoint loads; every other chunk is reached through `import()` only.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { transformSync } from 'esbuild';
import { webpack5Entry } from '../support/packed-package';

interface ChunkSize {
  fileName: string;
  label: string;
  minBytes: number;
  gzBytes: number;
}

export interface WebpackBuildResult {
  initial: { minBytes: number; gzBytes: number; chunks: ChunkSize[] };
  lazy: ChunkSize[];
  css: { minBytes: number; gzBytes: number; files: number };
}

interface WebpackStats {
  hasErrors(): boolean;
  toJson(o: object): {
    errors?: { message: string }[];
    entrypoints?: Record<string, { assets?: { name: string }[] }>;
    assets?: { name: string }[];
  };
}
type Webpack = (config: object, done: (err: Error | null, stats?: WebpackStats) => void) => void;

const gz = (b: Buffer) => gzipSync(b, { level: 9 }).length;

/** Builds `entryTsx` with webpack 5; `external` are left to the page (import specifiers). */
export async function webpackBuild(entryTsx: string, external: readonly string[]): Promise<WebpackBuildResult> {
  const require = createRequire(webpack5Entry());
  const webpack = require('webpack') as Webpack;
  const dir = dirname(entryTsx);
  // Each app file as plain JavaScript beside its source (an app may import a sibling: natter-headless).
  const written = readdirSync(dir)
    .filter((f) => f.endsWith('.tsx'))
    .map((f) => {
      const js = join(dir, `${basename(f, '.tsx')}.js`);
      const source = readFileSync(join(dir, f), 'utf8');
      writeFileSync(js, transformSync(source, { loader: 'tsx', jsx: 'automatic', format: 'esm' }).code);
      return js;
    });
  const entry = join(dir, `${basename(entryTsx, '.tsx')}.js`);
  const out = mkdtempSync(join(tmpdir(), 'natter-webpack-'));
  try {
    const stats = await new Promise<WebpackStats>((resolve, reject) =>
      webpack(
        {
          mode: 'production',
          context: dirname(entry),
          entry: { app: entry },
          output: { path: out, filename: '[name].js', chunkFilename: '[name].[contenthash:8].js', module: true },
          experiments: { outputModule: true, css: true },
          externalsType: 'module',
          externals: Object.fromEntries(external.map((e) => [e, e])),
          devtool: false,
          performance: { hints: false },
          infrastructureLogging: { level: 'error' },
          // An app's resolution: not the repository's tsconfig paths (they map `natter` to src/).
          resolve: { extensions: ['.mjs', '.js', '.json'], tsconfig: false },
        },
        (err, s) => (err || !s ? reject(err ?? new Error('webpack gave no stats')) : resolve(s)),
      ),
    );
    const json = stats.toJson({ all: false, errors: true, entrypoints: true, assets: true });
    if (stats.hasErrors()) throw new Error(json.errors?.map((e) => e.message).join('\n') ?? 'webpack failed');
    const initialNames = new Set((json.entrypoints?.app?.assets ?? []).map((a) => a.name));
    const size = (fileName: string): ChunkSize => {
      const bytes = readFileSync(join(out, fileName));
      return {
        fileName,
        label: initialNames.has(fileName) ? 'entry' : 'lazy',
        minBytes: bytes.length,
        gzBytes: gz(bytes),
      };
    };
    const files = readdirSync(out);
    const js = files.filter((f) => f.endsWith('.js')).map(size);
    const initial = js.filter((c) => initialNames.has(c.fileName));
    const cssFiles = files.filter((f) => f.endsWith('.css'));
    const cssBytes = Buffer.concat(cssFiles.map((f) => readFileSync(join(out, f))));
    const sum = (xs: ChunkSize[], k: 'minBytes' | 'gzBytes') => xs.reduce((a, x) => a + x[k], 0);
    return {
      initial: { minBytes: sum(initial, 'minBytes'), gzBytes: sum(initial, 'gzBytes'), chunks: initial },
      lazy: js.filter((c) => !initialNames.has(c.fileName)),
      css: { minBytes: cssBytes.length, gzBytes: cssFiles.length ? gz(cssBytes) : 0, files: cssFiles.length },
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
    for (const js of written) rmSync(js, { force: true });
  }
}

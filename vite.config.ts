// Library build of the browser package `natter`: one ESM file per public entry
// (src/entries/<name>.ts → dist/<name>.js) and every other module kept as its own
// file under dist/ (preserveModules), so an app's bundler tree-shakes what it does
// not import — the embedded server, the UI an app draws itself. The UI's CSS goes
// to dist/natter.css. Every dependency, peer dependency and Node built-in stays
// external; the emoji data set (a dev dependency, 27 MiB installed for the
// ~430 KB natter reads) is bundled into lazy chunks of its own instead. The Node host is not here: it is built into packages/server
// (@natter/server) by packages/server/vite.config.ts. Type declarations are
// emitted by `tsc -p tsconfig.build.json` once the bundle is written.
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { declarations } from './scripts/build/declarations.ts';

const root = dirname(fileURLToPath(import.meta.url));

/** Public entries: package.json subpath → src/entries/<name>.ts → dist/<name>.js. */
const ENTRY_NAMES = ['index', 'store', 'react', 'ui', 'compat-tencent', 'compat-webim'] as const;

/** Entries whose source exists (layers land one by one; a missing one is skipped, not faked). */
function presentEntries(): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const name of ENTRY_NAMES) {
    const file = resolve(root, 'src/entries', `${name}.ts`);
    if (existsSync(file)) entries[name] = file;
  }
  return entries;
}

interface PackageJson {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as PackageJson;
const externalPackages = new Set([
  ...Object.keys(pkg.dependencies ?? {}),
  ...Object.keys(pkg.peerDependencies ?? {}),
  ...Object.keys(pkg.optionalDependencies ?? {}),
]);
const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** The package name of a bare specifier (`@scope/pkg/sub` → `@scope/pkg`), or null for a path. */
function packageNameOf(id: string): string | null {
  if (id.startsWith('.') || id.startsWith('/') || id.startsWith('\0') || /^[A-Za-z]:[\\/]/.test(id)) return null;
  const parts = id.split('/');
  return id.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] as string);
}

export function isExternal(id: string): boolean {
  if (id.startsWith('node:') || builtins.has(id)) return true;
  const name = packageNameOf(id);
  return name !== null && (externalPackages.has(name) || builtins.has(name));
}

const entries = presentEntries();

export default defineConfig({
  plugins: [
    declarations({
      root,
      entries,
      tsconfig: resolve(root, 'tsconfig.build.json'),
      tsc: resolve(root, 'node_modules/typescript/bin/tsc'),
    }),
  ],
  // The library ships source-level code; the app decides what to polyfill.
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    copyPublicDir: false,
    cssCodeSplit: false,
    lib: {
      entry: entries,
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
      cssFileName: 'natter',
    },
    rolldownOptions: {
      external: isExternal,
      // Imported constants (the error codes above all) become literals where they are read, so
      // an app's bundle holds `4999`, not a binding shared with every chunk that reads one.
      optimization: { inlineConst: { mode: 'all', pass: 1 } },
      output: {
        preserveModules: true,
        preserveModulesRoot: 'src',
        // Bundled third-party data (the emoji set) goes under vendor/: npm pack leaves out any folder
        // named node_modules, wherever it is.
        entryFileNames: (chunk) =>
          chunk.isEntry && chunk.name in entries
            ? '[name].js'
            : `modules/${chunk.name.replace(/^node_modules\//, 'vendor/')}.js`,
      },
    },
  },
});

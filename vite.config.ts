// Library build of natter: one ESM file per public entry (src/entries/<name>.ts →
// dist/<name>.js), shared code in dist/chunks/, the UI's CSS in dist/natter.css.
// Every dependency, peer dependency and Node built-in stays external: the app's
// bundler resolves them once, so nothing is bundled twice and the Node host's
// ws/better-sqlite3 never enter a browser build. Type declarations are emitted
// by `tsc -p tsconfig.build.json` when the bundle is written (see `declarations`),
// so `vite build` alone produces the whole dist/. Set NATTER_SKIP_DTS=1 to skip them.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const root = dirname(fileURLToPath(import.meta.url));

/** Public entries: package.json subpath → src/entries/<name>.ts → dist/<name>.js. */
const ENTRY_NAMES = ['index', 'react', 'ui', 'server', 'compat-tencent', 'compat-webim'] as const;

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

/**
 * Relative specifiers in tsc's declarations are extensionless (natter's sources
 * import that way); Node16/NodeNext consumers need `./x.js` or `./dir/index.js`.
 * Also drops CSS side-effect imports (the ui entry's, for the build only).
 */
function addDeclarationExtensions(dir: string): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      addDeclarationExtensions(path);
      continue;
    }
    if (!name.endsWith('.d.ts')) continue;
    const source = readFileSync(path, 'utf8');
    // CSS side-effect imports mean nothing to types and would not resolve from dist/types.
    const fixed = source.replace(/^import\s+['"][^'"]+\.css['"];\r?\n/gm, '').replace(
      /((?:from\s+|import\s*\(\s*)(['"]))(\.{1,2}\/[^'"]*?)\2/g,
      (whole: string, head: string, quote: string, spec: string) => {
        if (/\.(js|json|mjs|cjs)$/.test(spec)) return whole;
        const target = resolve(dir, spec);
        if (existsSync(`${target}.d.ts`)) return `${head}${spec}.js${quote}`;
        if (existsSync(join(target, 'index.d.ts'))) return `${head}${spec}/index.js${quote}`;
        return whole;
      },
    );
    if (fixed !== source) writeFileSync(path, fixed);
  }
}

/**
 * Declarations: `dist/types/<entry>.d.ts` for each built entry (tsc keeps src's
 * layout, so these point into dist/types/entries/), then tsc itself once the
 * bundle is written, then explicit extensions for Node16 resolution.
 */
function declarations(entryFiles: Record<string, string>): Plugin {
  return {
    name: 'natter-declarations',
    // Only for the library build: Storybook's Vite builder reuses this file but
    // drops `build` (so `build.lib`), and must not emit declarations.
    apply: (config, env) => env.command === 'build' && Boolean(config.build?.lib) && !process.env.STORYBOOK,
    generateBundle() {
      for (const [name, file] of Object.entries(entryFiles)) {
        const target = `./entries/${name}.js`;
        // `export *` does not carry a default export; re-export it by name.
        const hasDefault = /export\s+(\{\s*default\b|default\b)/.test(readFileSync(file, 'utf8'));
        const source = `export * from '${target}';\n${hasDefault ? `export { default } from '${target}';\n` : ''}`;
        this.emitFile({ type: 'asset', fileName: `types/${name}.d.ts`, source });
      }
    },
    closeBundle() {
      if (process.env.NATTER_SKIP_DTS === '1') return;
      const tsc = resolve(root, 'node_modules/typescript/bin/tsc');
      const result = spawnSync(process.execPath, [tsc, '-p', resolve(root, 'tsconfig.build.json')], {
        cwd: root,
        stdio: 'inherit',
      });
      if (result.status !== 0) throw new Error('declarations: tsc -p tsconfig.build.json failed');
      addDeclarationExtensions(resolve(root, 'dist/types'));
    },
  };
}

const entries = presentEntries();

export default defineConfig({
  plugins: [declarations(entries)],
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
      output: {
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
  },
});

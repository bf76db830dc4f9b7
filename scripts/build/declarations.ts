// Owns the type declarations of a library build: `dist/types/<entry>.d.ts` for
// each entry (pointing into the tsc output, which keeps src's layout), tsc
// itself once the bundle is written, then explicit `.js` extensions so Node16 /
// NodeNext consumers resolve them. Shared by the `natter` and `@natter/server`
// builds; set NATTER_SKIP_DTS=1 to skip tsc.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';

/**
 * Relative specifiers in tsc's declarations are extensionless (natter's sources
 * import that way); Node16/NodeNext consumers need `./x.js` or `./dir/index.js`.
 * Also drops CSS side-effect imports (they mean nothing to types).
 */
export function addDeclarationExtensions(dir: string): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      addDeclarationExtensions(path);
      continue;
    }
    if (!name.endsWith('.d.ts')) continue;
    const source = readFileSync(path, 'utf8');
    const fixed = source
      .replace(/^import\s+['"][^'"]+\.css['"];\r?\n/gm, '')
      .replace(
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

export interface DeclarationsOptions {
  /** Package root (holds the tsconfig and dist/). */
  root: string;
  /** Entry name → source file; `dist/types/<name>.d.ts` re-exports `./entries/<name>.js`. */
  entries: Record<string, string>;
  /** tsc project emitting into `<root>/dist/types`. */
  tsconfig: string;
  /** TypeScript's tsc script. */
  tsc: string;
}

export function declarations(options: DeclarationsOptions): Plugin {
  return {
    name: 'natter-declarations',
    // Only for library builds: Storybook's Vite builder reuses the root config but
    // drops `build.lib`, and must not emit declarations.
    apply: (config, env) => env.command === 'build' && Boolean(config.build?.lib) && !process.env.STORYBOOK,
    generateBundle() {
      for (const [name, file] of Object.entries(options.entries)) {
        const target = `./entries/${name}.js`;
        // `export *` does not carry a default export; re-export it by name.
        const hasDefault = /export\s+(\{\s*default\b|default\b)/.test(readFileSync(file, 'utf8'));
        const source = `export * from '${target}';\n${hasDefault ? `export { default } from '${target}';\n` : ''}`;
        this.emitFile({ type: 'asset', fileName: `types/${name}.d.ts`, source });
      }
    },
    closeBundle() {
      if (process.env.NATTER_SKIP_DTS === '1') return;
      // --noCheck: emit only. `npm run typecheck` type-checks every source; checking them again here
      // doubled the build's time, and the declarations come out the same byte for byte.
      const result = spawnSync(process.execPath, [options.tsc, '-p', options.tsconfig, '--noCheck'], {
        cwd: options.root,
        stdio: 'inherit',
      });
      if (result.status !== 0) throw new Error(`declarations: tsc -p ${options.tsconfig} failed`);
      addDeclarationExtensions(resolve(options.root, 'dist/types'));
    },
  };
}

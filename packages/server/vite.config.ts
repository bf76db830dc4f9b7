// Library build of @natter/server: the Node host (src/node, through
// src/entries/server.ts) bundled with the server core and protocol it hosts into
// dist/server.js, so the package stands alone next to any version of the
// browser kit. Its own dependencies and Node built-ins stay external. Type
// declarations come from `tsc -p tsconfig.build.json` once the bundle is written.
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { declarations } from '../../scripts/build/declarations.ts';

const root = dirname(fileURLToPath(import.meta.url));
const repo = resolve(root, '../..');
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
  version: string;
  dependencies?: Record<string, string>;
};
const external = new Set([...Object.keys(pkg.dependencies ?? {}), ...builtinModules]);
const entries = { server: resolve(repo, 'src/entries/server.ts') };

function isExternal(id: string): boolean {
  if (id.startsWith('node:')) return true;
  if (id.startsWith('.') || id.startsWith('/') || id.startsWith('\0')) return false;
  const parts = id.split('/');
  return external.has(id.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] as string));
}

export default defineConfig({
  root,
  define: { __NATTER_SERVER_VERSION__: JSON.stringify(pkg.version) },
  plugins: [
    declarations({
      root,
      entries,
      tsconfig: resolve(root, 'tsconfig.build.json'),
      tsc: resolve(repo, 'node_modules/typescript/bin/tsc'),
    }),
  ],
  build: {
    target: 'node20',
    outDir: resolve(root, 'dist'),
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    copyPublicDir: false,
    ssr: true,
    lib: { entry: entries, formats: ['es'], fileName: (_format, name) => `${name}.js` },
    rolldownOptions: { external: isExternal },
  },
});

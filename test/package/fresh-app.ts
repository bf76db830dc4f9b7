// Owns the fresh apps of the package test: `npm pack` of both workspace
// packages, then folders made as a user makes them — a Vite + React app
// (React 19 or 18) with the default template's TypeScript settings, and a
// plain Node folder — each installing the tarballs and everything else from the
// npm registry. Failing to reach the registry fails loudly.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '../..');

export interface Tarballs {
  natter: string;
  server: string;
}

const ENV = { ...process.env, npm_config_update_notifier: 'false' };

function failure(cmd: string, args: string[], what: string, status: number | null, output: string): Error {
  const out = output.slice(-4000);
  const registry = /ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|network/i.test(out)
    ? ' — is the npm registry reachable?'
    : '';
  return new Error(`${what} failed (${cmd} ${args.join(' ')}, exit ${status})${registry}\n${out}`);
}

function run(cmd: string, args: string[], cwd: string, what: string): string {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 64 << 20, env: ENV });
  if (r.status !== 0) throw failure(cmd, args, what, r.status, `${r.stdout ?? ''}\n${r.stderr ?? ''}`);
  return r.stdout;
}

/**
 * `npm install` in `dir`, in the background: the apps install side by side (each mostly waits on
 * the network and the disk). Packages already in npm's cache (`npm ci` of the repository put most
 * there) are taken from it without asking the registry again; the others come from the registry.
 */
function install(dir: string, what: string, env: Record<string, string> = {}): Promise<void> {
  const args = ['install', '--no-audit', '--no-fund', '--prefer-offline'];
  return new Promise((resolve, reject) => {
    const child = spawn('npm', args, { cwd: dir, env: { ...ENV, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(failure('npm', args, what, code, output))));
  });
}

/** Builds both packages (unless dist/ is up to date with the sources) and packs them into `dir`. */
export function packBoth(dir: string): Tarballs {
  mkdirSync(dir, { recursive: true });
  run(process.execPath, ['scripts/build.mjs', '--if-stale'], REPO, 'npm run build');
  run('npm', ['pack', '--silent', '--pack-destination', dir], REPO, 'npm pack (natter)');
  run(
    'npm',
    ['pack', '--silent', '--workspace', '@natter/server', '--pack-destination', dir],
    REPO,
    'npm pack (@natter/server)',
  );
  const files = readdirSync(dir);
  const natter = files.find((f) => /^natter-\d.*\.tgz$/.test(f));
  const server = files.find((f) => /^natter-server-\d.*\.tgz$/.test(f));
  if (!natter || !server) throw new Error(`npm pack made ${files.join(', ')}`);
  return { natter: join(dir, natter), server: join(dir, server) };
}

/** The default Vite react-ts template's tsconfig.app.json, as `npm create vite` writes it. */
export const VITE_TEMPLATE_TSCONFIG = {
  compilerOptions: {
    tsBuildInfoFile: './node_modules/.tmp/tsconfig.app.tsbuildinfo',
    target: 'ES2022',
    useDefineForClassFields: true,
    lib: ['ES2022', 'DOM', 'DOM.Iterable'],
    module: 'ESNext',
    types: ['vite/client'],
    skipLibCheck: true,
    moduleResolution: 'bundler',
    allowImportingTsExtensions: true,
    verbatimModuleSyntax: true,
    moduleDetection: 'force',
    noEmit: true,
    jsx: 'react-jsx',
    strict: true,
    noUnusedLocals: true,
    noUnusedParameters: true,
    erasableSyntaxOnly: true,
    noFallthroughCasesInSwitch: true,
    noUncheckedSideEffectImports: true,
  },
  include: ['src'],
};

export interface AppSpec {
  dir: string;
  react: 18 | 19;
  tarballs: Tarballs;
}

/** A fresh Vite + React app with natter installed from its tarball. */
export function createViteApp({ dir, react, tarballs }: AppSpec): Promise<void> {
  mkdirSync(join(dir, 'src'), { recursive: true });
  const reactVersion = react === 18 ? '^18.3.1' : '^19.0.0';
  const pkg = {
    name: `readme-app-react${react}`,
    private: true,
    type: 'module',
    scripts: { build: 'tsc -p tsconfig.app.json && vite build' },
    dependencies: { natter: `file:${tarballs.natter}`, react: reactVersion, 'react-dom': reactVersion },
    devDependencies: {
      '@types/react': reactVersion,
      '@types/react-dom': reactVersion,
      '@vitejs/plugin-react': '^6.0.0',
      typescript: '~5.9.0',
      vite: '^8.0.0',
    },
  };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  writeFileSync(join(dir, 'tsconfig.app.json'), `${JSON.stringify(VITE_TEMPLATE_TSCONFIG, null, 2)}\n`);
  writeFileSync(
    join(dir, 'vite.config.ts'),
    "import { defineConfig } from 'vite';\nimport react from '@vitejs/plugin-react';\n\nexport default defineConfig({ plugins: [react()] });\n",
  );
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html>\n<html lang="en">\n  <head><meta charset="UTF-8" /><title>natter README app</title></head>\n  <body>\n    <div id="root"></div>\n    <script type="module" src="/src/main.tsx"></script>\n  </body>\n</html>\n',
  );
  return install(dir, `npm install (React ${react} app)`);
}

/**
 * better-sqlite3's install script takes a prebuilt binary from its GitHub releases, and compiles
 * SQLite from source (over a minute of CPU, several beside the other tests) when it cannot: this
 * machine reaches the npm registry but not GitHub. The binary `npm ci` built for the repository is
 * the one those releases hold (same version, this Node's ABI, this platform), so it is offered as
 * a local prebuild under the releases' file name: the app's install then runs the same script
 * and unpacks a prebuild, as it does for a user online. Another version falls back to compiling.
 */
function localPrebuilds(dir: string): Record<string, string> {
  const module = join(REPO, 'node_modules', 'better-sqlite3');
  const binary = join(module, 'build', 'Release', 'better_sqlite3.node');
  if (!existsSync(binary)) return {};
  const { version } = JSON.parse(readFileSync(join(module, 'package.json'), 'utf8')) as { version: string };
  const name = `better-sqlite3-v${version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`;
  const prebuilds = join(dir, 'prebuilds');
  mkdirSync(prebuilds, { recursive: true });
  execFileSync('tar', ['-czf', join(prebuilds, name), '-C', module, 'build/Release/better_sqlite3.node']);
  return { npm_config_better_sqlite3_local_prebuilds: prebuilds };
}

/** A plain Node folder with both packages (and ws, which the README's Node snippet uses on Node 20). */
export function createNodeApp(dir: string, tarballs: Tarballs): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const pkg = {
    name: 'readme-node-app',
    private: true,
    type: 'module',
    dependencies: { natter: `file:${tarballs.natter}`, '@natter/server': `file:${tarballs.server}`, ws: '^8.18.0' },
  };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  return install(dir, 'npm install (Node app)', localPrebuilds(join(dir, '..')));
}

export function runIn(dir: string, cmd: string, args: string[], what: string): string {
  return run(cmd, args, dir, what);
}

/** Folder size in bytes (du), for install footprints. */
export function folderBytes(dir: string): number {
  return Number(execFileSync('du', ['-sb', dir], { encoding: 'utf8' }).split('\t')[0]);
}

// Owns "natter as an app installs it" for the benchmarks: builds both packages,
// packs them with `npm pack` (exactly the files npm would publish), and unpacks
// the `natter` tarball into bench/.packed/node_modules/natter and the
// `@natter/server` one into bench/.packed/node_modules/@natter/server. Bench apps are
// copied into bench/.packed/apps/ so that `import … from 'natter/ui'` resolves
// through the packed package.json's exports map, as in an app; natter's own
// dependencies (zustand, …) resolve from the repository's node_modules above.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PACKED_DIR = join(root, 'bench', '.packed');

export interface PackedNatter {
  /** Folder holding `node_modules/natter` unpacked from the tarball. */
  dir: string;
  /** The natter tarball itself. */
  tarball: string;
  /** The @natter/server tarball. */
  serverTarball: string;
}

let packed: PackedNatter | null = null;

/** Written next to the unpacked package: the `npm run bench` run (NATTER_BENCH_RUN) that packed it. */
const RUN_MARK = join(PACKED_DIR, 'run-id');

/**
 * Builds (unless dist/ is up to date, scripts/build.mjs) and packs natter once per process, or
 * once per `npm run bench` run: bench/run.mjs gives its benchmarks one NATTER_BENCH_RUN id and
 * the later ones reuse what the first packed (NATTER_BENCH_PREBUILT=1 skips the build).
 */
export function packedNatter(): PackedNatter {
  if (packed) return packed;
  const run = process.env.NATTER_BENCH_RUN;
  if (run && existsSync(RUN_MARK) && readFileSync(RUN_MARK, 'utf8') === run) {
    const dir = join(PACKED_DIR, 'tarballs');
    const tarball = readdirSync(dir).find((f) => /^natter-\d.*\.tgz$/.test(f));
    const serverTarball = readdirSync(dir).find((f) => /^natter-server-\d.*\.tgz$/.test(f));
    if (
      tarball &&
      serverTarball &&
      existsSync(join(PACKED_DIR, 'node_modules', 'natter', 'package.json')) &&
      existsSync(join(PACKED_DIR, 'node_modules', '@natter', 'server', 'package.json'))
    ) {
      process.stderr.write(`packed: reusing ${tarball} and ${serverTarball}, packed earlier in this run\n`);
      packed = { dir: PACKED_DIR, tarball: join(dir, tarball), serverTarball: join(dir, serverTarball) };
      return packed;
    }
  }
  const log = (m: string) => process.stderr.write(`packed: ${m}\n`);
  if (process.env.NATTER_BENCH_PREBUILT !== '1') {
    log('npm run build (unless dist/ is up to date with the sources)');
    execFileSync(process.execPath, ['scripts/build.mjs', '--if-stale'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  rmSync(PACKED_DIR, { recursive: true, force: true });
  const tarballs = join(PACKED_DIR, 'tarballs');
  mkdirSync(tarballs, { recursive: true });
  execFileSync('npm', ['pack', '--silent', '--pack-destination', tarballs], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  execFileSync('npm', ['pack', '--silent', '-w', '@natter/server', '--pack-destination', tarballs], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const tarball = readdirSync(tarballs).find((f) => /^natter-\d.*\.tgz$/.test(f));
  if (!tarball) throw new Error('packed: npm pack produced no natter-*.tgz');
  const serverTarball = readdirSync(tarballs).find((f) => /^natter-server-\d.*\.tgz$/.test(f));
  if (!serverTarball) throw new Error('packed: npm pack produced no natter-server-*.tgz');
  unpack(join(tarballs, tarball), join(PACKED_DIR, 'node_modules', 'natter'));
  unpack(join(tarballs, serverTarball), join(PACKED_DIR, 'node_modules', '@natter', 'server'));
  log(`unpacked ${tarball} and ${serverTarball}`);
  if (run) writeFileSync(RUN_MARK, run);
  packed = { dir: PACKED_DIR, tarball: join(tarballs, tarball), serverTarball: join(tarballs, serverTarball) };
  return packed;
}

function unpack(tarball: string, target: string): void {
  mkdirSync(target, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
  if (!existsSync(join(target, 'package.json'))) throw new Error(`packed: ${tarball} has no package.json`);
}

/** The file URL a Node app gets for `import '@natter/server'` from the packed package. */
export function packedServerEntryUrl(): string {
  return exportedEntryUrl(join(packedNatter().dir, 'node_modules', '@natter', 'server'), '.');
}

/**
 * The file URL a Node app gets for `import 'natter<subpath>'` from the packed package (read from
 * its exports map: under tsx, a bare `natter` import would follow tsconfig's paths to src/).
 */
export function packedEntryUrl(subpath: '.' | './store' | './react' | './ui'): string {
  return exportedEntryUrl(join(packedNatter().dir, 'node_modules', 'natter'), subpath);
}

function exportedEntryUrl(pkgDir: string, subpath: string): string {
  const manifest = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as {
    exports: Record<string, string | { import: string }>;
  };
  const entry = manifest.exports[subpath];
  if (!entry) throw new Error(`packed: ${pkgDir} exports no ${subpath}`);
  return pathToFileURL(join(pkgDir, typeof entry === 'string' ? entry : entry.import)).href;
}

/** What the bench pages share (`../../support/<file>` from a pages folder): copied along with them. */
const PAGE_SHARED = ['paint-timing.ts'];

/** Copies a folder of app sources next to the packed package; returns where they are. */
export function packedApps(from: string, name: string): string {
  const { dir } = packedNatter();
  const to = join(dir, 'apps', name);
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true });
  // The same relative import resolves from the copy: bench/.packed/apps/<name>/ → bench/.packed/support/.
  for (const file of PAGE_SHARED) cpSync(join(root, 'bench', 'support', file), join(dir, 'support', file));
  // Without a package.json of their own the apps would sit in the repository's
  // package scope, and `natter` would self-resolve to ./dist instead of the tarball.
  writeFileSync(
    join(dir, 'apps', 'package.json'),
    '{ "name": "natter-bench-apps", "private": true, "type": "module" }\n',
  );
  return to;
}

const VITE7_DIR = join(root, 'bench', '.vite7');

/** Vite 7 (Rollup) for the "other toolchain" builds: installed into bench/.vite7 from the npm registry once. */
export function vite7Entry(): string {
  const entry = join(VITE7_DIR, 'node_modules', 'vite', 'dist', 'node', 'index.js');
  if (!existsSync(entry)) {
    mkdirSync(VITE7_DIR, { recursive: true });
    writeFileSync(join(VITE7_DIR, 'package.json'), '{ "private": true }\n');
    process.stderr.write('packed: installing vite@7 into bench/.vite7\n');
    execFileSync(
      'npm',
      ['install', '--prefix', VITE7_DIR, '--no-audit', '--no-fund', '--no-package-lock', 'vite@^7.3.0'],
      {
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    if (!existsSync(entry)) throw new Error('packed: vite@7 did not install (is the npm registry reachable?)');
  }
  return entry;
}

const WEBPACK5_DIR = join(root, 'bench', '.webpack5');

/** webpack 5 for the bundle benchmark's webpack builds: installed into bench/.webpack5 from the npm registry once. */
export function webpack5Entry(): string {
  const entry = join(WEBPACK5_DIR, 'node_modules', 'webpack', 'package.json');
  if (!existsSync(entry)) {
    mkdirSync(WEBPACK5_DIR, { recursive: true });
    writeFileSync(join(WEBPACK5_DIR, 'package.json'), '{ "private": true }\n');
    process.stderr.write('packed: installing webpack@5 into bench/.webpack5\n');
    execFileSync(
      'npm',
      ['install', '--prefix', WEBPACK5_DIR, '--no-audit', '--no-fund', '--no-package-lock', 'webpack@^5'],
      {
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    if (!existsSync(entry)) throw new Error('packed: webpack@5 did not install (is the npm registry reachable?)');
  }
  return entry;
}

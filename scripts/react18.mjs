// `npm run test:react18`: installs React 18 (react, react-dom 18.3.1, or NATTER_REACT18) into
// .react18/ from the npm registry when it is not there yet, then runs the react,
// ui and browser tests with every react/react-dom import resolved to it
// (NATTER_REACT=18, see test/support/react-version.ts), less the files that
// render nothing with React (NOT_REACT): on React 18 they would repeat the
// React 19 run of `npm test` exactly.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(repo, '.react18');
// The newest React 18 by default; NATTER_REACT18=18.0.0 checks the oldest the peer range accepts.
const VERSION = process.env.NATTER_REACT18 ?? '18.3.1';

function installed() {
  const pkg = join(dir, 'node_modules', 'react-dom', 'package.json');
  return existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).version === VERSION;
}

if (!installed()) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    '{ "private": true, "description": "React 18 for natter\'s test:react18" }\n',
  );
  const npm = spawnSync(
    'npm',
    [
      'install',
      '--prefix',
      dir,
      '--no-audit',
      '--no-fund',
      '--no-package-lock',
      `react@${VERSION}`,
      `react-dom@${VERSION}`,
    ],
    { stdio: 'inherit' },
  );
  if (npm.status !== 0 || !installed()) {
    console.error('test:react18: could not install React 18 from the npm registry (is it reachable?)');
    process.exit(1);
  }
}

// Pure functions, CSS and locale tables, and the Vite dev server test (it serves
// the project's own React 19, with no alias: React 18 never reaches its page).
const NOT_REACT = [
  'test/ui/message-list/message-view-incremental.test.ts',
  'test/ui/theme/theme.test.ts',
  'test/ui/message-input/attachment-helpers.test.ts',
  'test/ui/i18n/locales.test.ts',
  'test/browser/emoji-picker-dev-server.test.ts',
];

const args = process.argv.slice(2);
const defaults = ['test/react', 'test/ui', 'test/browser', ...NOT_REACT.flatMap((file) => ['--exclude', file])];
const vitest = spawnSync('npx', ['vitest', 'run', ...(args.length > 0 ? args : defaults)], {
  stdio: 'inherit',
  env: { ...process.env, NATTER_REACT: '18' },
  cwd: repo,
});
process.exit(vitest.status ?? 1);

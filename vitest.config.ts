import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import { LongFilesFirst } from './test/support/long-files-first.ts';
import { REACT_MAJOR, reactAliases } from './test/support/react-version.ts';

// Tests run in Node by default; React and DOM tests opt into jsdom with a
// `// @vitest-environment jsdom` comment at the top of the file. With
// NATTER_REACT=18 every import of react/react-dom (ours and our React
// dependencies', which are inlined for that) resolves to React 18.
// Two files run at once, one per core of a CI machine: the run is CPU-bound (both
// cores about 90% busy over a whole CI run; Chromium and node about half each).
// The store, hook and component tests (the `dom` project) run in VM contexts
// of long-lived worker threads: each file still gets fresh modules and globals,
// without a process and a jsdom built per file, which was most of their time
// (with React 18 too: 110 → 40 s of CPU). The rest keep a process per file:
// they start servers, child processes and native SQLite, which VM contexts do not
// share well (their `instanceof` checks across contexts fail).
const DOM_DIRS = ['ui', 'react', 'store'];
// The other folders, by name: a project's own `exclude` would drop the `--exclude` given on the
// command line (test:react18's). test/package is not here: the packed-package journey installs
// from the registry (`npm run test:package`).
const NODE_DIRS = readdirSync(join(import.meta.dirname, 'test'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && ![...DOM_DIRS, 'package'].includes(d.name))
  .map((d) => d.name);
const under = (dirs: string[]) => [`test/{${dirs.join(',')}}/**/*.test.{ts,tsx}`];

export default defineConfig({
  resolve: { alias: reactAliases() },
  test: {
    // A bound on hangs, not a speed check: tests that restart a node process take several seconds
    // alone and more beside React 18's run and the package test in CI.
    testTimeout: 30_000,
    // Hooks start clusters of node processes, PostgreSQL and Chromium: slower with two files at once.
    hookTimeout: 60_000,
    setupFiles: ['test/support/testing-library-timeouts.ts'],
    maxWorkers: 2,
    sequence: { sequencer: LongFilesFirst },
    reporters: ['default'],
    ...(REACT_MAJOR === 18
      ? {
          server: {
            deps: {
              inline: [/@tanstack\/react-virtual/, /zustand/, /@testing-library\/react/, /use-sync-external-store/],
            },
          },
        }
      : {}),
    projects: [
      { extends: true, test: { name: 'dom', include: under(DOM_DIRS), pool: 'vmThreads' } },
      {
        extends: true,
        test: { name: 'node', include: under(NODE_DIRS), globalSetup: ['test/support/global-setup.ts'], pool: 'forks' },
      },
    ],
  },
});

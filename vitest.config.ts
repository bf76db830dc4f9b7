import { defineConfig } from 'vitest/config';
import { LongFilesFirst } from './test/support/long-files-first.ts';
import { REACT_MAJOR, reactAliases } from './test/support/react-version.ts';

// Tests run in Node by default; React and DOM tests opt into jsdom with a
// `// @vitest-environment jsdom` comment at the top of the file. With
// NATTER_REACT=18 every import of react/react-dom (ours and our React
// dependencies', which are inlined for that) resolves to React 18.
// Two files run at once: most of the slow ones wait (on Chromium, servers,
// PostgreSQL) rather than compute, so a second worker overlaps those waits.
export default defineConfig({
  resolve: { alias: reactAliases() },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/testing-library-timeouts.ts'],
    // The packed-package journey installs from the registry: `npm run test:package`.
    exclude: ['test/package/**', '**/node_modules/**'],
    // A bound on hangs, not a speed check: tests that restart a node process take several seconds
    // alone and more beside React 18's run and the package test in CI.
    testTimeout: 30_000,
    // Hooks start clusters of node processes, PostgreSQL and Chromium: slower with two files at once.
    hookTimeout: 60_000,
    pool: 'forks',
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
  },
});

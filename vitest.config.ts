import { defineConfig } from 'vitest/config';
import { REACT_MAJOR, reactAliases } from './test/support/react-version';

// Tests run in Node by default; React and DOM tests opt into jsdom with a
// `// @vitest-environment jsdom` comment at the top of the file. With
// NATTER_REACT=18 every import of react/react-dom (ours and our React
// dependencies', which are inlined for that) resolves to React 18.
export default defineConfig({
  resolve: { alias: reactAliases() },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    globalSetup: ['test/support/global-setup.ts'],
    // The packed-package journey installs from the registry: `npm run test:package`.
    exclude: ['test/package/**', '**/node_modules/**'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
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

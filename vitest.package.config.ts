import { defineConfig } from 'vitest/config';

// `npm run test:package`: the README followed from the packed tarballs in fresh
// apps (installs from the npm registry; minutes, so not part of `npm test`).
export default defineConfig({
  test: {
    include: ['test/package/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 600_000,
    pool: 'forks',
    fileParallelism: false,
    reporters: ['default'],
  },
});

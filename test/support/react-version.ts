// Owns which React the tests run on: React 19 from the project's own install,
// or, with NATTER_REACT=18, React 18 from `.react18/` (installed there by
// `npm run test:react18`, see scripts/react18.mjs). One alias map serves vitest
// and the Vite builds of the browser fixtures, so every import of react or
// react-dom — ours and our dependencies' — gets the same copy.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The React major the tests must run on. */
export const REACT_MAJOR: 18 | 19 = process.env.NATTER_REACT === '18' ? 18 : 19;

/** The folder React 18 is installed into. */
export const REACT18_DIR = join(repo, '.react18', 'node_modules');

/** Vite/vitest aliases pointing react and react-dom at React 18, or none for React 19. */
export function reactAliases(): { find: RegExp; replacement: string }[] {
  if (REACT_MAJOR === 19) return [];
  if (!existsSync(join(REACT18_DIR, 'react', 'package.json'))) {
    throw new Error('NATTER_REACT=18 but React 18 is not installed in .react18/: run `npm run test:react18`');
  }
  const rtl = join(repo, 'node_modules', '@testing-library', 'react', 'dist', '@testing-library');
  return [
    // Its CommonJS main would require() react-dom past the aliases; its ESM build goes through them.
    { find: /^@testing-library\/react$/, replacement: join(rtl, 'react.esm.js') },
    { find: /^@testing-library\/react\/pure$/, replacement: join(rtl, 'react.pure.esm.js') },
    { find: /^react$/, replacement: join(REACT18_DIR, 'react', 'index.js') },
    { find: /^react\/(.*)$/, replacement: `${join(REACT18_DIR, 'react')}/$1` },
    { find: /^react-dom$/, replacement: join(REACT18_DIR, 'react-dom', 'index.js') },
    { find: /^react-dom\/(.*)$/, replacement: `${join(REACT18_DIR, 'react-dom')}/$1` },
    { find: /^scheduler$/, replacement: join(REACT18_DIR, 'scheduler', 'index.js') },
  ];
}

// Owns how long Testing Library's findBy*/waitFor wait in the jsdom tests: its
// default of 1 s fails a test whose lazily loaded part (useLazyChunk) takes longer
// to arrive on a loaded machine, as when two test files run at once. A wait still
// ends as soon as its condition holds; only a failing one takes longer to fail.
import { beforeAll } from 'vitest';

beforeAll(async () => {
  // The Node-environment files never load Testing Library.
  if (typeof document === 'undefined') return;
  const { configure } = await import('@testing-library/react');
  configure({ asyncUtilTimeout: 10_000 });
});

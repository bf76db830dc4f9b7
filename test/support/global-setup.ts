// Owns what a whole vitest run shares: one folder for what is built once per
// run and used by many test files (the Storybook build, see storybook-site.ts,
// and the fixture pages, see fixture-site.ts; each built lazily by the first
// file that asks), removed when the run ends.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    buildRoot: string;
  }
}

export default function setup(project: TestProject): () => void {
  const root = mkdtempSync(join(tmpdir(), 'natter-test-builds-'));
  project.provide('buildRoot', root);
  return () => rmSync(root, { recursive: true, force: true });
}

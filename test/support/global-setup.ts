// Owns what a whole vitest run shares: a folder name for the one Storybook
// build every browser test file uses (built lazily by the first file that asks,
// see storybook-site.ts), removed when the run ends.
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    storybookDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = join(tmpdir(), `natter-storybook-${process.pid}-${Date.now().toString(36)}`);
  project.provide('storybookDir', dir);
  return () => {
    for (const suffix of ['', '.lock']) rmSync(dir + suffix, { recursive: true, force: true });
  };
}

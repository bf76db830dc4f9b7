// Owns reading README.md the way the package test uses it: every fenced code
// block whose info string names a file (```tsx file=src/ChatDemo.tsx) is a
// snippet a user pastes into that file, verbatim.
import { readFileSync } from 'node:fs';

export interface Snippet {
  /** Path inside the app, e.g. `src/ChatDemo.tsx`. */
  file: string;
  /** Which app it belongs to: `browser` (the Vite app) or `node` (the Node script folder). */
  app: 'browser' | 'node';
  code: string;
}

const FENCE = /^```(\w+)[ \t]+([^\n]*)\n([\s\S]*?)^```[ \t]*$/gm;

export function readmeSnippets(readmePath: string): Snippet[] {
  const text = readFileSync(readmePath, 'utf8');
  const out: Snippet[] = [];
  for (const m of text.matchAll(FENCE)) {
    const info = m[2] ?? '';
    const file = /(?:^|\s)file=(\S+)/.exec(info)?.[1];
    if (!file) continue;
    const app = /(?:^|\s)app=node(?:\s|$)/.test(info) ? 'node' : 'browser';
    out.push({ file, app, code: m[3] ?? '' });
  }
  return out;
}

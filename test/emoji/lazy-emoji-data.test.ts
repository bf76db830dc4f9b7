import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// emoji-mart's data is ~430 KB: it must only ever be reached through a dynamic
// import, so that bundlers split it out and pages load it when it is needed.
const emojiDir = join(__dirname, '../../src/emoji');

describe('emoji-mart data is loaded lazily', () => {
  it('is never imported statically by the emoji layer (type imports only)', () => {
    const offenders: string[] = [];
    const dynamic: string[] = [];
    for (const file of readdirSync(emojiDir)) {
      const source = readFileSync(join(emojiDir, file), 'utf8');
      for (const line of source.split('\n')) {
        if (!line.includes('@emoji-mart/data')) continue;
        if (/^\s*import type /.test(line)) continue;
        if (/\bimport\(\s*'@emoji-mart\/data'/.test(line)) dynamic.push(file);
        else if (!/^\s*\/\//.test(line)) offenders.push(`${file}: ${line.trim()}`);
      }
    }
    expect(offenders).toEqual([]);
    expect(dynamic).toEqual(['load-emoji-data.ts']);
  });
});

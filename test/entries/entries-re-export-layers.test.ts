import { describe, expect, it } from 'vitest';

// The public entries re-export each layer's API by name (so the surface is
// deliberate); this catches a layer export that an entry forgot. Type-only
// exports are checked by the declaration build, not here.
const pairs: Array<[entry: string, load: () => Promise<object>, layer: () => Promise<object>]> = [
  ['index ⊇ emoji', () => import('../../src/entries/index'), () => import('../../src/emoji/index')],
  ['server ⊇ server core', () => import('../../src/entries/server'), () => import('../../src/server/index')],
  ['store ⊇ store', () => import('../../src/entries/store'), () => import('../../src/store/index')],
  ['react ⊇ react', () => import('../../src/entries/react'), () => import('../../src/react/index')],
  ['ui ⊇ ui', () => import('../../src/entries/ui'), () => import('../../src/ui/index')],
  [
    'compat-webim ⊇ compat/webim',
    () => import('../../src/entries/compat-webim'),
    () => import('../../src/compat/webim'),
  ],
  [
    'compat-tencent ⊇ compat/tencent',
    () => import('../../src/entries/compat-tencent'),
    () => import('../../src/compat/tencent'),
  ],
];

describe('public entries', () => {
  it.each(pairs)('%s', async (_name, loadEntry, loadLayer) => {
    const [entry, layer] = await Promise.all([loadEntry(), loadLayer()]);
    const missing = Object.keys(layer).filter((key) => !(key in entry));
    expect(missing).toEqual([]);
    for (const key of Object.keys(layer)) {
      expect((entry as Record<string, unknown>)[key], key).toBe((layer as Record<string, unknown>)[key]);
    }
  });

  it('keeps the browser entries free of the Node host', async () => {
    const index = await import('../../src/entries/index');
    expect('startServer' in index).toBe(false);
    expect('SqliteStorage' in index).toBe(false);
  });
});

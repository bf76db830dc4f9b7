// Owns the one place the emoji data (emoji-mart's native set, ~430 KB of JSON) is loaded: a dynamic
// import, made once on first call and shared by the shortcode table and the
// picker. Nothing imports the data statically, so bundlers put it in its own chunk.

import type { EmojiData } from './emoji-data';
import { buildShortcodeTable, type ShortcodeTable } from './shortcode-table';

let dataPromise: Promise<EmojiData> | undefined;
let tablePromise: Promise<ShortcodeTable> | undefined;

// No `with { type: 'json' }`: bundlers turn the JSON into a module, and a dev server (Vite's)
// answers it as JavaScript, which a browser refuses for an import that asked for JSON.
async function importData(): Promise<EmojiData> {
  const mod = (await import('@emoji-mart/data')) as unknown as {
    default: EmojiData;
  };
  return mod.default;
}

/** emoji-mart's data, loaded on first call (later calls share the same promise). */
export function loadEmojiData(): Promise<EmojiData> {
  if (dataPromise === undefined) {
    dataPromise = importData();
    // A failed load may be retried by a later call.
    dataPromise.catch(() => {
      dataPromise = undefined;
      tablePromise = undefined;
    });
  }
  return dataPromise;
}

/** The `:shortcode:` table built from emoji-mart's data, loaded on first call. */
export function loadShortcodeTable(): Promise<ShortcodeTable> {
  tablePromise ??= loadEmojiData().then(buildShortcodeTable);
  return tablePromise;
}

// Owns Chat's default `:shortcode:` table: when the app passes none (undefined),
// emoji-mart's table is loaded lazily (its own chunk, shared with the picker) so
// `:tada:` shows as 🎉; `null` turns shortcodes off and loads nothing.
import { useEffect, useState } from 'react';
import { loadShortcodeTable, type ShortcodeTable } from '../../emoji';

export function useDefaultShortcodes(given: ShortcodeTable | null | undefined): ShortcodeTable | null | undefined {
  const [loaded, setLoaded] = useState<ShortcodeTable | null>(null);
  useEffect(() => {
    if (given !== undefined) return;
    let alive = true;
    loadShortcodeTable().then(
      (table) => alive && setLoaded(table),
      // Without the table shortcodes stay text, as before; a later mount tries again.
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [given]);
  return given !== undefined ? given : (loaded ?? undefined);
}

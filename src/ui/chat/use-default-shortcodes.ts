// Owns Chat's default `:shortcode:` table: when the app passes none (undefined),
// emoji-mart's table is loaded lazily (its own chunk, shared with the picker) so
// `:tada:` shows as 🎉; `null` turns shortcodes off and loads nothing. The data
// (~430 KB of JSON, then a table of every name) is loaded when a text first asks
// for a `:name:`, not when Chat mounts: a start whose first screen has none
// paints without fetching, parsing or indexing it.
import { useEffect, useRef, useState } from 'react';
import { loadShortcodeTable, type ShortcodeTable } from '../../emoji';

/**
 * Stands in for the table until it is loaded: empty (every shortcode stays text meanwhile), and
 * its first look-up (the parser reads the table only for a `:name:` candidate) starts the load.
 */
class ShortcodesOnFirstUse extends Map<string, string | readonly string[]> {
  private asked = false;

  constructor(private readonly wanted: () => void) {
    super();
  }

  override get(name: string): string | readonly string[] | undefined {
    if (!this.asked) {
      this.asked = true;
      this.wanted();
    }
    return super.get(name);
  }
}

export function useDefaultShortcodes(given: ShortcodeTable | null | undefined): ShortcodeTable | null | undefined {
  const [loaded, setLoaded] = useState<ShortcodeTable | null>(null);
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);
  // Asked while a row renders: the fetch starts then, the table is set once it is in (never during a render).
  const [onFirstUse] = useState(
    () =>
      new ShortcodesOnFirstUse(() => {
        loadShortcodeTable().then(
          (table) => alive.current && setLoaded(table),
          // Without the table shortcodes stay text, as before; the next mount of Chat tries again.
          () => undefined,
        );
      }),
  );
  return given !== undefined ? given : (loaded ?? onFirstUse);
}

// Owns the display-name function the message list hands its rows: a new one
// only when a name it has already returned would now read differently. The
// profile store (or an app's `displayName` prop) gives a new function whenever
// any profile arrives, often with names no row shows or that read the same
// (a profile without a name shows the user id either way); each new function
// re-rendered every drawn row, twice before the first paint of a list opened
// beside a freshly bound client. Names asked for the first time are read from
// the newest function, so a row is never drawn with a stale name.
import { useRef } from 'react';

type NameOf = (user: string) => string;

interface Shown {
  /** The function handed out: reads the newest names, records what it returned. */
  name: NameOf;
  /** The name it returned for each user so far. */
  given: Map<string, string>;
}

function shownNames(latest: { current: NameOf }): Shown {
  const given = new Map<string, string>();
  return {
    given,
    name: (user) => {
      const name = latest.current(user);
      given.set(user, name);
      return name;
    },
  };
}

/** Whether `nameOf` reads any of the names already handed out differently. */
function differs(given: ReadonlyMap<string, string>, nameOf: NameOf): boolean {
  for (const [user, name] of given) if (nameOf(user) !== name) return true;
  return false;
}

export function useShownNames(displayName: NameOf): NameOf {
  const latest = useRef(displayName);
  const shown = useRef<Shown | null>(null);
  if (shown.current === null) shown.current = shownNames(latest);
  else if (latest.current !== displayName && differs(shown.current.given, displayName)) {
    latest.current = displayName;
    shown.current = shownNames(latest);
  }
  latest.current = displayName;
  return shown.current.name;
}

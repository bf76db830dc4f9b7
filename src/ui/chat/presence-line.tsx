// Owns the line under a single chat's name in the header: the peer's presence
// in words ("Online", "Away"), or once they are offline, when they were last
// seen ("Last seen 5 minutes ago", relative and localized by Intl), kept fresh
// while shown. The server leaves the last-seen time out for a user who hides
// their presence, and then this says only "Offline".
import { useEffect, useReducer, type ReactNode } from 'react';
import { usePresence, useServerClock } from '../../react';
import { formatRelativeTime } from '../i18n/format-time';
import { useLocale, useStrings } from '../i18n';

/** How often a shown last-seen time is re-worded ("5 minutes ago" → "6 minutes ago"). */
const REFRESH_MS = 30_000;

export function PresenceLine({ user }: { user: string }): ReactNode {
  const t = useStrings().conversationList;
  const locale = useLocale();
  const presence = usePresence(user);
  const now = useServerClock();
  const [, refresh] = useReducer((x: number) => x + 1, 0);
  const lastSeen = presence?.status === 'offline' ? presence.lastSeen : null;
  useEffect(() => {
    if (lastSeen === null) return;
    const timer = setInterval(refresh, REFRESH_MS);
    return () => clearInterval(timer);
  }, [lastSeen]);
  if (!presence) return null;
  const text =
    lastSeen !== null
      ? t.lastSeen(formatRelativeTime(lastSeen, now(), locale))
      : presence.status === 'online'
        ? t.presenceOnline
        : presence.status === 'away'
          ? t.presenceAway
          : t.presenceOffline;
  return <p className="natter-chat__presence">{text}</p>;
}

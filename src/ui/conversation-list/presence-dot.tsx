// Owns how a person's presence is shown: a small dot on their avatar (online,
// away, or a hollow ring when offline, so it is not told by colour alone, with
// the word as its tooltip) and the same word for screen readers, read after
// the person's name. Nothing is drawn until the user's presence is known.
import type { ReactNode } from 'react';
import type { PresenceStatus } from '../../protocol/people';
import { usePresence } from '../../react';
import { useStrings, type Locale } from '../i18n';

/** The localized word for a presence status. */
function usePresenceLabel(status: PresenceStatus | undefined, locale?: Locale): string | null {
  const t = useStrings(locale).conversationList;
  if (status === undefined) return null;
  return status === 'online' ? t.presenceOnline : status === 'away' ? t.presenceAway : t.presenceOffline;
}

export interface PresenceProps {
  user: string;
  locale?: Locale | undefined;
}

/** The dot (decorative: the status is read from {@link PresenceText}). */
export function PresenceDot({ user, locale }: PresenceProps): ReactNode {
  const presence = usePresence(user);
  const label = usePresenceLabel(presence?.status, locale);
  if (!presence || label === null) return null;
  return <span className="natter-presence" data-status={presence.status} aria-hidden="true" title={label} />;
}

/** The status in words for screen readers, after a name (", Online"). */
export function PresenceText({ user, locale }: PresenceProps): ReactNode {
  const label = usePresenceLabel(usePresence(user)?.status, locale);
  return label === null ? null : <span className="natter-visually-hidden">, {label}</span>;
}

// Owns how a person's presence is shown: a small dot on their avatar (online,
// away, or a hollow ring when offline, so it is not told by colour alone, with
// the word as its tooltip) and the same word for screen readers, read after
// the person's name. Nothing is drawn until the user's presence is known.
import type { ReactNode } from 'react';
import type { PresenceStatus } from '../../protocol/people';
import { usePresence } from '../../react';
import { useStrings, type Locale } from '../i18n';
import type { ConversationListStrings } from '../i18n/conversation-list-strings';

/** The localized word for a presence status, null while it is unknown. */
export function presenceLabel(status: PresenceStatus | undefined, t: ConversationListStrings): string | null {
  if (status === undefined) return null;
  return status === 'online' ? t.presenceOnline : status === 'away' ? t.presenceAway : t.presenceOffline;
}

export interface PresenceMarkProps {
  status: PresenceStatus | undefined;
  /** The status in words (from {@link presenceLabel}); nothing is drawn while null. */
  label: string | null;
}

/** The dot for a known status (decorative: the status is read from {@link PresenceWords}). */
export function PresenceMark({ status, label }: PresenceMarkProps): ReactNode {
  if (status === undefined || label === null) return null;
  return <span className="natter-presence" data-status={status} aria-hidden="true" title={label} />;
}

/** The status in words for screen readers, after a name (", Online"). */
export function PresenceWords({ label }: { label: string | null }): ReactNode {
  return label === null ? null : <span className="natter-visually-hidden">, {label}</span>;
}

export interface PresenceProps {
  user: string;
  locale?: Locale | undefined;
}

/**
 * The dot for one user, read from the store (a list row reads the presence once and draws
 * {@link PresenceMark} and {@link PresenceWords} from it instead).
 */
export function PresenceDot({ user, locale }: PresenceProps): ReactNode {
  const status = usePresence(user)?.status;
  const t = useStrings(locale).conversationList;
  return <PresenceMark status={status} label={presenceLabel(status, t)} />;
}

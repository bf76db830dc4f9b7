// Owns UnreadBadge: the server's unread count of one conversation, or the
// total over all conversations, as a badge ("99+" above the cap).
import type { ReactNode } from 'react';
import type { ConversationId } from '../../protocol/ids';
import { useUnreadCount } from '../../react';
import { useStrings, type Locale } from '../i18n';
import { CountBadge } from './count-badge';

export interface UnreadBadgeProps {
  /** One conversation's count; omit for the total. */
  conversationId?: ConversationId;
  /** Largest number shown as is (default 99, then "99+"). */
  max?: number;
  locale?: Locale;
  className?: string;
}

export function UnreadBadge({ conversationId, max = 99, locale, className }: UnreadBadgeProps): ReactNode {
  const count = useUnreadCount(conversationId);
  const t = useStrings(locale).conversationList;
  return <CountBadge count={count} max={max} label={t.unread} {...(className ? { className } : {})} />;
}

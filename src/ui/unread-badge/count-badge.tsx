// Owns how an unread count is drawn: nothing at 0, the number up to `max`,
// then "99+"; the exact count is always in the accessible text.
import type { ReactNode } from 'react';

export interface CountBadgeProps {
  count: number;
  /** Largest number shown as is (default 99). */
  max?: number;
  /** Accessible text for the count, e.g. "3 unread". */
  label(count: number): string;
  className?: string;
}

/** "5", or "99+" above `max`; '' for 0 or less. */
export function formatCount(count: number, max = 99): string {
  if (!(count > 0)) return '';
  return count > max ? `${max}+` : String(Math.floor(count));
}

export function CountBadge({ count, max = 99, label, className }: CountBadgeProps): ReactNode {
  const text = formatCount(count, max);
  if (!text) return null;
  return (
    <span className={['natter-badge', className].filter(Boolean).join(' ')} data-overflow={count > max || undefined}>
      <span aria-hidden="true">{text}</span>
      <span className="natter-visually-hidden">{label(count)}</span>
    </span>
  );
}

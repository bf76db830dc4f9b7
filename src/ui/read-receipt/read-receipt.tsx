// Owns ReadReceipt: the status mark of an own message — pending (clock), sent
// (one tick), delivered (two ticks), read (two filled ticks), a group's read
// count, failed (!) — each with a text label for assistive technology.
import { memo, type ReactNode } from 'react';
import type { MessageStatus } from '../../react';
import type { Locale } from '../i18n/locale';
import { useStrings } from '../i18n/locale-provider';

export interface ReadReceiptProps {
  status: MessageStatus;
  /** Readers known (group read count); shown as "Read by N" when `group`. */
  readCount?: number;
  /** Group or room message: show the read count instead of ticks once read. */
  group?: boolean;
  locale?: Locale;
  className?: string;
}

function Tick({ offset = 0 }: { offset?: number }): ReactNode {
  return (
    <path
      d={`M${1 + offset} 8.5 L${4.5 + offset} 12 L${11 + offset} 4`}
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
    />
  );
}

function Icon({ status }: { status: MessageStatus }): ReactNode {
  if (status === 'pending')
    return (
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
        <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <path d="M8 4.5 V8 L10.5 9.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
      </svg>
    );
  if (status === 'failed')
    return (
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
        <circle cx="8" cy="8" r="7" fill="currentColor" />
        <path d="M8 4 V9 M8 11.2 V11.8" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" />
      </svg>
    );
  const double = status === 'delivered' || status === 'read';
  return (
    <svg
      viewBox={double ? '0 0 20 16' : '0 0 16 16'}
      width={double ? 18 : 14}
      height="14"
      aria-hidden="true"
      focusable="false"
    >
      <Tick />
      {double ? <Tick offset={5} /> : null}
    </svg>
  );
}

/** Status mark of one own message; renders nothing for others' messages and tombstones. */
export const ReadReceipt = memo(function ReadReceipt({
  status,
  readCount = 0,
  group = false,
  locale,
  className,
}: ReadReceiptProps): ReactNode {
  const s = useStrings(locale).messageList;
  if (status === 'received' || status === 'recalled') return null;
  const label =
    status === 'pending'
      ? s.statusPending
      : status === 'failed'
        ? s.statusFailed
        : status === 'read'
          ? group && readCount > 0
            ? s.readBy(readCount)
            : s.statusRead
          : status === 'delivered'
            ? s.statusDelivered
            : s.statusSent;
  const cls = `natter-receipt natter-receipt--${status}${className ? ` ${className}` : ''}`;
  if (group && status === 'read' && readCount > 0)
    return (
      <span className={cls} data-status={status} role="img" aria-label={label} title={label}>
        <span aria-hidden="true">{s.readBy(readCount)}</span>
      </span>
    );
  return (
    <span className={cls} data-status={status} role="img" aria-label={label} title={label}>
      <Icon status={status} />
    </span>
  );
});

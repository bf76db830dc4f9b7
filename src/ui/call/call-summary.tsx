// Owns the line a call's summary message shows in the message list: voice or
// video, answered with its duration, or missed / declined / cancelled.
import type { ReactNode } from 'react';
import type { MessageBody } from '../../protocol/message';
import { formatDuration, useStrings } from '../i18n';

export function CallSummaryLine({ message }: { message: { body: MessageBody } }): ReactNode {
  const t = useStrings().inCall;
  if (message.body.type !== 'custom') return null;
  const x = message.body.customExts;
  const outcome =
    x.outcome === 'answered' || x.outcome === 'missed' || x.outcome === 'declined' ? x.outcome : 'cancelled';
  return (
    <span className="natter-call-summary">
      {t.summary(outcome, x.callType === 'video', formatDuration(Number(x.durationMs ?? 0) / 1000))}
    </span>
  );
}

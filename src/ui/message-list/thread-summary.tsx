// Owns the line under a thread root: how many replies it has, a button that
// opens the thread.
import type { ReactNode } from 'react';
import type { ThreadSummary } from '../../protocol/features';
import type { Message } from '../../protocol/message';
import type { FeatureStrings } from '../i18n/feature-strings';

export function ThreadSummaryButton({
  root,
  summary,
  strings,
  onOpen,
}: {
  root: Message;
  summary: ThreadSummary;
  strings: FeatureStrings;
  onOpen(root: Message): void;
}): ReactNode {
  if (summary.count <= 0) return null;
  return (
    <button type="button" className="natter-thread-summary" onClick={() => onOpen(root)}>
      {strings.threadReplies(summary.count)}
    </button>
  );
}

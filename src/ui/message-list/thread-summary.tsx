// Owns the line under a thread root: how many replies it has and, in a
// thread this user follows, how many they have not read; a button that opens
// the thread.
import type { ReactNode } from 'react';
import type { ThreadSummary } from '../../protocol/features';
import type { Message } from '../../protocol/message';
import type { FeatureStrings } from '../i18n/feature-strings';
import { useThreadUnread } from '../../react';

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
  const unread = useThreadUnread(root.serverId);
  if (summary.count <= 0) return null;
  return (
    <button type="button" className="natter-thread-summary" onClick={() => onOpen(root)}>
      {strings.threadReplies(summary.count)}
      {unread > 0 ? (
        <>
          {' · '}
          <span className="natter-thread-summary__unread">{strings.threadUnread(unread)}</span>
        </>
      ) : null}
    </button>
  );
}

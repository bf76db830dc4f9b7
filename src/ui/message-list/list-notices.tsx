// Owns what the message list shows over its rows: the jump button (back to
// the latest from a jump, or "N new messages" while scrolled up), the history
// error with its retry, and the polite live region announcing new messages.
import type { ReactNode } from 'react';
import type { MessageListStrings } from '../i18n/message-list-strings';

export interface ListNoticesProps {
  strings: MessageListStrings;
  /** The list shows a jump's window: the button always leads back to the latest. */
  inJump: boolean;
  /** New messages below while the reader is scrolled up (0: none to show). */
  newCount: number;
  onJumpToLatest: () => void;
  historyError: boolean;
  onRetryHistory: () => void;
  announcement: string;
}

export function ListNotices(props: ListNoticesProps): ReactNode {
  const { strings, newCount, onJumpToLatest } = props;
  return (
    <>
      {props.inJump ? (
        <button type="button" className="natter-jump-button" onClick={onJumpToLatest}>
          {strings.jumpToLatest}
        </button>
      ) : newCount > 0 ? (
        <button
          type="button"
          className="natter-jump-button"
          onClick={onJumpToLatest}
          aria-label={`${strings.newMessages(newCount)}. ${strings.jumpToLatest}`}
        >
          {strings.newMessages(newCount)}
        </button>
      ) : null}
      {props.historyError ? (
        <div className="natter-history-error" role="alert">
          {strings.historyError}{' '}
          <button type="button" className="natter-button" onClick={props.onRetryHistory}>
            {strings.retryHistory}
          </button>
        </div>
      ) : null}
      <div className="natter-visually-hidden" role="status" aria-live="polite">
        {props.announcement}
      </div>
    </>
  );
}

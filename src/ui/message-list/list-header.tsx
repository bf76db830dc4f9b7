// Owns the top of the list: "Loading older messages…" while a page loads, the
// start of the conversation once there is nothing older. Always the same
// height, so switching between the two never moves the messages below it.
import type { ReactNode } from 'react';
import type { RowContext } from './message-row';

export function ListHeader({ context }: { context?: RowContext }): ReactNode {
  const text = !context ? '' : context.loadingHistory ? context.strings.loadingOlder : context.hasMore ? '' : context.strings.historyStart;
  return (
    <div className="natter-list-header" aria-hidden={text === '' ? true : undefined}>
      {text}
    </div>
  );
}

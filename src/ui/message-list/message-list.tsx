// Owns MessageList, the virtualized message log of one conversation: which
// messages it draws, the live conversation (useConversation) or, while
// `jumpTo` is set, the history window around a jump target (useJumpWindow).
// The log itself is MessageListView (message-list-view.tsx).
import type { ReactNode } from 'react';
import { useConversation } from '../../react';
import type { MessageListProps } from './message-list-props';
import { MessageListView } from './message-list-view';
import { useJumpWindow } from './use-jump-window';

export type { MessageListProps } from './message-list-props';

/** The virtualized message log of one conversation (at a jump target's history window while `jumpTo` is set). */
export function MessageList(props: MessageListProps): ReactNode {
  return props.jumpTo ? (
    <WindowMessageList key={props.jumpTo} {...props} jumpTo={props.jumpTo} />
  ) : (
    <LiveMessageList {...props} />
  );
}

function WindowMessageList(props: MessageListProps & { jumpTo: string }): ReactNode {
  const { conv, window } = useJumpWindow(props.conversationId, props.jumpTo, props.pageSize, props.onJumpEnd);
  return <MessageListView {...props} conv={conv} {...(window ? { window } : {})} />;
}

function LiveMessageList(props: MessageListProps): ReactNode {
  const conv = useConversation(props.conversationId, props.pageSize !== undefined ? { pageSize: props.pageSize } : {});
  return <MessageListView {...props} conv={conv} />;
}

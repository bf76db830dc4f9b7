// Owns what MessageList draws during a jump to a message: the conversation's
// actions and summary from useConversation, with the messages, paging and
// loading state of the jump's history window (useMessageWindow) in place of
// the live list's, and what the list needs to open at the target and leave.
import { useMemo } from 'react';
import type { ConversationId } from '../../protocol/ids';
import { useConversation, useMessageWindow, type ConversationResult } from '../../react/index';

export interface JumpWindow {
  /** Index of the jump target among the messages. */
  targetIndex: number;
  hasNewer: boolean;
  loadNewer(): Promise<void>;
  /** Leave the jump for the live list at its newest message. */
  onLatest(): void;
}

/** `window` is null until the target's page has loaded (the list shows "loading" meanwhile). */
export function useJumpWindow(
  conversationId: ConversationId,
  target: string,
  pageSize: number | undefined,
  onJumpEnd: (() => void) | undefined,
): { conv: ConversationResult; window: JumpWindow | null } {
  const live = useConversation(conversationId, pageSize !== undefined ? { pageSize } : {});
  const w = useMessageWindow(conversationId, target, pageSize ?? 30);
  const conv = useMemo<ConversationResult>(
    () => ({
      ...live,
      messages: w.messages,
      hasMore: w.hasOlder,
      loadOlder: w.loadOlder,
      loadingHistory: w.loading,
      historyLoaded: w.loaded,
      historyError: w.error,
    }),
    [live, w.messages, w.hasOlder, w.loadOlder, w.loading, w.loaded, w.error],
  );
  const { targetIndex, hasNewer, loadNewer, loaded } = w;
  const window = useMemo<JumpWindow | null>(
    () => (loaded ? { targetIndex, hasNewer, loadNewer, onLatest: () => onJumpEnd?.() } : null),
    [loaded, targetIndex, hasNewer, loadNewer, onJumpEnd],
  );
  return { conv, window };
}

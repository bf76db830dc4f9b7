// Owns the items of one message's actions menu in the list: Recall (one's own
// message within the server's window), who read a group message, Copy text,
// then the conversation-feature items. The row owns the state they report to.
import type { ChatMessage } from '../../react';
import type { MessageAction } from './message-actions';
import { messageFeatureActions } from './message-feature-actions';
import type { RowContext } from './row-context';

/** Where the actions report back to the row. */
export interface RowActionHandlers {
  /** An action failed: the row shows this text as an alert. */
  failed(text: string | null): void;
  /** The list of readers (or why it could not be fetched), for a status line. */
  readers(text: string): void;
  /** Open the reaction picker. */
  pickReaction(): void;
}

function canRecall(m: ChatMessage, ctx: RowContext): boolean {
  return (
    ctx.recallEnabled &&
    m.own &&
    m.serverId !== null &&
    m.status !== 'recalled' &&
    ctx.now() - m.ts < ctx.recallWindowMs
  );
}

function copyText(text: string): void {
  if (typeof navigator !== 'undefined' && navigator.clipboard)
    navigator.clipboard.writeText(text).catch(() => undefined);
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** The menu items `m` offers this user, in menu order. */
export function rowActions(m: ChatMessage, ctx: RowContext, on: RowActionHandlers): MessageAction[] {
  const s = ctx.strings;
  const actions: MessageAction[] = [];
  const serverId = m.serverId;
  if (serverId !== null && canRecall(m, ctx)) {
    actions.push({
      id: 'recall',
      label: s.recall,
      run: () => {
        on.failed(null);
        ctx.recall(serverId).catch((e: unknown) => on.failed(s.recallFailed(messageOf(e))));
      },
    });
  }
  const readCount = m.readCount;
  if (m.own && m.chatType !== 'single' && serverId !== null && readCount > 0) {
    actions.push({
      id: 'readers',
      label: s.showReaders,
      run: () => {
        ctx.readers(serverId, readCount).then(
          (users) => on.readers(s.readersList(users.map(ctx.name).join(', '))),
          (e: unknown) => on.readers(messageOf(e)),
        );
      },
    });
  }
  if (m.body.type === 'txt') {
    const text = m.body.msg;
    actions.push({ id: 'copy', label: s.copyText, run: () => copyText(text) });
  }
  actions.push(...messageFeatureActions(m, ctx, on.pickReaction));
  return actions;
}

// Owns the conversation-feature items of a message's actions menu — add a
// reaction, reply, reply in thread and forward (when the app handles them),
// edit (own text messages), pin or unpin, delete for me, delete for everyone
// (own messages; the server refuses what it must, and the row then shows why)
// — and what the list passes rows to carry them out.
import type { Message } from '../../protocol/message';
import type { ChatMessage, ComposerTarget } from '../../react';
import type { FeatureStrings } from '../i18n/feature-strings';
import type { MessageAction } from './message-actions';

export interface FeatureRowContext {
  /** This user. */
  user: string;
  features: FeatureStrings;
  /** Serverids pinned in this conversation. */
  pinned: ReadonlySet<string>;
  toggleReaction(m: ChatMessage, emoji: string): void;
  compose(target: ComposerTarget): void;
  pin(serverId: string, pin: boolean): Promise<unknown>;
  deleteMessage(serverId: string, scope: 'me' | 'everyone'): Promise<unknown>;
  /** Puts away the notice of a change the server refused. */
  dismissChange(id: string): void;
  /** Brings the message with this serverId into view and focuses it, when loaded. */
  jumpTo(serverId: string): void;
  /** Opens the thread of this root message (no thread items without it). */
  openThread: ((root: Message) => void) | undefined;
  /** Starts forwarding this message (no forward item without it). */
  forward: ((message: Message) => void) | undefined;
}

export function messageFeatureActions(m: ChatMessage, ctx: FeatureRowContext, openPicker: () => void): MessageAction[] {
  const stored = m.message;
  if (!stored || m.status === 'recalled' || m.body.type === 'signal') return [];
  const s = ctx.features;
  const serverId = stored.serverId;
  // A refusal reaches the row through the store (ChatMessage.waiting), also after a reload or from
  // another tab: the call's own rejection adds nothing.
  const report = (p: Promise<unknown>) => void p.catch(() => undefined);
  const actions: MessageAction[] = [
    { id: 'react', label: s.react, run: openPicker },
    { id: 'reply', label: s.reply, run: () => ctx.compose({ kind: 'reply', message: stored }) },
  ];
  const { openThread, forward } = ctx;
  // Thread replies have no threads of their own.
  if (openThread && stored.threadOf === undefined)
    actions.push({ id: 'thread', label: s.replyInThread, run: () => openThread(stored) });
  if (forward) actions.push({ id: 'forward', label: s.forward, run: () => forward(stored) });
  if (m.own && stored.body.type === 'txt')
    actions.push({ id: 'edit', label: s.edit, run: () => ctx.compose({ kind: 'edit', message: stored }) });
  const pinned = ctx.pinned.has(serverId);
  actions.push({
    id: pinned ? 'unpin' : 'pin',
    label: pinned ? s.unpin : s.pin,
    run: () => report(ctx.pin(serverId, !pinned)),
  });
  actions.push({ id: 'delete-me', label: s.deleteForMe, run: () => report(ctx.deleteMessage(serverId, 'me')) });
  if (m.own)
    actions.push({
      id: 'delete-everyone',
      label: s.deleteForEveryone,
      run: () => report(ctx.deleteMessage(serverId, 'everyone')),
    });
  return actions;
}

// Owns what the message list hands its rows for the conversation features:
// the user, strings, how mentions look, this conversation's pins and
// deleted-for-me ids, the actions (through useMessageActions and
// useComposer), and jumping to a
// quoted message (scrolled into view and focused when it is loaded, else
// handed to `onJumpRequest`, which opens the list's jump window at it).
import { useMemo } from 'react';
import type { ConversationId } from '../../protocol/ids';
import type { Message } from '../../protocol/message';
import { useChatSelector, useChatUser, useComposer, useMessageActions, usePins, type ChatMessage } from '../../react';
import { useStrings } from '../i18n';
import type { Locale } from '../i18n/locale';
import type { FeatureRowContext } from './message-feature-actions';
import type { MentionStyle } from './mention-text';

export interface FeatureListContext extends FeatureRowContext {
  hidden: ReadonlySet<string>;
  mentionStyle: MentionStyle;
}

export function useFeatureRowContext(
  conversation: ConversationId,
  locale: Locale,
  messages: readonly ChatMessage[],
  scrollToIndex: (index: number) => void,
  focusKey: (key: string) => void,
  onJumpRequest: ((serverId: string) => void) | undefined,
  displayName: (user: string) => string,
  openThread: ((root: Message) => void) | undefined,
  forward: ((message: Message) => void) | undefined,
): FeatureListContext {
  const user = useChatUser();
  const actions = useMessageActions();
  const composer = useComposer(conversation);
  const { pins } = usePins(conversation);
  // By content: the first answer (often no pins) is a new list, and a new context re-renders every row.
  const pinnedKey = pins.map((p) => p.serverId).join('\u0000');
  const pinned = useMemo(() => new Set(pinnedKey === '' ? [] : pinnedKey.split('\u0000')), [pinnedKey]);
  const hidden = useChatSelector((s) => s.features.hidden);
  const features = useStrings(locale).features;
  return useMemo<FeatureListContext>(
    () => ({
      user,
      features,
      pinned,
      hidden,
      mentionStyle: { self: user, name: displayName, mentionsYou: features.mentionsYou },
      openThread,
      forward,
      toggleReaction: (m, emoji) => {
        if (m.message) void actions.toggleReaction(m.message, emoji).catch(() => undefined);
      },
      compose: (target) => (target.kind === 'reply' ? composer.replyTo(target.message) : composer.edit(target.message)),
      pin: (serverId, pin) => (pin ? actions.pin(serverId) : actions.unpin(serverId)),
      deleteMessage: (serverId, scope) =>
        scope === 'me' ? actions.deleteForMe(serverId) : actions.deleteForEveryone(serverId),
      dismissChange: (id) => actions.dismissChange(id),
      jumpTo: (serverId) => {
        for (let i = messages.length - 1; i >= 0; i--) {
          const m = messages[i] as ChatMessage;
          if (m.serverId !== serverId) continue;
          scrollToIndex(i);
          focusKey(m.key);
          return;
        }
        onJumpRequest?.(serverId);
      },
    }),
    [
      user,
      features,
      pinned,
      hidden,
      actions,
      composer,
      messages,
      scrollToIndex,
      focusKey,
      onJumpRequest,
      displayName,
      openThread,
      forward,
    ],
  );
}

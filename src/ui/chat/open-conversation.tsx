// Owns the open conversation of Chat: its header (with calls), the pins
// strip, the message list, the composer, and the thread panel and forward
// dialog. The message list with its virtualizer is the heaviest part of the
// kit, so it is a chunk of its own whose load Chat starts as it mounts,
// alongside the connection and the history the list waits for anyway; the
// pins strip, thread panel and forward dialog load on first need. The header
// and the composer are memoized: a change of the conversation's summary (a new
// message, a reload's cached list) draws the list, not them.
import { memo, useState, type ReactNode } from 'react';
import type { ConversationSummary } from '../../protocol/entities';
import type { ConversationId } from '../../protocol/ids';
import type { Message } from '../../protocol/message';
import { parseConversationId, useChatUser, useGroup, useGroupName, usePins } from '../../react';
import type { CallType } from '../call-invite-modal/call-type';
import { useStrings } from '../i18n';
import { lazyChunk, useLazyChunk } from '../lazy-chunk';
import { MessageInput } from '../message-input/message-input';
import type { MessageListProps } from '../message-list/message-list';
import type { ModalScope } from '../modal-dialog';
import type { Theme } from '../theme';
import { ChatHeader } from './chat-header';

const Header = memo(ChatHeader);
const Composer = memo(MessageInput);

export const messageListChunk = lazyChunk(() => import('../message-list/message-list'), 'message list');
// Most conversations have no pins: the strip is loaded once one does.
const pinsChunk = lazyChunk(() => import('../pins-strip/pins-strip'), 'pinned messages');
const threadChunk = lazyChunk(() => import('../thread-panel/thread-panel'), 'thread panel');
const forwardChunk = lazyChunk(() => import('../forward-dialog/forward-dialog'), 'forward dialog');

export interface OpenConversationProps {
  id: ConversationId;
  summary: ConversationSummary | undefined;
  titleId: string;
  displayName(userId: string): string;
  conversationName: ((conversation: ConversationSummary) => string | undefined) | undefined;
  avatarUrl: ((conversation: ConversationSummary) => string | undefined) | undefined;
  callModal: ModalScope;
  callTimeout: number;
  calls: readonly CallType[];
  calling: 'media' | 'invite-only';
  onBack(): void;
  list: Pick<MessageListProps, 'customEmoji' | 'shortcodes' | 'renderCustom' | 'mapUrl'> & {
    displayName(userId: string): string;
  };
  theme: Theme;
  jumpTo: string | null;
  onJumpEnd(): void;
  /** Open the list at this message (a pin, a quote whose original is not loaded). */
  onJump(serverId: string): void;
  groupReadReceipts: boolean;
}

export function OpenConversation({
  id,
  summary,
  titleId,
  displayName,
  conversationName,
  avatarUrl,
  callModal,
  callTimeout,
  calls,
  calling,
  onBack,
  list,
  theme,
  jumpTo,
  onJumpEnd,
  onJump,
  groupReadReceipts,
}: OpenConversationProps): ReactNode {
  const target = parseConversationId(id);
  const groupName = useGroupName(target?.type === 'group' ? target.target : undefined);
  const { group } = useGroup(target?.type === 'group' ? target.target : undefined);
  const me = useChatUser();
  const strings = useStrings();
  const listModule = useLazyChunk(messageListChunk, true);
  const pinned = usePins(id).pins.length > 0;
  const pinsModule = useLazyChunk(pinsChunk, pinned ? true : undefined);
  const [thread, setThread] = useState<Message | null>(null);
  const threadModule = useLazyChunk(threadChunk, thread?.serverId);
  const [forwarding, setForwarding] = useState<Message | null>(null);
  const forwardModule = useLazyChunk(forwardChunk, forwarding?.serverId);
  // Only a group's owner and admins may ask for receipts (the server refuses the others' sends).
  const askAcks = groupReadReceipts && group !== undefined && (group.owner === me || group.admins.includes(me));
  const name =
    (summary && conversationName?.(summary)) ??
    groupName ??
    (target ? (target.type === 'single' ? displayName(target.target) : target.target) : id);
  return (
    <>
      <Header
        conversationId={id}
        name={name}
        avatarUrl={summary ? avatarUrl?.(summary) : undefined}
        displayName={displayName}
        callTimeout={callTimeout}
        calls={calls}
        calling={calling}
        onBack={onBack}
        titleId={titleId}
      />
      {pinned && pinsModule ? (
        <pinsModule.PinsStrip conversationId={id} onJump={onJump} displayName={displayName} />
      ) : null}
      {listModule ? (
        <listModule.MessageList
          conversationId={id}
          className="natter-chat__messages"
          jumpTo={jumpTo}
          onJumpEnd={onJumpEnd}
          onJumpRequest={onJump}
          onOpenThread={setThread}
          onForward={setForwarding}
          {...list}
        />
      ) : (
        <p className="natter-chat__messages natter-chat__messages--loading" role="status">
          {strings.messageList.loadingMessages}
        </p>
      )}
      <Composer
        conversationId={id}
        displayName={displayName}
        emojiTheme={theme}
        showTyping={false}
        allowGroupAck={askAcks}
      />
      {thread && threadModule ? (
        <threadModule.ThreadPanel
          conversationId={id}
          root={thread}
          displayName={displayName}
          onClose={() => setThread(null)}
        />
      ) : null}
      {forwarding && forwardModule ? (
        <forwardModule.ForwardDialog
          message={forwarding}
          from={id}
          scope={callModal}
          displayName={displayName}
          {...(conversationName ? { conversationName } : {})}
          onClose={() => setForwarding(null)}
        />
      ) : null}
    </>
  );
}

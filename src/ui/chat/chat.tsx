// Owns Chat: the ready layout. A conversation list beside the open
// conversation (header with calls, MessageList, MessageInput), the call
// invitation modal, a theme and a locale. On narrow widths (a container
// query in chat.css) it shows one pane at a time: the list, or the
// conversation with a back button.
import { useId, useState, type CSSProperties, type ReactNode } from 'react';
import type { CustomEmojiMap, ShortcodeTable } from '../../emoji';
import type { ConversationSummary } from '../../protocol/entities';
import type { ConversationId } from '../../protocol/ids';
import type { Invitation } from '../../protocol/invitation';
import type { LocationBody } from '../../protocol/message';
import { parseConversationId, useConversationList, useGroupName, type ChatMessage } from '../../react';
import { CallInviteModal } from '../call-invite-modal/call-invite-modal';
import type { CallType } from '../call-invite-modal/call-type';
import { ConversationList } from '../conversation-list/conversation-list';
import { LocaleProvider, useStrings, type Locale, type StringOverrides } from '../i18n';
import { MessageInput } from '../message-input/message-input';
import { MessageList } from '../message-list';
import { themeAttributes, type Theme } from '../theme';
import { UnreadBadge } from '../unread-badge/unread-badge';
import { ChatHeader } from './chat-header';

export interface ChatProps {
  /** 'light' | 'dark' | 'auto' (follows the system; default). */
  theme?: Theme;
  /** 'en' (default) | 'zh-CN'. */
  locale?: Locale;
  /** Replace some strings. */
  strings?: StringOverrides;
  /** The open conversation (controlled); omit to let Chat keep it. */
  conversationId?: ConversationId | null;
  /** Open conversation at first (uncontrolled). */
  defaultConversationId?: ConversationId | null;
  onConversationChange?(id: ConversationId | null): void;
  displayName?(userId: string): string;
  conversationName?(conversation: ConversationSummary): string | undefined;
  avatarUrl?(conversation: ConversationSummary): string | undefined;
  /** Hands an accepted call to a media layer (see CallInviteModal). */
  onAccepted?(invitation: Invitation): void;
  /** Seconds a call rings before the server times it out (default 30). */
  callTimeout?: number;
  /** Call buttons in the header (default both; [] hides them). */
  calls?: readonly CallType[];
  customEmoji?: CustomEmojiMap | readonly CustomEmojiMap[];
  shortcodes?: ShortcodeTable | null;
  renderCustom?(message: ChatMessage): ReactNode;
  mapUrl?(location: LocationBody): string | null;
  className?: string;
  style?: CSSProperties;
}

const identity = (id: string): string => id;
const BOTH_CALLS: readonly CallType[] = ['audio', 'video'];

export function Chat({ locale = 'en', strings, ...rest }: ChatProps): ReactNode {
  return (
    <LocaleProvider locale={locale} {...(strings ? { strings } : {})}>
      <ChatLayout {...rest} />
    </LocaleProvider>
  );
}

function ChatLayout({
  theme = 'auto', conversationId: controlled, defaultConversationId = null, onConversationChange, displayName = identity, conversationName, avatarUrl,
  onAccepted, callTimeout = 30, calls = BOTH_CALLS, customEmoji, shortcodes, renderCustom, mapUrl, className, style,
}: Omit<ChatProps, 'locale' | 'strings'>): ReactNode {
  const t = useStrings().conversationList;
  const [own, setOwn] = useState<ConversationId | null>(defaultConversationId);
  const open = controlled !== undefined ? controlled : own;
  const { conversations } = useConversationList();
  const summary = open ? conversations.find((c) => c.id === open) : undefined;
  const titleId = useId();

  const choose = (id: ConversationId | null) => {
    if (controlled === undefined) setOwn(id);
    onConversationChange?.(id);
  };

  return (
    <div
      className={['natter-chat', className].filter(Boolean).join(' ')}
      style={style}
      data-view={open ? 'conversation' : 'list'}
      {...themeAttributes(theme)}
    >
      <aside className="natter-chat__sidebar">
        <div className="natter-chat__sidebar-header">
          <h2 className="natter-chat__sidebar-title">{t.listLabel}</h2>
          <UnreadBadge />
        </div>
        <ConversationList
          selected={open}
          onSelect={choose}
          displayName={displayName}
          {...(conversationName ? { conversationName } : {})}
          {...(avatarUrl ? { avatarUrl } : {})}
        />
      </aside>
      <section className="natter-chat__main" {...(open ? { 'aria-labelledby': titleId } : {})}>
        {open ? (
          <OpenConversation
            key={open}
            id={open}
            summary={summary}
            titleId={titleId}
            displayName={displayName}
            conversationName={conversationName}
            avatarUrl={avatarUrl}
            callTimeout={callTimeout}
            calls={calls}
            onBack={() => choose(null)}
            list={{ displayName, ...(customEmoji ? { customEmoji } : {}), ...(shortcodes !== undefined ? { shortcodes } : {}), ...(renderCustom ? { renderCustom } : {}), ...(mapUrl ? { mapUrl } : {}) }}
            theme={theme}
          />
        ) : (
          <p className="natter-chat__placeholder">{t.selectConversation}</p>
        )}
      </section>
      <CallInviteModal displayName={displayName} {...(onAccepted ? { onAccepted } : {})} />
    </div>
  );
}

interface OpenConversationProps {
  id: ConversationId;
  summary: ConversationSummary | undefined;
  titleId: string;
  displayName(userId: string): string;
  conversationName: ChatProps['conversationName'];
  avatarUrl: ChatProps['avatarUrl'];
  callTimeout: number;
  calls: readonly CallType[];
  onBack(): void;
  list: Pick<ChatProps, 'customEmoji' | 'shortcodes' | 'renderCustom' | 'mapUrl'> & { displayName(userId: string): string };
  theme: Theme;
}

function OpenConversation({ id, summary, titleId, displayName, conversationName, avatarUrl, callTimeout, calls, onBack, list, theme }: OpenConversationProps): ReactNode {
  const target = parseConversationId(id);
  const groupName = useGroupName(target?.type === 'group' ? target.target : undefined);
  const name = (summary && conversationName?.(summary)) ?? groupName ?? (target ? (target.type === 'single' ? displayName(target.target) : target.target) : id);
  return (
    <>
      <ChatHeader
        conversationId={id}
        name={name}
        avatarUrl={summary ? avatarUrl?.(summary) : undefined}
        displayName={displayName}
        callTimeout={callTimeout}
        calls={calls}
        onBack={onBack}
        titleId={titleId}
      />
      <MessageList conversationId={id} className="natter-chat__messages" {...list} />
      <MessageInput conversationId={id} displayName={displayName} emojiTheme={theme} showTyping={false} />
    </>
  );
}

// Owns Chat: the ready layout. A conversation list beside the open
// conversation (open-conversation.tsx; its message list is a chunk whose load
// starts as this module runs in a browser), the call invitation modal, a theme and a locale. On narrow widths (a container
// query in chat.css) it shows one pane at a time: the list, or the
// conversation with a back button. The parts that read the store themselves
// (search, unread badge, call dialog and view) are memoized with stable
// handlers: a change of the list (a reload's cached list, each new message)
// draws the list and the open conversation, not them.
import { memo, useCallback, useId, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import type { CustomEmojiMap, ShortcodeTable } from '../../emoji';
import type { ConversationSummary } from '../../protocol/entities';
import type { ConversationId } from '../../protocol/ids';
import type { Invitation } from '../../protocol/invitation';
import type { MessageSearchHit } from '../../protocol/people';
import type { LocationBody } from '../../protocol/message';
import { rtcCallType, useCall, useChatUser, useConversationList, useDisplayName, type ChatMessage } from '../../react';
import { CallView } from '../call/call-view';
import { CallInviteModal } from '../call-invite-modal/call-invite-modal';
import type { CallType } from '../call-invite-modal/call-type';
import { ConversationList } from '../conversation-list/conversation-list';
import { LocaleProvider, useDirection, useLocale, useStrings, type Locale, type StringOverrides } from '../i18n';
import { MODAL_SCOPE_ATTRIBUTE, type ModalScope } from '../modal-dialog';
import { lazyChunk, prefetchChunk, useLazyChunk } from '../lazy-chunk';
import { MessageSearch } from '../message-search/message-search';
import { themeAttributes, type Theme } from '../theme';
import { UnreadBadge } from '../unread-badge/unread-badge';
import { messageListChunk, OpenConversation } from './open-conversation';
import { useDefaultShortcodes } from './use-default-shortcodes';
import { usePaneFocus } from './use-pane-focus';

// A page that has Chat shows a conversation with the message list: in a browser its chunk is fetched
// as this module runs, with the page's first scripts, rather than at Chat's first render, which comes
// after the app's module and React's first task (a cached start had its messages ready to draw while
// the list's chunk was still loading). Chat's render asks again where there was no document (SSR).
if (typeof document !== 'undefined') prefetchChunk(messageListChunk);

// The new-conversation dialog is rarely open: it loads on first use, in a chunk of its own.
const Search = memo(MessageSearch);
const Badge = memo(UnreadBadge);
const CallModal = memo(CallInviteModal);
const Call = memo(CallView);

const newConversationChunk = lazyChunk(
  () => import('../new-conversation/new-conversation-dialog'),
  'new conversation dialog',
);

export interface ChatProps {
  /** 'light' | 'dark' | 'auto' (follows the system; default). */
  theme?: Theme;
  /** A BCP 47 tag (default 'en'): natter's languages (LOCALES) load on demand; others via registerLocale(). */
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
  /** In groups this user owns or administers, ask members for read receipts ("Read by 3", who read it). Default true. */
  groupReadReceipts?: boolean;
  /** Hands an accepted call to a media layer (see CallInviteModal). */
  onAccepted?(invitation: Invitation): void;
  /** What the call dialog is modal to: 'page' (default) or 'chat' (this Chat only, for several chats on one page). */
  callModal?: ModalScope;
  /** Seconds a call rings before the server times it out (default 30). */
  callTimeout?: number;
  /** Call buttons in the header (default both; [] hides them). */
  calls?: readonly CallType[];
  /** 'media' (default): calls carry audio and video (useCall, CallView); 'invite-only': the buttons only send the invitation, for an app's own media layer. */
  calling?: 'media' | 'invite-only';
  customEmoji?: CustomEmojiMap | readonly CustomEmojiMap[];
  /** `:shortcode:` table; default: emoji-mart's, loaded lazily; `null` leaves shortcodes as text. */
  shortcodes?: ShortcodeTable | null;
  renderCustom?(message: ChatMessage): ReactNode;
  mapUrl?(location: LocationBody): string | null;
  className?: string;
  style?: CSSProperties;
}

const BOTH_CALLS: readonly CallType[] = ['audio', 'video'];

export function Chat({ locale = 'en', strings, ...rest }: ChatProps): ReactNode {
  return (
    <LocaleProvider locale={locale} {...(strings ? { strings } : {})}>
      <ChatLayout {...rest} />
    </LocaleProvider>
  );
}

function ChatLayout({
  theme = 'auto',
  conversationId: controlled,
  defaultConversationId = null,
  onConversationChange,
  displayName: givenName,
  conversationName,
  avatarUrl,
  onAccepted,
  groupReadReceipts = true,
  callModal = 'page',
  callTimeout = 30,
  calls = BOTH_CALLS,
  calling = 'media',
  customEmoji,
  shortcodes: givenShortcodes,
  renderCustom,
  mapUrl,
  className,
  style,
}: Omit<ChatProps, 'locale' | 'strings'>): ReactNode {
  const strings = useStrings();
  const t = strings.conversationList;
  // Users are shown by their profiles' names unless the app names them.
  const profileName = useDisplayName();
  const displayName = givenName ?? profileName;
  const lang = useLocale();
  const dir = useDirection();
  const [composing, setComposing] = useState(false);
  const newConversation = useLazyChunk(newConversationChunk, composing ? true : undefined);
  const [searching, setSearching] = useState(false);
  // A search hit opens its conversation at that message.
  const [jump, setJump] = useState<{ conversation: ConversationId; serverId: string } | null>(null);
  const [own, setOwn] = useState<ConversationId | null>(defaultConversationId);
  const open = controlled !== undefined ? controlled : own;
  const { conversations } = useConversationList();
  const summary = open ? conversations.find((c) => c.id === open) : undefined;
  const titleId = useId();
  const sidebarRef = useRef<HTMLElement>(null);
  const mainRef = useRef<HTMLElement>(null);
  usePaneFocus(open, sidebarRef, mainRef);
  const shortcodes = useDefaultShortcodes(givenShortcodes);
  const me = useChatUser();
  // Fetched from the first render on (not after its paint), beside the connection, the conversation
  // list and the offline cache's read, so a conversation opens on it. Fetching once is idempotent.
  useState(() => prefetchChunk(messageListChunk));
  const { join } = useCall();
  // The callee's own accept in the ringing dialog puts this device in the call.
  const accepted = useCallback(
    (inv: Invitation) => {
      if (calling === 'media' && inv.inviter !== me && rtcCallType(inv.data) !== null)
        void join(inv).catch(() => undefined);
      onAccepted?.(inv);
    },
    [calling, me, join, onAccepted],
  );

  const jumpConversation = jump?.conversation;
  const choose = useCallback(
    (id: ConversationId | null) => {
      if (id !== jumpConversation) setJump(null);
      if (controlled === undefined) setOwn(id);
      onConversationChange?.(id);
    },
    [jumpConversation, controlled, onConversationChange],
  );
  const back = useCallback(() => choose(null), [choose]);
  const searchChanged = useCallback((q: string) => setSearching(q.trim() !== ''), []);
  const searchOpen = useCallback(
    (hit: MessageSearchHit) => {
      setJump({ conversation: hit.conversation, serverId: hit.message.serverId });
      if (controlled === undefined) setOwn(hit.conversation);
      onConversationChange?.(hit.conversation);
    },
    [controlled, onConversationChange],
  );

  return (
    <div
      className={['natter-chat', className].filter(Boolean).join(' ')}
      style={style}
      data-view={open ? 'conversation' : 'list'}
      lang={lang}
      dir={dir}
      {...{ [MODAL_SCOPE_ATTRIBUTE]: '' }}
      {...themeAttributes(theme)}
    >
      <aside ref={sidebarRef} className="natter-chat__sidebar">
        <div className="natter-chat__sidebar-header">
          <h2 className="natter-chat__sidebar-title">{t.listLabel}</h2>
          <Badge />
          <button
            type="button"
            className="natter-chat__new"
            aria-label={strings.people.newConversation}
            title={strings.people.newConversation}
            onClick={() => setComposing(true)}
          >
            <span aria-hidden="true">+</span>
          </button>
        </div>
        <Search
          {...(searching ? { className: 'natter-chat__search--active' } : {})}
          displayName={displayName}
          onQueryChange={searchChanged}
          onOpen={searchOpen}
        />
        <ConversationList
          {...(searching ? { className: 'natter-chat__list--hidden' } : {})}
          selected={open}
          onSelect={choose}
          displayName={displayName}
          {...(conversationName ? { conversationName } : {})}
          {...(avatarUrl ? { avatarUrl } : {})}
        />
      </aside>
      <section ref={mainRef} className="natter-chat__main" {...(open ? { 'aria-labelledby': titleId } : {})}>
        {open ? (
          <OpenConversation
            key={open}
            id={open}
            summary={summary}
            titleId={titleId}
            displayName={displayName}
            conversationName={conversationName}
            avatarUrl={avatarUrl}
            callModal={callModal}
            callTimeout={callTimeout}
            calls={calls}
            calling={calling}
            onBack={back}
            jumpTo={jump?.conversation === open ? jump.serverId : null}
            onJumpEnd={() => setJump(null)}
            onJump={(serverId) => setJump({ conversation: open, serverId })}
            list={{
              displayName,
              ...(customEmoji ? { customEmoji } : {}),
              ...(shortcodes !== undefined ? { shortcodes } : {}),
              ...(renderCustom ? { renderCustom } : {}),
              ...(mapUrl ? { mapUrl } : {}),
            }}
            theme={theme}
            groupReadReceipts={groupReadReceipts}
          />
        ) : (
          <p className="natter-chat__placeholder">{t.selectConversation}</p>
        )}
      </section>
      <CallModal displayName={displayName} scope={callModal} onAccepted={accepted} />
      {calling === 'media' && <Call displayName={displayName} />}
      {composing && newConversation && (
        <newConversation.NewConversationDialog
          displayName={displayName}
          onClose={() => setComposing(false)}
          onStart={(id) => {
            setComposing(false);
            choose(id);
          }}
        />
      )}
    </div>
  );
}

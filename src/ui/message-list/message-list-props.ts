// Owns MessageListProps: what an app passes to the drop-in message list (the
// conversation, paging, text rendering, jump and thread hooks, styling).
import type { CSSProperties, ReactNode } from 'react';
import type { CustomEmojiMap, ShortcodeTable } from '../../emoji/index';
import type { ConversationId } from '../../protocol/ids';
import type { LocationBody, Message } from '../../protocol/message';
import type { ChatMessage } from '../../react';
import type { Locale } from '../i18n/locale';

export interface MessageListProps {
  conversationId: ConversationId;
  /** Overrides the LocaleProvider's locale. */
  locale?: Locale;
  /** Messages per history page (default 30). */
  pageSize?: number;
  /** Custom image emoji maps for text (keep the object stable). */
  customEmoji?: CustomEmojiMap | readonly CustomEmojiMap[];
  /** `:shortcode:` table for text (e.g. from `loadShortcodeTable()`). */
  shortcodes?: ShortcodeTable | Readonly<Record<string, string>> | null;
  /** Draws the inside of a custom message's bubble. */
  renderCustom?: (message: ChatMessage) => ReactNode;
  /** Display name of a user id (default: the profile's display name, else the id). */
  displayName?: (userId: string) => string;
  /** Map link for a location (default: OpenStreetMap). */
  mapUrl?: (location: LocationBody) => string | null;
  /** Mark the conversation read while its newest message is on screen (default true). */
  markReadOnView?: boolean;
  /** Accessible name of the log (default: localized "Messages"). */
  'aria-label'?: string;
  /** Open at this message (serverId), loading the history around it, highlighted (jump to a message). */
  jumpTo?: string | null;
  /** The reader left the jump for the latest messages ("Jump to latest", or an own send). */
  onJumpEnd?: () => void;
  /**
   * A quote (or a pin) asks for a message that is not loaded: open the list at it, typically by
   * setting `jumpTo` to it. Without it, such a request does nothing.
   */
  onJumpRequest?: (serverId: string) => void;
  /** Offers "Reply in thread" and the reply count of thread roots, opening the thread here. */
  onOpenThread?: (root: Message) => void;
  /** Offers "Forward" on messages, handing the message here (e.g. to a forward dialog). */
  onForward?: (message: Message) => void;
  className?: string;
  style?: CSSProperties;
}

// Owns one row of the conversation list: a button that selects it (avatar or
// initials, with the peer's presence dot in a single chat; name, last-message
// preview, time, mention and unread badges, "Muted until …"), its mute menu
// and a delete button. A mute whose time has passed shows as none.
import { memo, useCallback, type KeyboardEvent, type ReactNode } from 'react';
import type { ConversationSummary } from '../../protocol/entities';
import { useGroupName, usePresence, useProfile, useServerClock } from '../../react';
import { EmojiText } from '../emoji-text';
import { formatDateTime, formatShortTimestamp, useLocale, useStrings, type Locale } from '../i18n';
import { CountBadge } from '../unread-badge/count-badge';
import { Avatar } from './avatar';
import { messagePreview } from './message-preview';
import { MuteMenu } from './mute-menu';
import { PresenceMark, PresenceWords, presenceLabel } from './presence-dot';

export interface ConversationItemProps {
  conversation: ConversationSummary;
  viewer: string;
  selected: boolean;
  /** Reachable by Tab (roving tabindex: one row at a time). */
  tabbable: boolean;
  name?: string;
  avatarUrl?: string;
  displayName(userId: string): string;
  now: number;
  locale?: Locale;
  /** Called with the row's select button (and null when it goes), for keyboard navigation. */
  register(id: string, button: HTMLButtonElement | null): void;
  onSelect(id: ConversationSummary['id']): void;
  onDelete(conversation: ConversationSummary): void | Promise<void>;
  /** Mutes for `ms` (null: until unmuted). */
  onMute(conversation: ConversationSummary, ms: number | null): void | Promise<void>;
  onUnmute(conversation: ConversationSummary): void | Promise<void>;
  onKeyDown(e: KeyboardEvent<HTMLButtonElement>, id: ConversationSummary['id']): void;
  onFocus(id: ConversationSummary['id']): void;
  /** Set when the list is virtualized: where the row sits and how it reports its height. */
  row?: ConversationRowPlacement;
}

/** A virtualized row's place: index and offset in the list, list length (-1 while more pages remain: unknown to ARIA), and the measuring ref. */
export interface ConversationRowPlacement {
  index: number;
  start: number;
  setSize: number;
  measure(el: HTMLLIElement | null): void;
}

/** A bell struck through: the conversation is muted. */
function BellOffIcon(): ReactNode {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      width="14"
      height="14"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
    >
      <path d="M18 8a6 6 0 0 0-9.3-5M6 8c0 7-3 9-3 9h14M13.7 21a2 2 0 0 1-3.4 0M3 3l18 18" />
    </svg>
  );
}

/**
 * The conversation's mute while it lasts, else null, by the server's clock (the mute's end is server
 * time). Rows are drawn again when the list's `now` moves: each minute and when a mute ends.
 */
function useActiveMute(c: ConversationSummary): { until: number | null } | null {
  const serverNow = useServerClock();
  if (c.mute === undefined) return null;
  const until = c.mute.until ?? null;
  return until === null || until > serverNow() ? { until } : null;
}

/** Same props, the placement compared by its fields (the virtualizer gives a new object each time it draws). */
function sameRow(a: ConversationItemProps, b: ConversationItemProps): boolean {
  const keys = Object.keys(a) as (keyof ConversationItemProps)[];
  if (keys.length !== Object.keys(b).length) return false;
  for (const k of keys) if (k !== 'row' && a[k] !== b[k]) return false;
  const r = a.row;
  const q = b.row;
  return (
    r === q ||
    (!!r && !!q && r.index === q.index && r.start === q.start && r.setSize === q.setSize && r.measure === q.measure)
  );
}

/** The row's box: placed by the virtualizer, so it changes whenever a row above it moves. */
export const ConversationItem = memo(function ConversationItem({ row, ...p }: ConversationItemProps): ReactNode {
  const c = p.conversation;
  const muted = useActiveMute(c) !== null;
  return (
    <li
      className="natter-conversation"
      data-selected={p.selected || undefined}
      data-unread={c.unread > 0 || undefined}
      data-muted={muted || undefined}
      {...(row
        ? {
            ref: row.measure,
            'data-index': row.index,
            'aria-setsize': row.setSize,
            'aria-posinset': row.index + 1,
            style: { position: 'absolute', insetInline: 0, top: 0, transform: `translateY(${row.start}px)` },
          }
        : {})}
    >
      <RowContent {...p} />
    </li>
  );
}, sameRow);

/**
 * What the row shows, drawn again only when its conversation or its state changes: a new message
 * moves every row below the top one, and only their boxes need to follow.
 */
const RowContent = memo(function RowContent(p: Omit<ConversationItemProps, 'row'>): ReactNode {
  const { conversation: c } = p;
  const strings = useStrings(p.locale);
  const t = strings.conversationList;
  const loc = useLocale(p.locale);
  const groupName = useGroupName(c.type === 'group' ? c.target : undefined);
  const peer = c.type === 'single' ? c.target : undefined;
  const profile = useProfile(peer);
  // Read once for the dot and the words: each store read is a subscription every store change runs.
  const presence = usePresence(peer)?.status;
  const presenceWords = presenceLabel(presence, t);
  const name = p.name ?? groupName ?? (c.type === 'single' ? p.displayName(c.target) : c.target);
  const preview = messagePreview(c.lastMessage, p.viewer, t, strings.messageList, p.displayName);
  const ts = c.lastMessage?.ts ?? c.updatedAt;
  const previewId = `natter-conv-${c.id}-preview`;
  const { register } = p;
  const buttonRef = useCallback((el: HTMLButtonElement | null) => register(c.id, el), [register, c.id]);
  const mute = useActiveMute(c);
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="natter-conversation__select"
        aria-current={p.selected ? 'true' : undefined}
        tabIndex={p.tabbable ? 0 : -1}
        data-conversation={c.id}
        onClick={() => p.onSelect(c.id)}
        onKeyDown={(e) => p.onKeyDown(e, c.id)}
        onFocus={() => p.onFocus(c.id)}
      >
        <span className="natter-avatar-wrap">
          <Avatar id={c.id} name={name} src={p.avatarUrl ?? profile?.avatar ?? null} />
          <PresenceMark status={presence} label={presenceWords} />
        </span>
        <span className="natter-conversation__main">
          <span className="natter-conversation__top">
            <span className="natter-conversation__name">{name}</span>
            <PresenceWords label={presenceWords} />
            {ts > 0 && (
              <time
                className="natter-conversation__time"
                dateTime={new Date(ts).toISOString()}
                // The full date is only a pointer's tooltip: formatted when a pointer comes, not for every
                // row drawn (a first full-date formatter costs the list's first paint about as much as its rows).
                onPointerEnter={(e) => (e.currentTarget.title = formatDateTime(ts, loc))}
              >
                {formatShortTimestamp(ts, p.now, loc)}
              </time>
            )}
          </span>
          <span className="natter-conversation__bottom">
            <span id={previewId} className="natter-conversation__preview" data-kind={preview.kind}>
              {preview.prefix}
              {preview.kind === 'text' ? (
                <EmojiText text={preview.text} links={false} largeEmojiMax={0} />
              ) : (
                preview.text
              )}
            </span>
            {(c.mentions ?? 0) > 0 && (
              <span className="natter-badge natter-badge--mention">
                <span aria-hidden="true">@</span>
                <span className="natter-visually-hidden">{strings.features.mentionBadge(c.mentions ?? 0)}</span>
              </span>
            )}
            {mute !== null && (
              <span className="natter-conversation__muted">
                <BellOffIcon />
                {mute.until === null ? (
                  <span className="natter-visually-hidden">{t.muted}</span>
                ) : (
                  <span className="natter-conversation__muted-until">
                    {t.mutedUntil(formatDateTime(mute.until, loc))}
                  </span>
                )}
              </span>
            )}
            <CountBadge count={c.unread} label={t.unread} />
          </span>
        </span>
      </button>
      <MuteMenu
        name={name}
        muted={mute !== null}
        tabbable={p.tabbable}
        strings={t}
        onMute={(ms) => void p.onMute(c, ms)}
        onUnmute={() => void p.onUnmute(c)}
        icon={<BellOffIcon />}
      />
      <button
        type="button"
        className="natter-conversation__delete"
        aria-label={t.deleteConversation(name)}
        tabIndex={p.tabbable ? 0 : -1}
        onClick={() => void p.onDelete(c)}
      >
        <span aria-hidden="true">×</span>
      </button>
    </>
  );
});

// Owns one row of the conversation list: a button that selects it (avatar or
// initials, with the peer's presence dot in a single chat; name, last-message
// preview, time, mention and unread badges, "Muted until …"), its mute menu
// and a delete button. A mute whose time has passed shows as none.
import { memo, useCallback, type KeyboardEvent, type ReactNode } from 'react';
import type { ConversationSummary } from '../../protocol/entities';
import type { PresenceStatus } from '../../protocol/people';
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
 * When the conversation's mute ends (null: when unmuted) while it lasts, else undefined, by the
 * server's clock (the mute's end is server time). Rows are drawn again when the list's `now` moves:
 * each minute and when a mute ends.
 */
function useMuteUntil(c: ConversationSummary): number | null | undefined {
  const serverNow = useServerClock();
  if (c.mute === undefined) return undefined;
  const until = c.mute.until ?? null;
  return until === null || until > serverNow() ? until : undefined;
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
  const muteUntil = useMuteUntil(c);
  const muted = muteUntil !== undefined;
  // The row's key is its conversation id, which holds its type: a row keeps its kind of content.
  const Content = c.type === 'single' ? PeerRowContent : c.type === 'group' ? GroupRowContent : RowContent;
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
      <Content {...p} muteUntil={muteUntil} />
    </li>
  );
}, sameRow);

/** What a row's content is drawn from: the row's props and its mute (see useMuteUntil). */
type RowContentProps = Omit<ConversationItemProps, 'row'> & { muteUntil: number | null | undefined };

/** Who a row shows, read by the row's kind of content: its name, picture and presence. */
interface RowPerson {
  name: string;
  avatarUrl: string | null;
  presence: PresenceStatus | undefined;
}

/**
 * What a single chat's row shows: its peer's profile and presence are read here, and only here (a
 * group's row has no peer; each store read is a subscription every store change runs).
 */
const PeerRowContent = memo(function PeerRowContent(p: RowContentProps): ReactNode {
  const peer = p.conversation.target;
  const profile = useProfile(peer);
  const presence = usePresence(peer)?.status;
  const name = p.name ?? p.displayName(peer);
  return <RowView {...p} person={{ name, avatarUrl: p.avatarUrl ?? profile?.avatar ?? null, presence }} />;
});

/** What a group's row shows: the group's name, fetched once a minute per group. */
const GroupRowContent = memo(function GroupRowContent(p: RowContentProps): ReactNode {
  const groupName = useGroupName(p.conversation.target);
  const name = p.name ?? groupName ?? p.conversation.target;
  return <RowView {...p} person={{ name, avatarUrl: p.avatarUrl ?? null, presence: undefined }} />;
});

/** What a chat room's row shows: its id, or the name the app gives. */
const RowContent = memo(function RowContent(p: RowContentProps): ReactNode {
  const name = p.name ?? p.conversation.target;
  return <RowView {...p} person={{ name, avatarUrl: p.avatarUrl ?? null, presence: undefined }} />;
});

/**
 * What the row shows, drawn again only when its conversation or its state changes (the memo above
 * it): a new message moves every row below the top one, and only their boxes need to follow.
 */
function RowView(p: RowContentProps & { person: RowPerson }): ReactNode {
  const { conversation: c, person } = p;
  const strings = useStrings(p.locale);
  const t = strings.conversationList;
  const loc = useLocale(p.locale);
  const presence = person.presence;
  const presenceWords = presenceLabel(presence, t);
  const name = person.name;
  const preview = messagePreview(c.lastMessage, p.viewer, t, strings.messageList, p.displayName);
  const ts = c.lastMessage?.ts ?? c.updatedAt;
  const previewId = `natter-conv-${c.id}-preview`;
  const { register } = p;
  const buttonRef = useCallback((el: HTMLButtonElement | null) => register(c.id, el), [register, c.id]);
  const mute = p.muteUntil === undefined ? null : { until: p.muteUntil };
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
          <Avatar id={c.id} name={name} src={person.avatarUrl} />
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
}

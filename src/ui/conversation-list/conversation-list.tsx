// Owns ConversationList: the user's conversations from useConversationList,
// most recent first, as a list of buttons with a roving tabindex (Arrow keys,
// Home and End move between rows; Enter or Space selects; Delete deletes),
// controlled or uncontrolled selection, and a delete action per row. Long
// lists are virtualized (virtual-rows.tsx, loaded once a list is that long and
// its first frame is painted):
// the DOM holds the rows in view whatever the number of conversations; short
// ones render every row (no layout needed, e.g. on the server), those beyond a
// box of rows from the frame after the first rows are painted. The list loads its next
// page when the rows drawn come near the end of what is loaded, so scrolling,
// the wheel or End/ArrowDown on the last row walk on through every page.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { ConversationSummary } from '../../protocol/entities';
import type { ConversationId } from '../../protocol/ids';
import {
  useChatUser,
  useConversationList,
  useDeleteConversation,
  useDisplayName,
  useMuteConversation,
  useServerClock,
} from '../../react';
import { useStrings, type Locale } from '../i18n';
import { lazyChunk, useLazyChunk } from '../lazy-chunk';
import { usePainted } from '../use-painted';
import { ConversationItem, type ConversationRowPlacement } from './conversation-item';

export interface ConversationListProps {
  /** The selected conversation (controlled); omit to let the list keep its own. */
  selected?: ConversationId | null;
  onSelect?(id: ConversationId): void;
  /** Replaces the default delete (the server's `deleteConversation`, keeping roaming history). */
  onDelete?(conversation: ConversationSummary): void | Promise<void>;
  /** Delete the roaming history too when deleting (default false). */
  deleteHistory?: boolean;
  /** Name of a conversation (default: group name for groups, else the peer's `displayName`). */
  conversationName?(conversation: ConversationSummary): string | undefined;
  /** Names for user ids in previews and single chats (default: the profile's display name, else the id). */
  displayName?(userId: string): string;
  /** Picture of a conversation (default: a single chat's peer's profile avatar). */
  avatarUrl?(conversation: ConversationSummary): string | undefined;
  locale?: Locale;
  className?: string;
}

/** Lists longer than this are virtualized. */
const VIRTUAL_FROM = 40;
/**
 * Rows a long list draws while its virtualizer loads (a page that comes before it), and any list in
 * its first frame with rows: a 1,000 px box, with fewer than 400 elements in the DOM.
 */
const ROWS_BEFORE_VIRTUAL = 16;
const virtualRowsChunk = lazyChunk(() => import('./virtual-rows'), 'long conversation list');
/** The next page is asked for when the last row drawn is this close to the end of the loaded ones. */
const LOAD_AHEAD = 20;

export function ConversationList({
  selected: controlled,
  onSelect,
  onDelete,
  deleteHistory = false,
  conversationName,
  displayName: givenName,
  avatarUrl,
  locale,
  className,
}: ConversationListProps): ReactNode {
  const profileName = useDisplayName();
  const displayName = givenName ?? profileName;
  const t = useStrings(locale).conversationList;
  const user = useChatUser();
  const deleteConversation = useDeleteConversation();
  const muting = useMuteConversation();
  const serverNow = useServerClock();
  const { conversations, loaded, hasMore, loadMore } = useConversationList();
  const [own, setOwn] = useState<ConversationId | null>(null);
  const selected = controlled !== undefined ? controlled : own;
  const [active, setActive] = useState<ConversationId | null>(null);
  const [error, setError] = useState<string | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const [now, setNow] = useState(() => Date.now());
  const scrollerRef = useRef<HTMLElement | null>(null);
  /** A row that keyboard navigation moved to before it was drawn: focused once it mounts. */
  const pendingFocus = useRef<string | null>(null);
  const virtual = conversations.length > VIRTUAL_FROM;
  // The virtualizer is fetched once the list's first frame is painted, not before: a long page that
  // comes first is drawn plain (only the rows that fill the box), and the chunk's fetch, compile and
  // evaluation would otherwise run in the task and the frame that draw those rows.
  const painted = usePainted();
  // The first frame with rows (a reload drawing its cached list, the first page) draws the rows that
  // fill a box and the others a frame later: rows out of view would only delay that paint.
  const rowsPainted = usePainted(conversations.length > 0);
  const virtualRows = useLazyChunk(virtualRowsChunk, virtual && painted ? true : undefined);
  // A first page (50) is already long: with the first page still on its way after that paint, the
  // virtualizer is fetched beside it, not after it.
  useEffect(() => {
    if (painted && !loaded) virtualRowsChunk.get().catch(() => undefined);
  }, [painted, loaded]);
  const [lastVirtual, setLastVirtual] = useState(-1);
  const scrollTo = useRef<((index: number) => void) | null>(null);
  // Every row is drawn until the virtualizer is in (paging waits for it).
  const lastDrawn = !virtual ? conversations.length - 1 : virtualRows ? lastVirtual : -1;
  // A short list with more on the server (deleted conversations) shows no scrollbar: it loads on its own.
  const nearEnd = loaded && hasMore && lastDrawn >= conversations.length - 1 - LOAD_AHEAD;
  useEffect(() => {
    if (nearEnd) void loadMore();
  }, [nearEnd, conversations.length, loadMore]);

  // Row times say "14:05" today and a weekday later on: refresh them each minute.
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);

  const select = useCallback(
    (id: ConversationId) => {
      if (controlled === undefined) setOwn(id);
      onSelect?.(id);
    },
    [controlled, onSelect],
  );

  const remove = useCallback(
    async (c: ConversationSummary) => {
      setError(null);
      try {
        if (onDelete) await onDelete(c);
        else await deleteConversation(c.id, { deleteHistory });
      } catch (e) {
        setError(t.deleteFailed(e instanceof Error ? e.message : String(e)));
      }
    },
    [deleteConversation, onDelete, deleteHistory, t],
  );

  const changeMute = useCallback(
    async (run: () => Promise<void>) => {
      setError(null);
      try {
        await run();
      } catch (e) {
        setError(t.muteFailed(e instanceof Error ? e.message : String(e)));
      }
    },
    [t],
  );
  const mute = useCallback(
    (c: ConversationSummary, ms: number | null) =>
      changeMute(() => muting.mute(c.id, ms === null ? undefined : serverNow() + ms)),
    [changeMute, muting, serverNow],
  );
  const unmute = useCallback((c: ConversationSummary) => changeMute(() => muting.unmute(c.id)), [changeMute, muting]);

  // A mute that ends draws its row again then (the server sends nothing when it does).
  useEffect(() => {
    const at = serverNow();
    let next = Infinity;
    for (const c of conversations) {
      const until = c.mute?.until;
      if (until !== undefined && until > at && until < next) next = until;
    }
    if (next === Infinity) return;
    const timer = setTimeout(() => setNow(Date.now()), next - at + 50);
    return () => clearTimeout(timer);
  }, [conversations, serverNow, now]);

  const tabbableId = tabbableOf(conversations, active, selected);

  // Read by the key handler, which stays the same function while the list changes: a new one would
  // draw every row again for each new message.
  const listNow = useRef({ conversations, remove });
  useEffect(() => {
    listNow.current = { conversations, remove };
  });
  // A move made while the virtualizer's chunk was still loading (nothing to scroll with) goes on once
  // it is in: the row moved to is scrolled into view and takes focus when drawn (register).
  useEffect(() => {
    const id = pendingFocus.current;
    if (!virtualRows || id === null || buttons.current.has(id)) return;
    const index = listNow.current.conversations.findIndex((c) => c.id === id);
    if (index >= 0) scrollTo.current?.(index);
  }, [virtualRows]);

  const onKeyDown = useCallback((e: KeyboardEvent<HTMLButtonElement>, id: ConversationId) => {
    const { conversations, remove } = listNow.current;
    const ids = conversations.map((c) => c.id);
    const i = ids.indexOf(id);
    let next: number | null = null;
    if (e.key === 'ArrowDown') next = Math.min(i + 1, ids.length - 1);
    else if (e.key === 'ArrowUp') next = Math.max(i - 1, 0);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = ids.length - 1;
    else if (e.key === 'Delete') {
      e.preventDefault();
      const c = conversations[i];
      if (c) void remove(c);
      const neighbour = ids[i + 1] ?? ids[i - 1];
      if (neighbour) buttons.current.get(neighbour)?.focus();
      return;
    }
    if (next === null) return;
    e.preventDefault();
    const target = ids[next];
    if (!target) return;
    const button = buttons.current.get(target);
    if (button) return button.focus();
    pendingFocus.current = target;
    scrollTo.current?.(next);
  }, []);

  const register = useCallback((id: string, el: HTMLButtonElement | null) => {
    if (el) {
      buttons.current.set(id, el);
      if (pendingFocus.current === id) {
        pendingFocus.current = null;
        // Unless focus has left the list meanwhile: a row drawn again never takes it from another control.
        const active = el.ownerDocument.activeElement;
        if (!active || active === el.ownerDocument.body || scrollerRef.current?.contains(active)) el.focus();
      }
    } else {
      // A focused row going away (the list turning virtual when its chunk arrives, or scrolled out of the
      // drawn rows) would drop focus to the page: its conversation takes it back when drawn again.
      const old = buttons.current.get(id);
      if (old && old === old.ownerDocument.activeElement && pendingFocus.current === null) pendingFocus.current = id;
      buttons.current.delete(id);
    }
  }, []);

  const renderRow = (c: ConversationSummary, row?: ConversationRowPlacement): ReactNode => {
    const name = conversationName?.(c);
    const avatar = avatarUrl?.(c);
    return (
      <ConversationItem
        key={c.id}
        conversation={c}
        viewer={user}
        selected={c.id === selected}
        tabbable={c.id === tabbableId}
        displayName={displayName}
        now={now}
        register={register}
        onSelect={select}
        onDelete={remove}
        onMute={mute}
        onUnmute={unmute}
        onKeyDown={onKeyDown}
        onFocus={setActive}
        {...(row ? { row } : {})}
        {...(name !== undefined ? { name } : {})}
        {...(avatar !== undefined ? { avatarUrl: avatar } : {})}
        {...(locale !== undefined ? { locale } : {})}
      />
    );
  };

  return (
    <nav
      ref={scrollerRef}
      className={['natter-conversations', className].filter(Boolean).join(' ')}
      aria-label={t.listLabel}
    >
      {error && (
        <p className="natter-conversations__error" role="alert">
          {error}
        </p>
      )}
      {conversations.length === 0 ? (
        <p className="natter-conversations__empty">{loaded ? t.empty : t.loading}</p>
      ) : virtual && virtualRows ? (
        <virtualRows.VirtualRows
          conversations={conversations}
          scroller={scrollerRef}
          setSize={hasMore ? -1 : conversations.length}
          renderRow={renderRow}
          onDrawn={setLastVirtual}
          scrollTo={scrollTo}
        />
      ) : (
        <ul className="natter-conversations__list">
          {(virtual || !rowsPainted ? conversations.slice(0, ROWS_BEFORE_VIRTUAL) : conversations).map((c) =>
            renderRow(c),
          )}
        </ul>
      )}
    </nav>
  );
}

/** The row Tab reaches: the one last focused, else the selected one, else the first (one pass, no copy of the list). */
function tabbableOf(
  conversations: readonly ConversationSummary[],
  active: ConversationId | null,
  selected: ConversationId | null,
): ConversationId | null {
  let selectedListed = false;
  for (const c of conversations) {
    if (c.id === active) return active;
    if (c.id === selected) selectedListed = true;
  }
  return selectedListed ? selected : (conversations[0]?.id ?? null);
}

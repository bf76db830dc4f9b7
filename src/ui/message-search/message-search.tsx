// Owns MessageSearch: a search box over the messages this user can read
// (server-side) and, once a query is typed, its results (search-results.tsx, a
// chunk loaded on the first query; the box itself is there from the start, so
// no keystroke waits for it). Choosing a hit hands it to the app (Chat opens
// the conversation at that message).
import { useId, useState, type ReactNode } from 'react';
import type { ConversationId } from '../../protocol/ids';
import type { MessageSearchHit } from '../../protocol/people';
import { useStrings, type Locale } from '../i18n';
import { lazyChunk, useLazyChunk } from '../lazy-chunk';

const resultsChunk = lazyChunk(() => import('./search-results'), 'search results');

export interface MessageSearchProps {
  /** A hit was chosen. */
  onOpen(hit: MessageSearchHit): void;
  /** Search one conversation only. */
  conversationId?: ConversationId;
  /** Called with the query as it is typed (Chat hides its list while one is set). */
  onQueryChange?(query: string): void;
  displayName?(userId: string): string;
  locale?: Locale;
  className?: string;
}

const identity = (u: string) => u;

export function MessageSearch({
  onOpen,
  conversationId,
  onQueryChange,
  displayName = identity,
  locale,
  className,
}: MessageSearchProps): ReactNode {
  const t = useStrings(locale).people;
  const [query, setQuery] = useState('');
  const inputId = useId();
  const typed = query.trim() !== '';
  const results = useLazyChunk(resultsChunk, typed ? true : undefined);
  return (
    <div className={['natter-search', className].filter(Boolean).join(' ')} role="search">
      <label htmlFor={inputId} className="natter-search__label">
        {t.searchMessages}
      </label>
      <input
        id={inputId}
        className="natter-search__input"
        type="search"
        placeholder={t.searchMessages}
        value={query}
        autoComplete="off"
        onChange={(e) => {
          setQuery(e.target.value);
          onQueryChange?.(e.target.value);
        }}
      />
      {typed &&
        (results ? (
          <results.SearchResults
            query={query}
            onOpen={onOpen}
            displayName={displayName}
            {...(conversationId !== undefined ? { conversationId } : {})}
            {...(locale ? { locale } : {})}
          />
        ) : (
          <p className="natter-search__status" role="status">
            {t.searching}
          </p>
        ))}
    </div>
  );
}

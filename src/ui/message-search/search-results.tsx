// Owns the results of MessageSearch: the server-side search for a typed query
// (useMessageSearch) and its hits, newest first, each a button naming the
// conversation, the sender and the time with the matched words marked; "More
// results" loads the next page. A chunk of its own: loaded when a query is first typed.
import type { ReactNode } from 'react';
import type { ConversationId } from '../../protocol/ids';
import type { MessageSearchHit } from '../../protocol/people';
import { parseConversationId, useGroupName, useMessageSearch } from '../../react';
import { formatShortTimestamp, useLocale, useStrings, type Locale } from '../i18n';
import { HighlightedText } from './highlighted-text';

export interface SearchResultsProps {
  query: string;
  onOpen(hit: MessageSearchHit): void;
  conversationId?: ConversationId;
  displayName(userId: string): string;
  locale?: Locale;
}

export function SearchResults({ query, onOpen, conversationId, displayName, locale }: SearchResultsProps): ReactNode {
  const t = useStrings(locale).people;
  const search = useMessageSearch(query, conversationId !== undefined ? { conversation: conversationId } : {});
  return (
    <>
      <p className="natter-search__status" role="status">
        {search.loading && search.hits.length === 0
          ? t.searching
          : !search.loading && search.hits.length === 0
            ? t.noMessagesFound
            : ''}
      </p>
      <ul className="natter-search__hits" aria-label={t.searchResults}>
        {search.hits.map((hit) => (
          <SearchHit
            key={hit.message.serverId}
            hit={hit}
            displayName={displayName}
            onOpen={onOpen}
            {...(locale ? { locale } : {})}
          />
        ))}
      </ul>
      {search.hasMore && (
        <button type="button" className="natter-search__more" disabled={search.loading} onClick={search.loadMore}>
          {t.moreResults}
        </button>
      )}
    </>
  );
}

function SearchHit({
  hit,
  displayName,
  onOpen,
  locale,
}: {
  hit: MessageSearchHit;
  displayName(u: string): string;
  onOpen(hit: MessageSearchHit): void;
  locale?: Locale;
}): ReactNode {
  const loc = useLocale(locale);
  const target = parseConversationId(hit.conversation);
  const groupName = useGroupName(target?.type === 'group' ? target.target : undefined);
  const where =
    target?.type === 'single' ? displayName(target.target) : (groupName ?? target?.target ?? hit.conversation);
  const text = hit.message.body.type === 'txt' ? hit.message.body.msg : '';
  return (
    <li>
      <button type="button" className="natter-search__hit" onClick={() => onOpen(hit)}>
        <span className="natter-search__where">
          <span className="natter-search__conversation">{where}</span>
          <time className="natter-search__time" dateTime={new Date(hit.message.ts).toISOString()}>
            {formatShortTimestamp(hit.message.ts, Date.now(), loc)}
          </time>
        </span>
        <span className="natter-search__text">
          {target?.type !== 'single' && (
            <span className="natter-search__sender">{displayName(hit.message.from)}: </span>
          )}
          <HighlightedText text={text} ranges={hit.highlights} />
        </span>
      </button>
    </li>
  );
}

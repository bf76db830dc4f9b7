// Owns encoding a page of the conversation list for its answer: each summary
// is stringified without its last message, which is spliced in as the JSON
// text the storage read (conversation-page-read.ts), so a page never parses
// and encodes its 50 last messages again on the event loop. The text is the
// JSON of the same ConversationPage (key order aside).
import type { ConversationSummary } from '../protocol/entities';
import type { ConversationPage } from '../protocol/frames';
import { EncodedResult } from './encoded-result';

/** A page's fields as ConversationPage has them, the last messages apart. */
export interface PageParts {
  summaries: Array<Omit<ConversationSummary, 'lastMessage'>>;
  /** Each summary's last message as JSON (null: none). */
  lastMessages: Array<string | null>;
  cursor: string | null;
  hasMore: boolean;
  unreadTotal?: number;
}

export function encodeConversationPage(parts: PageParts): EncodedResult<ConversationPage> {
  const items = parts.summaries.map((summary, i) => {
    const head = JSON.stringify(summary);
    // An object's JSON ends with its closing brace: the last message goes in just before it.
    return `${head.slice(0, -1)},"lastMessage":${parts.lastMessages[i] ?? 'null'}}`;
  });
  const total = parts.unreadTotal === undefined ? '' : `,"unreadTotal":${parts.unreadTotal}`;
  return new EncodedResult(
    `{"conversations":[${items.join(',')}],"cursor":${JSON.stringify(parts.cursor)},"hasMore":${parts.hasMore}${total}}`,
  );
}

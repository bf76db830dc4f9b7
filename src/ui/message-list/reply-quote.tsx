// Owns the quote at the top of a reply's bubble: who it answers and the
// quoted text (or that the original was deleted); a button that takes the
// user to the original message when it is loaded.
import type { ReactNode } from 'react';
import type { FeatureStrings } from '../i18n/feature-strings';

export interface QuoteView {
  serverId: string;
  from: string;
  type: string;
  text: string;
  gone?: boolean;
}

export function ReplyQuote({ quote, name, strings, onJump }: { quote: QuoteView; name: string; strings: FeatureStrings; onJump(serverId: string): void }): ReactNode {
  const text = quote.gone ? strings.quoteGone : quote.text || `[${quote.type}]`;
  return (
    <button type="button" className="natter-quote" onClick={() => onJump(quote.serverId)} aria-label={`${strings.inReplyTo(name)}: ${text}`}>
      <span className="natter-quote-from" aria-hidden="true">{name}</span>
      <span className={`natter-quote-text${quote.gone ? ' natter-quote-text--gone' : ''}`} aria-hidden="true">{text}</span>
    </button>
  );
}

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

export function ReplyQuote({
  quote,
  name,
  strings,
  onJump,
}: {
  quote: QuoteView;
  name: string;
  strings: FeatureStrings;
  onJump(serverId: string): void;
}): ReactNode {
  const text = quote.gone ? strings.quoteGone : quote.text || `[${quote.type}]`;
  return (
    // Named by what it shows (WCAG 2.5.3: a voice user says what they see); "In reply to …" is its description.
    <button
      type="button"
      className="natter-quote"
      onClick={() => onJump(quote.serverId)}
      title={strings.inReplyTo(name)}
    >
      <span className="natter-quote-from">{name}</span>{' '}
      <span className={`natter-quote-text${quote.gone ? ' natter-quote-text--gone' : ''}`}>{text}</span>
    </button>
  );
}

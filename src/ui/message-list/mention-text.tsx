// Owns how a text message shows the mentions it carries: each `@name` of a
// mentioned user (by display name or id) or `@all` is set apart, the ones
// that mean this user more strongly and with "mentions you" for screen
// readers. The rest of the text stays EmojiText (emoji, links).
import type { ReactNode } from 'react';
import type { MessageMentions } from '../../protocol/features';
import { EmojiText, type EmojiTextProps } from '../emoji-text/emoji-text';

export interface MentionStyle {
  /** This user. */
  self: string;
  name(user: string): string;
  mentionsYou: string;
}

interface Token {
  text: string;
  self: boolean;
}

function tokensOf(mentions: MessageMentions, style: MentionStyle): Token[] {
  const tokens: Token[] = [];
  for (const u of mentions.users ?? []) {
    const self = u === style.self;
    tokens.push({ text: `@${style.name(u)}`, self }, { text: `@${u}`, self });
  }
  if (mentions.all) tokens.push({ text: '@all', self: true });
  // Longest first, so "@Ann Lee" wins over "@Ann".
  return tokens.sort((a, b) => b.text.length - a.text.length);
}

/** `text` with its mentions set apart; plain EmojiText when nothing in it is a mention. */
export function MentionText({
  text,
  mentions,
  style,
  emoji,
}: {
  text: string;
  mentions: MessageMentions;
  style: MentionStyle;
  emoji: Omit<EmojiTextProps, 'text'>;
}): ReactNode {
  const tokens = tokensOf(mentions, style);
  const parts: ReactNode[] = [];
  let plain = '';
  let i = 0;
  const flush = () => {
    if (plain) parts.push(<EmojiText key={parts.length} text={plain} {...emoji} largeEmojiMax={0} />);
    plain = '';
  };
  while (i < text.length) {
    const startsWord = i === 0 || /\s/.test(text[i - 1] ?? '');
    const hit =
      text[i] === '@' && startsWord
        ? tokens.find((t) => text.startsWith(t.text, i) && !/[\p{L}\p{N}_]/u.test(text[i + t.text.length] ?? ''))
        : undefined;
    if (!hit) {
      plain += text[i];
      i++;
      continue;
    }
    flush();
    parts.push(
      <span key={parts.length} className="natter-mention" data-self={hit.self || undefined}>
        {text.slice(i, i + hit.text.length)}
        {hit.self ? <span className="natter-visually-hidden"> ({style.mentionsYou})</span> : null}
      </span>,
    );
    i += hit.text.length;
  }
  if (parts.length === 0) return <EmojiText text={text} {...emoji} />;
  flush();
  return <span className="natter-mention-text">{parts}</span>;
}

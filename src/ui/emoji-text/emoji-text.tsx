// Owns EmojiText: message text drawn from the emoji parser's segments as React
// text, <img> for custom emoji (URL checked again here) and spans for Unicode
// emoji, with http(s)/mailto links as anchors. Text only ever becomes text
// nodes: no HTML is built from message content.
import { memo, useMemo, type ReactNode } from 'react';
import {
  createEmojiParser,
  DEFAULT_LARGE_EMOJI_MAX,
  isEmojiOnly,
  isSafeEmojiUrl,
  type CustomEmojiMap,
  type EmojiParser,
  type Segment,
  type ShortcodeTable,
} from '../../emoji/index';
import { linkify } from './linkify';

export interface EmojiTextProps {
  /** The message text. */
  text: string;
  /** Custom image emoji maps (Easemob `WebIM.Emoji` shape). Keep the object stable between renders. */
  customEmoji?: CustomEmojiMap | readonly CustomEmojiMap[];
  /** `:shortcode:` table (e.g. from `loadShortcodeTable()`); without one, shortcodes stay text. */
  shortcodes?: ShortcodeTable | Readonly<Record<string, string>> | null;
  /** A parser made once with `createEmojiParser` (overrides `customEmoji`/`shortcodes`). */
  parser?: EmojiParser;
  /** Emoji-only text with at most this many emoji is drawn large (default 3; 0 turns it off). */
  largeEmojiMax?: number;
  /** Turn http(s)/mailto links into anchors (default true). */
  links?: boolean;
  className?: string;
}

const defaultParser = createEmojiParser();
/** One parser per shortcode table, shared by every text drawn with it (a list draws many). */
const tableParsers = new WeakMap<object, EmojiParser>();

function tableParser(shortcodes: ShortcodeTable | Readonly<Record<string, string>>): EmojiParser {
  let p = tableParsers.get(shortcodes);
  if (!p) tableParsers.set(shortcodes, (p = createEmojiParser({ shortcodes })));
  return p;
}

function renderText(text: string, key: string, links: boolean): ReactNode[] {
  if (!links) return [text];
  return linkify(text).map((p, i) =>
    p.type === 'text' ? (
      p.text
    ) : (
      <a key={`${key}-${i}`} className="natter-link" href={p.href} target="_blank" rel="noopener noreferrer">
        {p.text}
      </a>
    ),
  );
}

function renderSegment(s: Segment, i: number, links: boolean): ReactNode {
  if (s.type === 'txt') return renderText(s.data, `t${i}`, links);
  if (s.kind === 'image') {
    // The parser already drops unsafe map entries; checking at the sink too keeps this component safe on its own.
    if (!isSafeEmojiUrl(s.data)) return s.key;
    return (
      <img
        key={`e${i}`}
        className="natter-emoji natter-emoji--image"
        src={s.data}
        alt={s.key}
        title={s.key}
        draggable={false}
      />
    );
  }
  return (
    <span key={`e${i}`} className="natter-emoji natter-emoji--unicode" title={s.key !== s.data ? s.key : undefined}>
      {s.data}
    </span>
  );
}

/** Text with emoji and links; an emoji-only message is drawn large. */
export const EmojiText = memo(function EmojiText({
  text,
  customEmoji,
  shortcodes,
  parser,
  largeEmojiMax = DEFAULT_LARGE_EMOJI_MAX,
  links = true,
  className,
}: EmojiTextProps): ReactNode {
  const p = useMemo(
    () =>
      parser ??
      (customEmoji === undefined && !shortcodes
        ? defaultParser
        : customEmoji === undefined && shortcodes
          ? tableParser(shortcodes)
          : createEmojiParser({
              ...(customEmoji === undefined ? {} : { customEmoji }),
              shortcodes: shortcodes ?? null,
            })),
    [parser, customEmoji, shortcodes],
  );
  const segments = useMemo(() => p.parse(typeof text === 'string' ? text : ''), [p, text]);
  const large = largeEmojiMax > 0 && isEmojiOnly(segments, largeEmojiMax);
  const cls = ['natter-emoji-text', large ? 'natter-emoji-text--large' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <span className={cls} data-emoji-only={large ? '' : undefined}>
      {segments.map((s, i) => renderSegment(s, i, links))}
    </span>
  );
});

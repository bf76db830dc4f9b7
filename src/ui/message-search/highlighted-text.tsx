// Owns drawing a search hit's text with its matches marked (<mark>), cut to
// a window around the first match so a long message still shows why it matched.
import type { ReactNode } from 'react';

/** Characters kept before the first match when the text is cut. */
const LEAD = 24;
/** Characters shown at most. */
const SPAN = 160;

export function HighlightedText({
  text,
  ranges,
}: {
  text: string;
  ranges: ReadonlyArray<readonly [number, number]>;
}): ReactNode {
  const first = ranges[0]?.[0] ?? 0;
  let start = Math.max(0, first - LEAD);
  // Never start inside a surrogate pair.
  if (start > 0 && /[\uDC00-\uDFFF]/.test(text[start] ?? '')) start--;
  const end = Math.min(text.length, start + SPAN);
  const parts: ReactNode[] = [];
  let at = start;
  for (const [s, e] of ranges) {
    if (e <= start || s >= end) continue;
    const from = Math.max(s, start);
    const to = Math.min(e, end);
    if (from > at) parts.push(text.slice(at, from));
    parts.push(<mark key={from}>{text.slice(from, to)}</mark>);
    at = to;
  }
  if (at < end) parts.push(text.slice(at, end));
  return (
    <>
      {start > 0 && '…'}
      {parts}
      {end < text.length && '…'}
    </>
  );
}

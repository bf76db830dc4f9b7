// Owns link detection in plain text: finds http(s)://, www. and mailto: links
// and returns text and link pieces. Only http, https and mailto ever become
// links (checked again with the URL parser); everything else stays text.

export type TextPiece = { type: 'text'; text: string } | { type: 'link'; text: string; href: string };

// A candidate starts at a scheme we allow (or "www.") and runs to whitespace or a
// character that cannot be part of a URL in running text.
// eslint-disable-next-line no-control-regex -- control characters end a link: matching them is the point
const LINK = /\b(?:https?:\/\/|mailto:|www\.)[^\s<>"'`\u0000-\u001f\u007f-\u009f\u2028\u2029]+/gi;
const TRAILING = /[.,;:!?'"»”’)\]}>]+$/;

/** The link target for `candidate` if it is an allowed link, else null. */
export function safeLinkHref(candidate: string): string | null {
  const raw = /^www\./i.test(candidate) ? `https://${candidate}` : candidate;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') return url.hostname ? url.href : null;
  if (url.protocol === 'mailto:') return url.pathname.includes('@') ? url.href : null;
  return null;
}

/** Drops trailing punctuation a sentence adds, keeping closing brackets that close one in the URL. */
function trimTrailing(candidate: string): string {
  let s = candidate;
  const m = TRAILING.exec(s);
  if (!m) return s;
  s = s.slice(0, s.length - m[0].length);
  // Give back ")" when the URL has an unclosed "(" (Wikipedia-style links).
  let rest = m[0];
  while (rest.startsWith(')') && count(s, '(') > count(s, ')')) {
    s += ')';
    rest = rest.slice(1);
  }
  return s;
}

function count(s: string, c: string): number {
  let n = 0;
  for (const ch of s) if (ch === c) n++;
  return n;
}

/** Splits `text` into text and link pieces. */
export function linkify(text: string): TextPiece[] {
  const out: TextPiece[] = [];
  let last = 0;
  LINK.lastIndex = 0;
  for (let m = LINK.exec(text); m !== null; m = LINK.exec(text)) {
    const candidate = trimTrailing(m[0]);
    const href = safeLinkHref(candidate);
    if (href === null) continue;
    if (m.index > last) out.push({ type: 'text', text: text.slice(last, m.index) });
    out.push({ type: 'link', text: candidate, href });
    last = m.index + candidate.length;
    LINK.lastIndex = last;
  }
  if (last < text.length) out.push({ type: 'text', text: text.slice(last) });
  return out;
}

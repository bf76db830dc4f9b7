// Owns the rule for which custom-emoji URLs may ever reach an <img src>: relative
// paths and http(s) only. Everything a browser would normalise into something else
// (tabs/newlines stripped from schemes, backslashes read as slashes, leading
// "//" read as another host) is refused rather than cleaned up, because a URL that
// needs cleaning came from someone trying to be clever.

const MAX_URL_LENGTH = 2048;

/** True for characters that are invisible, whitespace, controls or formatting. */
function isSuspiciousChar(c: number): boolean {
  if (c <= 0x20 || (c >= 0x7f && c <= 0xa0)) return true;
  if (c === 0x5c) return true; // backslash: read as "/" by browsers in http(s) URLs
  if (c === 0xad || c === 0x1680 || c === 0x180e || c === 0x3000 || c === 0xfeff) return true;
  if (c >= 0x2000 && c <= 0x200f) return true; // spaces, zero-width, bidi marks
  if (c >= 0x2028 && c <= 0x202f) return true; // separators, bidi embeddings
  if (c >= 0x205f && c <= 0x206f) return true;
  if (c >= 0xfff0 && c <= 0xffff) return true; // specials
  if (c >= 0xd800 && c <= 0xdfff) return true; // surrogates: no emoji file needs them raw
  return false;
}

/**
 * Whether `url` is safe to use as a custom emoji image source: a relative path
 * (`static/faces/ee_1.png`, `/faces/x.png`, `../x.png`) or an absolute `http://` /
 * `https://` URL with a host. Refuses every other scheme (`javascript:`, `data:`,
 * `blob:`, …), protocol-relative `//host`, backslashes, and any whitespace or
 * control/format characters anywhere (encode spaces as `%20`).
 */
export function isSafeEmojiUrl(url: unknown): url is string {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_URL_LENGTH) return false;
  let schemeEnd = -1;
  for (let i = 0; i < url.length; i++) {
    const c = url.charCodeAt(i);
    if (isSuspiciousChar(c)) return false;
    // The first ":" before any "/", "?" or "#" ends a scheme.
    if (schemeEnd === -1 && c === 0x3a) schemeEnd = i;
    if (schemeEnd === -1 && (c === 0x2f || c === 0x3f || c === 0x23)) schemeEnd = -2;
  }
  if (schemeEnd >= 0) {
    const scheme = url.slice(0, schemeEnd).toLowerCase();
    if (scheme !== 'http' && scheme !== 'https') return false;
    // Require "//" and a host that does not start with another slash.
    if (!url.startsWith('//', schemeEnd + 1)) return false;
    const hostStart = schemeEnd + 3;
    if (hostStart >= url.length || url.charCodeAt(hostStart) === 0x2f) return false;
  } else if (url.startsWith('//')) {
    return false; // protocol-relative: another host
  }
  return resolvesSafely(url, schemeEnd >= 0);
}

/** Second opinion from the platform's URL parser, when there is one. */
function resolvesSafely(url: string, absolute: boolean): boolean {
  if (typeof URL !== 'function') return true;
  const base = 'https://natter-base.invalid/dir/';
  let parsed: URL;
  try {
    parsed = new URL(url, base);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  if (!absolute && parsed.origin !== 'https://natter-base.invalid') return false;
  return true;
}

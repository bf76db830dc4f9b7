// Owns which URLs from messages may reach src/href attributes: http(s), paths
// relative to the page, and blob: (local previews of uploads). Anything else
// (javascript:, data:, vbscript:, file:…) is dropped, so a hostile message body
// renders as inert text.

const ALLOWED = new Set(['http:', 'https:', 'blob:']);
const BASE = 'https://natter-base.invalid/';

/** `url` if it is safe to load or link to, else null. */
export function safeUrl(url: unknown): string | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > 8192) return null;
  // Control characters and whitespace are stripped by browsers inside schemes; refuse them outright.
  // eslint-disable-next-line no-control-regex -- finding control characters is what this test is for
  if (/[\u0000-\u0020\u007f-\u009f\\]/.test(url)) return null;
  if (url.startsWith('//')) return null;
  let parsed: URL;
  try {
    parsed = new URL(url, BASE);
  } catch {
    return null;
  }
  return ALLOWED.has(parsed.protocol) ? url : null;
}

/** An OpenStreetMap link for a point, or null when the coordinates are not valid numbers. */
export function osmUrl(lat: unknown, lng: unknown): string | null {
  if (typeof lat !== 'number' || typeof lng !== 'number' || !Number.isFinite(lat) || !Number.isFinite(lng)) return null;
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180) return null;
  const la = lat.toFixed(6);
  const ln = lng.toFixed(6);
  return `https://www.openstreetmap.org/?mlat=${la}&mlon=${ln}#map=16/${la}/${ln}`;
}

// Owns locale-aware time and date formatting with Intl: message times, date
// separators ("Today", "Yesterday", weekday, full date), relative times
// ("5 min ago") and file sizes. Formatters are cached per locale and option
// set, since constructing Intl formatters is the expensive part.
import type { Locale } from './locale';

const cache = new Map<string, Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.NumberFormat>();

/** The locale itself drives Intl, whatever strings it shows; a tag Intl refuses falls back to English. */
function intlTag(locale: Locale): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

function dateFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat(intlTag(locale), options)));
  return f;
}

function relativeFormat(locale: Locale): Intl.RelativeTimeFormat {
  const key = `r|${locale}`;
  let f = cache.get(key) as Intl.RelativeTimeFormat | undefined;
  if (!f) cache.set(key, (f = new Intl.RelativeTimeFormat(intlTag(locale), { numeric: 'auto' })));
  return f;
}

function numberFormat(locale: Locale, digits: number): Intl.NumberFormat {
  const key = `n|${locale}|${digits}`;
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) cache.set(key, (f = new Intl.NumberFormat(intlTag(locale), { maximumFractionDigits: digits })));
  return f;
}

/** Local calendar day number of `ts` (for comparing days; not an epoch day). */
export function dayKey(ts: number): number {
  const d = new Date(ts);
  return d.getFullYear() * 10000 + d.getMonth() * 100 + d.getDate();
}

function startOfDay(ts: number): number {
  const d = new Date(ts);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** Hour and minute, e.g. "14:05" / "2:05 PM". */
export function formatTime(ts: number, locale: Locale): string {
  return dateFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(ts);
}

// A page's first Intl date formatter loads ICU's date data (15–60 ms in Chromium, more on a busy
// machine): built while the browser is idle after the UI loads (the client is still connecting),
// it no longer lands on the first paint of a list. Later formatters, any locale, cost well under 1 ms.
if (typeof requestIdleCallback === 'function') requestIdleCallback(() => void formatTime(0, 'en'));

/** Full date and time, for titles and screen readers. */
export function formatDateTime(ts: number, locale: Locale): string {
  return dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(ts);
}

/**
 * Label of a date separator: "Today" / "Yesterday" (given in the locale's words), the weekday
 * within the last week, the day and month this year, else the full date.
 */
export function formatDayLabel(
  ts: number,
  now: number,
  locale: Locale,
  words: { today: string; yesterday: string },
): string {
  const days = Math.round((startOfDay(now) - startOfDay(ts)) / 86_400_000);
  if (days === 0) return words.today;
  if (days === 1) return words.yesterday;
  if (days > 1 && days < 7) return dateFormat(locale, { weekday: 'long' }).format(ts);
  if (new Date(ts).getFullYear() === new Date(now).getFullYear())
    return dateFormat(locale, { month: 'long', day: 'numeric' }).format(ts);
  return dateFormat(locale, { year: 'numeric', month: 'long', day: 'numeric' }).format(ts);
}

/** "just now" / "5 minutes ago" / "yesterday" style relative time. */
export function formatRelativeTime(ts: number, now: number, locale: Locale): string {
  const seconds = Math.round((ts - now) / 1000);
  const abs = Math.abs(seconds);
  const rtf = relativeFormat(locale);
  if (abs < 45) return rtf.format(0, 'second');
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return rtf.format(Math.round(seconds / 3600), 'hour');
  if (abs < 7 * 86_400) return rtf.format(Math.round(seconds / 86_400), 'day');
  return dateFormat(locale, { year: 'numeric', month: 'short', day: 'numeric' }).format(ts);
}

/**
 * Short time for a list row: the time today, the weekday this week, else a short date
 * (what conversation lists show).
 */
export function formatShortTimestamp(ts: number, now: number, locale: Locale): string {
  const days = Math.round((startOfDay(now) - startOfDay(ts)) / 86_400_000);
  if (days <= 0) return formatTime(ts, locale);
  if (days < 7) return dateFormat(locale, { weekday: 'short' }).format(ts);
  return dateFormat(locale, { year: '2-digit', month: 'numeric', day: 'numeric' }).format(ts);
}

/** Human file size: "812 B", "1.4 KB", "3.2 MB". */
export function formatFileSize(bytes: number, locale: Locale): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${numberFormat(locale, u === 0 ? 0 : 1).format(v)} ${units[u]}`;
}

/** Media duration in seconds as "m:ss" (or "h:mm:ss"). */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

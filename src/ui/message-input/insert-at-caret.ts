// Owns inserting text (an emoji) into a textarea's value at the caret or over
// the selection, and where the caret goes afterwards.

export interface Insertion {
  value: string;
  caret: number;
}

/** `value` with `text` replacing the range [start, end) (clamped), and the caret just after it. */
export function insertAt(value: string, text: string, start: number | null, end: number | null): Insertion {
  const s = Math.min(Math.max(start ?? value.length, 0), value.length);
  const e = Math.min(Math.max(end ?? s, s), value.length);
  return { value: value.slice(0, s) + text + value.slice(e), caret: s + text.length };
}

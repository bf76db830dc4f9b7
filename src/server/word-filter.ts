// Owns the built-in moderation: word lists checked against the text a message
// carries (text bodies, custom event fields, file names, location addresses),
// case-insensitively and after Unicode normalisation. A word on the reject
// list refuses the message with 501 (Easemob's "sensitive words"), one on the
// intercept list with 502 ("intercepted by a custom rule").
import type { Message } from '../protocol/message';
import type { ModerationVerdict } from './server-options';

export interface WordFilterOptions {
  /** Words or phrases refused with 501. */
  reject?: readonly string[];
  /** Words or phrases refused with 502. */
  intercept?: readonly string[];
}

function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** The text of a message a word list is checked against. */
function textOf(message: Message): string {
  const b = message.body;
  switch (b.type) {
    case 'txt':
      return b.msg;
    case 'custom':
      return [b.customEvent, ...Object.values(b.customExts)].join('\n');
    case 'loc':
      return [b.addr, b.buildingName ?? ''].join('\n');
    case 'img':
    case 'file':
    case 'audio':
    case 'video':
      return b.name;
    default:
      return '';
  }
}

/** A `moderate` hook for the server core from word lists; empty entries are ignored. */
export function createWordFilter(options: WordFilterOptions): (message: Message) => ModerationVerdict {
  const clean = (words: readonly string[] | undefined): string[] =>
    (words ?? []).map((w) => normalise(w.trim())).filter((w) => w.length > 0);
  const reject = clean(options.reject);
  const intercept = clean(options.intercept);
  return (message) => {
    const text = normalise(textOf(message));
    if (text === '') return 'allow';
    if (reject.some((w) => text.includes(w))) return { verdict: 'reject', reason: 'message contains sensitive words' };
    if (intercept.some((w) => text.includes(w)))
      return { verdict: 'intercept', reason: 'message intercepted by the word list' };
    return 'allow';
  };
}

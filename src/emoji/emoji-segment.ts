// Owns the segment shapes the emoji parser produces. They keep Easemob's WebIM
// `{ type: 'txt' | 'emoji', data }` fields as they are, and add `kind` and `key`
// so a renderer can tell a custom image from a Unicode emoji and can always get
// the original text back (copying, previews, accessibility labels).

/** A run of plain text. */
export interface TextSegment {
  readonly type: 'txt';
  /** The text itself. */
  readonly data: string;
}

/** A Unicode emoji (one grapheme: ZWJ sequence, skin tone, keycap, flag…), literal or from `:shortcode:`. */
export interface UnicodeEmojiSegment {
  readonly type: 'emoji';
  readonly kind: 'unicode';
  /** The emoji characters to draw. */
  readonly data: string;
  /** The source text: the emoji itself, or the `:shortcode:` it was written as. */
  readonly key: string;
}

/** A custom image emoji from a map such as Easemob's `WebIM.Emoji`. */
export interface ImageEmojiSegment {
  readonly type: 'emoji';
  readonly kind: 'image';
  /** The image URL (map `path` + file), already checked by `isSafeEmojiUrl`. */
  readonly data: string;
  /** The map key found in the text, e.g. `[微笑]`. */
  readonly key: string;
}

export type EmojiSegment = UnicodeEmojiSegment | ImageEmojiSegment;
export type Segment = TextSegment | EmojiSegment;

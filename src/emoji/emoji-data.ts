// Owns the shape of the emoji data natter reads (the picker's categories and
// emoji, the shortcode table's ids and aliases): the fields of emoji-mart's
// native data set that natter uses, declared here so that natter's published
// types do not depend on that package (it is bundled into natter's own lazy
// chunk at build time, not installed with it).

/** One skin tone of an emoji. */
export interface EmojiSkin {
  unified: string;
  native: string;
}

/** One emoji: its id (the shortcode), name, search keywords and skin tones. */
export interface EmojiEntry {
  id: string;
  name: string;
  keywords: string[];
  skins: EmojiSkin[];
  version: number;
  emoticons?: string[];
}

/** A picker category and the ids of its emoji, in order. */
export interface EmojiCategory {
  id: string;
  emojis: string[];
}

/** The emoji data set: categories, emoji by id, and alias → id. */
export interface EmojiData {
  categories: EmojiCategory[];
  emojis: Record<string, EmojiEntry>;
  aliases: Record<string, string>;
}

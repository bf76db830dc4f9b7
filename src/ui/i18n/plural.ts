// Owns counting words for locale files: picks the plural form CLDR gives for a
// number in a language (one / few / many / other…) and formats the number the
// way that language writes it.

/** Plural forms by CLDR category; `other` is required. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const rules = new Map<string, Intl.PluralRules>();
const numbers = new Map<string, Intl.NumberFormat>();

/** The form for `count` in `tag`, with `#` replaced by the count written in that locale. */
export function plural(tag: string, count: number, forms: PluralForms): string {
  let r = rules.get(tag);
  if (!r) rules.set(tag, (r = new Intl.PluralRules(tag)));
  let f = numbers.get(tag);
  if (!f) numbers.set(tag, (f = new Intl.NumberFormat(tag)));
  const form = forms[r.select(count)] ?? forms.other;
  return form.replace('#', f.format(count));
}

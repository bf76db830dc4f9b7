// Owns the theme switch without a provider: a container carries
// `data-natter-theme="light" | "dark" | "auto"` and theme.css defines the
// `--natter-*` custom properties for it. `Chat` takes a `theme` prop and spreads
// `themeAttributes(theme)` on its root; apps embedding single components put the
// attribute on any ancestor (or override the properties in their own CSS).

export type Theme = 'light' | 'dark' | 'auto';

/** The attribute that selects `theme` on a container element. */
export function themeAttributes(theme: Theme = 'light'): { 'data-natter-theme': Theme } {
  return { 'data-natter-theme': theme };
}

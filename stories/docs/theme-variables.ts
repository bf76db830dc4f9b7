// Owns the reference of natter's theme: every `--natter-*` custom property that
// src/ui/theme/theme.css defines, what it colours or sizes, and which pairs of
// them must meet WCAG AA contrast (text 4.5:1, large text and controls 3:1).
// The Theming page, the README's table and the browser contrast test read it;
// a test checks it lists exactly what theme.css defines.

export type VariableKind = 'color' | 'size' | 'font' | 'shadow';

export interface ThemeVariable {
  name: `--natter-${string}`;
  kind: VariableKind;
  /** What it is used for. */
  use: string;
}

export const THEME_VARIABLES: readonly ThemeVariable[] = [
  { name: '--natter-font-family', kind: 'font', use: 'Font stack of every component (CJK fonts included).' },
  { name: '--natter-font-size', kind: 'size', use: 'Body text size.' },
  { name: '--natter-font-size-small', kind: 'size', use: 'Times, receipts, captions, the typing line.' },
  { name: '--natter-line-height', kind: 'size', use: 'Line height of text.' },
  { name: '--natter-radius', kind: 'size', use: 'Bubbles, dialogs, cards.' },
  { name: '--natter-radius-small', kind: 'size', use: 'Buttons, menus, inputs.' },
  { name: '--natter-space', kind: 'size', use: 'Base spacing unit (paddings and gaps are multiples of it).' },
  { name: '--natter-bg', kind: 'color', use: 'Page background of the chat, dialogs and menus.' },
  { name: '--natter-bg-subtle', kind: 'color', use: 'Sidebar, headers, the input box, secondary buttons.' },
  { name: '--natter-bg-hover', kind: 'color', use: 'Hovered and selected rows, focused menu items.' },
  { name: '--natter-border', kind: 'color', use: 'Dividers and borders.' },
  { name: '--natter-text', kind: 'color', use: 'Main text.' },
  { name: '--natter-text-muted', kind: 'color', use: 'Secondary text: times, previews, placeholders, event lines.' },
  {
    name: '--natter-accent',
    kind: 'color',
    use: 'Brand colour: the send button, selection, links in the UI, read ticks.',
  },
  { name: '--natter-accent-text', kind: 'color', use: 'Text and icons on the accent colour.' },
  { name: '--natter-focus-ring', kind: 'color', use: 'Keyboard focus outline.' },
  { name: '--natter-danger', kind: 'color', use: 'Errors, failed sends, decline buttons.' },
  { name: '--natter-success', kind: 'color', use: 'The accept button, accepted answers, the online presence dot.' },
  { name: '--natter-link', kind: 'color', use: 'Links in messages from others.' },
  { name: '--natter-bubble-own-bg', kind: 'color', use: "One's own message bubbles." },
  { name: '--natter-bubble-own-text', kind: 'color', use: "Text on one's own bubbles (and the sent/delivered ticks)." },
  { name: '--natter-bubble-own-link', kind: 'color', use: "Links on one's own bubbles." },
  { name: '--natter-bubble-other-bg', kind: 'color', use: "Others' message bubbles." },
  { name: '--natter-bubble-other-text', kind: 'color', use: "Text on others' bubbles." },
  {
    name: '--natter-receipt-read-on-own',
    kind: 'color',
    use: "The read ticks on one's own bubble (must differ from the bubble's text, which the delivered ticks use).",
  },
  { name: '--natter-divider-unread', kind: 'color', use: 'The "Unread messages" divider.' },
  {
    name: '--natter-presence-away',
    kind: 'color',
    use: 'The presence dot of someone away (online is --natter-success; offline is a ring of --natter-text-muted).',
  },
  { name: '--natter-badge-bg', kind: 'color', use: 'Unread count badges.' },
  { name: '--natter-badge-text', kind: 'color', use: 'The number on a badge.' },
  { name: '--natter-overlay', kind: 'color', use: 'Dimmed backdrop behind the call dialog and the image viewer.' },
  { name: '--natter-shadow', kind: 'shadow', use: 'Shadow of dialogs, menus and popups.' },
  { name: '--natter-emoji-large-size', kind: 'size', use: 'Size of emoji in an emoji-only message.' },
  { name: '--natter-custom-emoji-size', kind: 'size', use: 'Size of custom image emoji inline in text.' },
];

/** A foreground on a background, and the contrast WCAG AA asks of it. */
export interface ContrastPair {
  fg: `--natter-${string}`;
  bg: `--natter-${string}`;
  min: 4.5 | 3;
  what: string;
}

export const CONTRAST_PAIRS: readonly ContrastPair[] = [
  { fg: '--natter-text', bg: '--natter-bg', min: 4.5, what: 'text' },
  { fg: '--natter-text', bg: '--natter-bg-subtle', min: 4.5, what: 'text in the sidebar and headers' },
  { fg: '--natter-text', bg: '--natter-bg-hover', min: 4.5, what: 'text of a selected row' },
  { fg: '--natter-text-muted', bg: '--natter-bg', min: 4.5, what: 'muted text' },
  { fg: '--natter-text-muted', bg: '--natter-bg-subtle', min: 4.5, what: 'muted text in the sidebar' },
  { fg: '--natter-text-muted', bg: '--natter-bg-hover', min: 4.5, what: 'muted text of a selected row' },
  { fg: '--natter-accent-text', bg: '--natter-accent', min: 4.5, what: 'text on the accent (send button)' },
  { fg: '--natter-accent', bg: '--natter-bg', min: 3, what: 'accent controls and read ticks' },
  { fg: '--natter-focus-ring', bg: '--natter-bg', min: 3, what: 'focus outline' },
  { fg: '--natter-danger', bg: '--natter-bg', min: 4.5, what: 'error text' },
  { fg: '--natter-accent-text', bg: '--natter-danger', min: 4.5, what: 'text on decline buttons' },
  { fg: '--natter-accent-text', bg: '--natter-success', min: 4.5, what: 'text on accept buttons' },
  { fg: '--natter-link', bg: '--natter-bg', min: 4.5, what: 'links' },
  { fg: '--natter-link', bg: '--natter-bubble-other-bg', min: 4.5, what: "links in others' bubbles" },
  { fg: '--natter-bubble-own-text', bg: '--natter-bubble-own-bg', min: 4.5, what: "text on one's own bubble" },
  { fg: '--natter-bubble-own-link', bg: '--natter-bubble-own-bg', min: 4.5, what: "links on one's own bubble" },
  { fg: '--natter-receipt-read-on-own', bg: '--natter-bubble-own-bg', min: 3, what: "read ticks on one's own bubble" },
  { fg: '--natter-bubble-other-text', bg: '--natter-bubble-other-bg', min: 4.5, what: "text on others' bubbles" },
  { fg: '--natter-divider-unread', bg: '--natter-bg', min: 4.5, what: 'the unread divider' },
  { fg: '--natter-success', bg: '--natter-bg-subtle', min: 3, what: 'the online presence dot in the sidebar' },
  { fg: '--natter-presence-away', bg: '--natter-bg-subtle', min: 3, what: 'the away presence dot in the sidebar' },
  { fg: '--natter-badge-text', bg: '--natter-badge-bg', min: 4.5, what: 'unread badges' },
];

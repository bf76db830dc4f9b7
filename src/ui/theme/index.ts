// Public surface of theming (the CSS itself is reached through natter/ui/styles.css).
export { themeAttributes, type Theme } from './theme';

// Public surface of natter/ui: the drop-in components, i18n and theming.
// CSS is not imported here (SSR safety): apps import natter/ui/styles.css.
export * from './i18n/index';
export * from './theme/index';

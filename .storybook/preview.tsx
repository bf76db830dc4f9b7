// Global Storybook setup: natter's stylesheet and a toolbar for theme and locale.
import type { Preview } from '@storybook/react-vite';
import '../src/ui/styles.css';
import { loadNatterLocale } from '../stories/support/natter-decorator';

const preview: Preview = {
  globalTypes: {
    theme: {
      description: 'natter theme',
      toolbar: { title: 'Theme', icon: 'mirror', items: ['light', 'dark'], dynamicTitle: true },
    },
    locale: {
      description: 'natter language',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'zh-CN', title: '简体中文' },
          { value: 'zh-TW', title: '繁體中文' },
          { value: 'ja', title: '日本語' },
          { value: 'ko', title: '한국어' },
          { value: 'es', title: 'Español' },
          { value: 'fr', title: 'Français' },
          { value: 'de', title: 'Deutsch' },
          { value: 'pt-BR', title: 'Português (Brasil)' },
          { value: 'ru', title: 'Русский' },
          { value: 'ar', title: 'العربية' },
        ],
        dynamicTitle: true,
      },
    },
  },
  loaders: [loadNatterLocale],
  initialGlobals: { theme: 'light', locale: 'en' },
  parameters: { layout: 'fullscreen', controls: { expanded: true } },
};

export default preview;

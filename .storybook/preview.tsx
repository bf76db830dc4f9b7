// Global Storybook setup: natter's stylesheet and a toolbar for theme and locale.
import type { Preview } from '@storybook/react-vite';
import '../src/ui/styles.css';

const preview: Preview = {
  globalTypes: {
    theme: {
      description: 'natter theme',
      toolbar: { title: 'Theme', icon: 'mirror', items: ['light', 'dark'], dynamicTitle: true },
    },
    locale: {
      description: 'natter language',
      toolbar: { title: 'Language', icon: 'globe', items: [{ value: 'en', title: 'English' }, { value: 'zh-CN', title: '简体中文' }], dynamicTitle: true },
    },
  },
  initialGlobals: { theme: 'light', locale: 'en' },
  parameters: { layout: 'fullscreen', controls: { expanded: true } },
};

export default preview;

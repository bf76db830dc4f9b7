// Storybook for natter: the playground (`npm start`) and a story per component
// state. It builds with its own Vite config, not the library build's.
import type { StorybookConfig } from '@storybook/react-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs'],
  framework: { name: '@storybook/react-vite', options: { builder: { viteConfigPath: '.storybook/vite.config.ts' } } },
  docs: { defaultName: 'Docs' },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // Prop tables: the TypeScript checker's (complete across files) for the built Storybook; under
  // `npm start` Babel's react-docgen, which halves the time to a usable playground (bench: playground).
  typescript: (ts, { configType }) => ({
    ...ts,
    reactDocgen: configType === 'PRODUCTION' ? 'react-docgen-typescript' : 'react-docgen',
  }),
  // The playground start bench times a fresh checkout: a Vite cache of its own (Storybook sets cacheDir after vite.config.ts).
  viteFinal: (vite) =>
    process.env.NATTER_STORYBOOK_CACHE_DIR ? { ...vite, cacheDir: process.env.NATTER_STORYBOOK_CACHE_DIR } : vite,
};

export default config;

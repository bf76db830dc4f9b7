// Vite config for Storybook only: a plain React app build (the repository's
// vite.config.ts is the library build and must not apply here).
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  server: { host: '127.0.0.1' },
});

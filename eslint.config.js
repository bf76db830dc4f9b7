// Lint for the whole tree: ESLint's recommended rules, typescript-eslint's
// type-aware rules (floating promises, misused promises, unsafe any at
// boundaries), the rules of hooks, and jsx-a11y for the components. Formatting
// is Prettier's job (`npm run format:check`), layering dependency-cruiser's.
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'packages/*/dist/**',
      'storybook-static/**',
      'coverage/**',
      'bench/.packed/**',
      'bench/.vite7/**',
      '.react18/**',
      'test-results/**',
      'docs/api/**',
      // The vendors' own documentation examples, kept exactly as the documents print them (they must run unchanged).
      'test/compat/webim-doc/**',
      'test/compat/tencent-doc/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // `void promise` marks a deliberately unawaited call.
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: true }],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'stories/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    // The rules of hooks. The React Compiler's rules (refs, immutability, purity, set-state-in-effect)
    // are left out: natter is not compiled by it, and its virtualised list reads measured positions
    // from refs during render on purpose.
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // Props and hook results hand out callbacks declared in method syntax; destructuring them is how
    // React code reads them, and none of them uses `this`.
    files: ['src/ui/**/*.{ts,tsx}', 'src/react/**/*.{ts,tsx}', 'stories/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },
  {
    files: ['src/ui/**/*.tsx'],
    ...jsxA11y.flatConfigs.recommended,
  },
  {
    // The drop-in UI is built only on the public hooks a team drawing its own UI also has: no raw client.
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/react', '**/react/index', 'natter/react'],
              importNames: ['useChatClient', 'useChatContext', 'ChatContext'],
              message: 'The UI uses the public hooks only (add a hook to src/react for what it needs).',
            },
            {
              group: ['**/client/*', '**/store/*', '**/server/*', '**/node/*'],
              message: 'The UI reaches state and actions through src/react only.',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests and benches poke at internals and build fixtures loosely; keep the type-safety rules for src.
    files: [
      'test/**',
      'bench/**',
      'scripts/**',
      'stories/**',
      '.storybook/**',
      '*.config.*',
      'packages/*/vite.config.ts',
    ],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
);

// Lint for the whole tree: ESLint's recommended rules, typescript-eslint's
// rules (type-aware ones — floating promises, misused promises, unsafe any at
// boundaries — on the shipped code in src/), the rules of hooks, and jsx-a11y
// for the components. Formatting is Prettier's job (`npm run format:check`),
// layering dependency-cruiser's.
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
      'bench/.webpack5/**',
      'bench/results/**',
      '.vite/**',
      'tmp/**',
      '.react18/**',
      'test-results/**',
      'docs/api/**',
      // The vendors' own documentation examples, kept exactly as the documents print them (they must run unchanged).
      'test/compat/webim-doc/**',
      'test/compat/tencent-doc/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  // Type-aware rules need the whole program's types, which is most of a run's time: they check the
  // code that ships (src/); tests, benches, stories and scripts get the syntactic rules only, and
  // `tsc` type-checks all of it.
  ...tseslint.configs.recommendedTypeCheckedOnly.map((config) => ({ ...config, files: ['src/**/*.{ts,tsx}'] })),
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // `void promise` marks a deliberately unawaited call.
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: true }],
      // A caught value is passed on as it was thrown (storage adapters, transports), whatever it is.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingUnknown: true }],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'stories/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    // The rules of hooks. The React Compiler's rules (refs, immutability, purity, set-state-in-effect)
    // are left out: natter is not compiled by it, and its virtualised list reads measured positions
    // from refs during render on purpose.
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // Props and hook results hand out callbacks declared in method syntax; destructuring them is how
    // React code reads them, and none of them uses `this`.
    files: ['src/ui/**/*.{ts,tsx}', 'src/react/**/*.{ts,tsx}', 'stories/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },
  {
    // The compat APIs copy the vendors' signatures (`EventName | string`, `Message | unknown`), which
    // keep editor completion of the known names while accepting what the vendor SDK accepts.
    files: ['src/compat/**/*.ts'],
    rules: { '@typescript-eslint/no-redundant-type-constituents': 'off' },
  },
  {
    files: ['src/ui/**/*.tsx'],
    ...jsxA11y.flatConfigs.recommended,
  },
  {
    files: ['src/ui/**/*.tsx'],
    rules: {
      // Key handlers on a container handle keys bubbling from its focused descendants (roving focus in
      // the log and the emoji grid, Escape closing a panel); only mouse handlers need a real control.
      'jsx-a11y/no-noninteractive-element-interactions': [
        'error',
        { handlers: ['onClick', 'onMouseDown', 'onMouseUp'] },
      ],
      'jsx-a11y/no-static-element-interactions': [
        'error',
        { allowExpressionValues: true, handlers: ['onClick', 'onMouseDown', 'onMouseUp'] },
      ],
    },
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
    // Tests, benches and stories build fixtures loosely.
    files: [
      'test/**',
      'bench/**',
      'scripts/**',
      'stories/**',
      '.storybook/**',
      '*.config.*',
      'packages/*/vite.config.ts',
    ],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);

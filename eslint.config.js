import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '**/dist-test/**', '**/generated/**', 'storybook-static/**', 'docs/storybook-static/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  lit.configs['flat/recommended'],
  wc.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.mocha } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // Type-aware rules: a promise is awaited, returned, or explicitly `void`ed, and never
    // handed to a place that ignores it (an event listener, a condition).
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    languageOptions: {
      parserOptions: {
        projectService: {
          // Build configs belong to no tsconfig; they get the default project.
          allowDefaultProject: ['vite.config.ts', 'packages/elements/vite.*.config.ts', 'packages/elements/build/*.ts'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          // @open-wc/semantic-dom-diff types every chai `equal` as returning a promise (for
          // `.dom.to.equal`), so plain `expect(a).to.equal(b)` would count as floating.
          allowForKnownSafeCalls: [
            { from: 'package', package: 'chai', name: ['equal', 'equals', 'eq', 'Equal'] },
            { from: 'package', package: '@open-wc/semantic-dom-diff', name: ['equal', 'equals', 'eq', 'Equal'] },
            // node:test runs what describe/it/test register; their promises are for nesting only.
            { from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite', 'before', 'after', 'beforeEach', 'afterEach'] },
          ],
        },
      ],
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    // Right to left: the elements' styles use logical properties, so Arabic lays out mirrored by itself.
    files: ['packages/elements/src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "TaggedTemplateExpression[tag.name='css'] TemplateElement[value.raw=/(margin|padding|border|inset)-(left|right)|[^-a-z](left|right)\\s*:|text-align:\\s*(left|right)|float:\\s*(left|right)/]",
          message: 'Use logical properties (margin-inline-start, inset-inline-end, text-align: start) so right-to-left languages mirror.',
        },
      ],
    },
  },
  {
    // Known no-misused-promises findings in files others are rewriting; drop a line once fixed:
    // - code-step-element.ts:92 passes the async onResend where the code step template expects `() => void`
    // - signup.ts:144 overrides `updated()` as async (LitElement expects void)
    // - vite.config.ts:18 hands an async middleware to connect's `use`
    files: ['packages/elements/src/internal/code-step-element.ts', 'packages/elements/src/signup/signup.ts', 'vite.config.ts'],
    rules: { '@typescript-eslint/no-misused-promises': 'off' },
  },
  {
    files: ['scripts/**', 'e2e/**', '**/*.config.*'],
    rules: { 'no-console': 'off' },
  },
  {
    // Chai assertions read as expressions (`expect(x).to.be.true`); tests stub the console.
    files: ['**/*.test.ts', '**/test/**'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off', 'no-console': 'off' },
  },
);

// Strict from the first day: floating promises are errors, deliberate fire-and-forget is marked `void`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  // Fixtures are deliberately odd handler code (syntax errors, unused handler arguments): not ours to lint.
  { ignores: ['dist/**', 'node_modules/**', 'runtimes/node/vendor/**', 'runtimes/node/bootstrap.bundle.js', 'test/fixtures/**', 'test/e2e/node_modules/**', 'test/e2e/work/**', 'bench/results/**'] },
  js.configs.recommended,
  {
    files: ['src/**/*.ts'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-unused-vars': ['error', { argsIgnorePattern: '^_' }] },
  },
  {
    // Webview scripts run in the browser.
    files: ['media/**/*.js'],
    languageOptions: { globals: { ...globals.browser, acquireVsCodeApi: 'readonly' } },
  },
  {
    // Handlers keep Lambda's (event, context) signature even when they use neither.
    files: ['examples/**'],
    rules: { 'no-unused-vars': ['error', { args: 'none' }] },
  },
);

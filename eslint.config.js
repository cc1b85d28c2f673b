// Lint with boundary rules: the layering of STYLE.md is enforced here, not by convention.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = [
  'assert',
  'buffer',
  'child_process',
  'cluster',
  'crypto',
  'dgram',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'http2',
  'https',
  'net',
  'os',
  'path',
  'perf_hooks',
  'process',
  'readline',
  'stream',
  'tls',
  'url',
  'util',
  'v8',
  'vm',
  'worker_threads',
  'zlib',
];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'coverage/**', '.tsbuild/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // core/ is the pure domain: no Electron, React, DOM or file system. I/O is passed in.
    files: ['core/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'core/ must not import electron.' },
            { name: 'react', message: 'core/ must not import react.' },
            { name: 'react-dom', message: 'core/ must not import react-dom.' },
            { name: 'fs', message: 'core/ does no I/O: pass data or functions in.' },
            { name: 'node:fs', message: 'core/ does no I/O: pass data or functions in.' },
            { name: 'fs/promises', message: 'core/ does no I/O: pass data or functions in.' },
            { name: 'node:fs/promises', message: 'core/ does no I/O: pass data or functions in.' },
          ],
          patterns: [
            {
              group: ['**/electron/**', '**/renderer/**', 'react-dom/*', 'electron/*'],
              message: 'core/ depends on nothing above it.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage'],
    },
  },
  {
    // The renderer runs sandboxed: no Node built-ins, and from electron/ only the contract's types.
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks to main only through window.api.' }],
          patterns: [
            {
              group: nodeBuiltins.flatMap((m) => [m, `node:${m}`]),
              message: 'The renderer is sandboxed: no Node built-ins.',
            },
            {
              regex: '(^|/)electron/(?!contract$)',
              message: 'From electron/ the renderer may import only the contract types.',
            },
          ],
        },
      ],
      // No raw text in JSX: every user-facing string goes through t().
      'no-restricted-syntax': [
        'error',
        {
          selector: 'JSXText[value=/[^\\s·—–|/:•×✓✗←→()\\[\\]0-9%.,+-]/]',
          message: 'No raw text in JSX: use t().',
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: [],
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['test/**/*.{ts,tsx}', 'bench/**/*.ts', 'scripts/**/*.{ts,mjs,js}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);

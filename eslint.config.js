// Lint with boundary rules: the layering of STYLE.md is enforced here, not by convention.
//
//   core/      the pure domain               imports nothing of ours above it
//   host/      the Node host of the core     imports core/ and Node built-ins
//   electron/  the desktop shell             imports host/ and core/
//   cli/       the icp-packet command        imports host/ and core/
//   renderer/  the React UI (sandboxed)      imports core/ and electron/contract (types) only
//
// and no file anywhere reaches itself through its imports (local/no-import-cycle).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import local from './scripts/eslint/no-import-cycle.js';

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
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'coverage/**',
      '.tsbuild/**',
      'resources/ocr/**',
    ],
  },
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
              group: [
                '**/electron/**',
                '**/host/**',
                '**/cli/**',
                '**/renderer/**',
                'react-dom/*',
                'electron/*',
              ],
              message: 'core/ depends on nothing above it.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage'],
    },
  },
  {
    // host/ is the Node side of the core, shared by the app and the CLI: no Electron, React or front end.
    files: ['host/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'host/ runs in plain Node (the CLI too): pass Electron objects in.',
            },
            { name: 'react', message: 'host/ must not import react.' },
            { name: 'react-dom', message: 'host/ must not import react-dom.' },
          ],
          patterns: [
            {
              group: ['**/electron/**', '**/cli/**', '**/renderer/**', 'electron/*', 'react-dom/*'],
              message: 'host/ imports core/ and Node only; the front ends import host/, not the other way.',
            },
          ],
        },
      ],
    },
  },
  {
    // electron/ is the shell: it uses host/ and core/, never the CLI or the renderer's code.
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'react', message: 'electron/ is the main process: no react.' }],
          patterns: [
            {
              group: ['**/cli/**', '**/renderer/**'],
              message: 'electron/ imports host/ and core/; what the CLI and the app share belongs in host/.',
            },
          ],
        },
      ],
    },
  },
  {
    // cli/ is the other front end: host/ and core/, never the Electron shell.
    files: ['cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The CLI runs in plain Node: no electron.' },
            { name: 'react', message: 'The CLI must not import react.' },
          ],
          patterns: [
            {
              group: ['**/electron/**', '**/renderer/**', 'electron/*'],
              message: 'cli/ imports host/ and core/; what the CLI and the app share belongs in host/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { local },
    rules: { 'local/no-import-cycle': 'error' },
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
            {
              group: ['**/host/**', '**/cli/**'],
              message: 'The renderer reaches the Node side only through window.api (electron/contract).',
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
  {
    // CommonJS by design (bin/icp-packet.cjs and bench/cpu-at-exit.cjs say why): require() is their import.
    files: ['bin/**/*.cjs', 'bench/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);

// Lint rules, and the layering of DESIGN §1 as import restrictions:
// common/ is pure; renderer/ never reaches electron or main/; preload/ only
// the contract and electron; only main/app/ imports electron.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import prettier from 'eslint-config-prettier'
import globals from 'globals'
import { contractSchemas } from './eslint-rules/contract-schemas.js'
import { rendererFloors } from './eslint-rules/renderer-floors.js'

/** The project's own rules (eslint-rules/), one plugin so several blocks can use it. */
const hamish = { rules: { 'renderer-floors': rendererFloors, 'contract-schemas': contractSchemas } }

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'url',
  'util',
  'stream',
  'worker_threads',
  'zlib',
]

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      '.tmp/**',
      'test-results/**',
      'bench-results/**',
      'tests/fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
    },
  },
  {
    files: ['common/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', ...nodeBuiltins],
              message: 'common/ is pure: no electron or Node modules.',
            },
            {
              group: ['**/main/**', '**/renderer/**', '**/preload/**'],
              message: 'common/ imports nothing from the other layers.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'localStorage',
        'process',
        'Buffer',
        'require',
      ],
    },
  },
  {
    files: ['renderer/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', ...nodeBuiltins],
              message: 'renderer/ runs sandboxed in the page: no electron or Node modules.',
            },
            {
              group: ['**/main/**', '**/preload/**'],
              message: 'renderer/ talks to main only through window.hamish.',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        {
          property: 'innerHTML',
          message: 'Build DOM nodes; nothing from an article or note may reach innerHTML.',
        },
        { property: 'outerHTML', message: 'Build DOM nodes instead.' },
        { property: 'insertAdjacentHTML', message: 'Build DOM nodes instead.' },
      ],
    },
  },
  {
    // The renderer's floors (eslint-rules/renderer-floors.js, docs/ARCHITECTURE.md "Renderer floors").
    files: ['renderer/src/**/*.ts'],
    plugins: { hamish },
    rules: { 'hamish/renderer-floors': 'error' },
  },
  {
    // The contract's schemas, dispatch and valibot stay in main (eslint-rules/contract-schemas.js).
    files: ['renderer/**/*.ts', 'preload/**/*.ts'],
    plugins: { hamish },
    rules: { 'hamish/contract-schemas': 'error' },
  },
  {
    files: ['preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'preload/ is sandboxed: only electron and the contract.' },
            {
              group: ['**/main/**', '**/renderer/**'],
              message: 'preload/ imports only common/ and electron.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/app/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron'],
              message: 'Only main/app/ imports electron; the rest of main/ is plain Node.',
            },
            { group: ['**/renderer/**', '**/preload/**'], message: 'main/ imports only common/.' },
          ],
        },
      ],
    },
  },
)

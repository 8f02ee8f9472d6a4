import js from '@eslint/js'
import globals from 'globals'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

const nodeBuiltins = [
  'fs',
  'path',
  'os',
  'crypto',
  'http',
  'https',
  'child_process',
  'url',
  'net',
  'stream',
  'util',
  'worker_threads',
]
const banNode = nodeBuiltins.flatMap((name) => [name, `node:${name}`])

// Layers as law (see ../shared/design/style.md): shared/ is pure; renderer/ and electron/ never import each other;
// only electron/main and electron/preload import electron; raw IPC only in the two wrapper files.
export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'coverage/**', 'tests/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: '请使用具名导出 (named exports only)' },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...banNode, 'electron', 'better-sqlite3', 'puppeteer-core'],
          patterns: ['**/electron/**', '**/renderer/**'],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        { paths: [...banNode, 'electron', 'better-sqlite3', 'puppeteer-core'], patterns: ['**/electron/**'] },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main/**', 'electron/preload/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['electron'], patterns: ['**/renderer/**'] }],
    },
  },
  {
    files: ['electron/main/**/*.ts'],
    ignores: ['electron/main/ipc-binder.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', importNames: ['ipcMain'], message: '原始 IPC 只允许在 ipc-binder.ts 中使用' },
          ],
        },
      ],
    },
  },
  {
    // Config files and the renderer's vite config are tooling, where default exports are the convention.
    files: ['*.config.{ts,js}', 'eslint.config.js', 'renderer/vite.config.ts', 'tests/vitest.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
)

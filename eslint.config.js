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

// Layers inside electron/ (see the README's "Where things live"). Nothing in electron/core imports a door (cli,
// server, main, preload) or the composition root (handlers, open-core, dispatch; handler-types is the shared
// type module). Rooms import downward only: each level may import the levels below it, never above or beside.
// puppeteer-core only in the browser room, the web-audit wing and the PDF renderer.
const coreLevels = [
  ['files', 'browser'],
  ['db'],
  ['registry', 'photos', 'findings', 'documents'],
  ['inspections', 'web-audits'],
  ['rectification'],
  ['reports'],
]
// Inside the web-audit wing, top to bottom (the wing's root files — the service, its handlers — sit above all).
const wingRooms = ['report', 'batch', 'manual', 'runs', 'crawl', 'page', 'store']
const wingRootFiles = /^(\.\.\/)+(web-audit-service|web-audit-handlers|batch-view|audit-targets)$/
const doorBan = {
  group: ['**/cli/*', '**/server/*', '**/main/*', '**/preload/*'],
  message: '核心服务不能引用入口（命令行、HTTP 服务、桌面主进程）',
}
const rootBan = {
  regex: '^(\\.\\./)+(handlers|open-core|dispatch)$',
  message: '服务不能引用组合根（handlers、open-core、dispatch）；共用的处理器类型在 handler-types.ts',
}
const roomBan = (rooms, where) => ({
  group: rooms.flatMap((room) => [`**/${room}/*`, `**/${room}/**`]),
  message: `${where}只能引用更低层的模块（见 README“Where things live”）`,
})
const puppeteerBan = {
  name: 'puppeteer-core',
  message: 'puppeteer-core 只在 browser/、web-audits/ 和 PDF 渲染中使用',
}

function electronLayers() {
  const restricted = (files, patterns, { puppeteer = false, ignores = [] } = {}) => ({
    files,
    ignores: ['electron/main/**', 'electron/preload/**', ...ignores],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', ...(puppeteer ? [] : [puppeteerBan])],
          patterns: [{ group: ['**/renderer/**'] }, ...patterns],
        },
      ],
    },
  })
  const configs = [restricted(['electron/**/*.ts'], []), restricted(['electron/core/*.ts'], [doorBan])]
  coreLevels.forEach((rooms, level) => {
    for (const room of rooms) {
      const bans = [...coreLevels.slice(level + 1).flat(), ...rooms.filter((r) => r !== room)]
      const patterns = [doorBan, rootBan, ...(bans.length ? [roomBan(bans, `electron/core/${room}/ `)] : [])]
      const folder = `electron/core/${room}`
      if (room === 'web-audits') {
        configs.push(restricted([`${folder}/*.ts`], patterns, { puppeteer: true }))
        wingRooms.forEach((sub, i) => {
          const wing = [{ regex: wingRootFiles.source, message: '检测室内的模块不能引用网站检测服务本身' }]
          if (i > 0) wing.push(roomBan(wingRooms.slice(0, i), `web-audits/${sub}/ `))
          configs.push(restricted([`${folder}/${sub}/**/*.ts`], [...patterns, ...wing], { puppeteer: true }))
        })
      } else if (room === 'documents') {
        const pdf = `${folder}/pdf-renderer.ts`
        configs.push(restricted([`${folder}/**/*.ts`], patterns, { ignores: [pdf] }))
        configs.push(restricted([pdf], patterns, { puppeteer: true }))
      } else {
        configs.push(restricted([`${folder}/**/*.ts`], patterns, { puppeteer: room === 'browser' }))
      }
    }
  })
  return configs
}

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
  ...electronLayers(),
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

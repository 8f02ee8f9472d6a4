import { fileURLToPath } from 'node:url'
import { defineConfig } from 'electron-vite'
import { rendererConfig } from './renderer/vite.config'

const entry = (path: string) => fileURLToPath(new URL(path, import.meta.url))

// electron-vite's defaults assume a src/ layout; this project names its entry points explicitly.
export default defineConfig({
  main: {
    build: {
      outDir: entry('out/main'),
      // better-sqlite3 is native and loaded at run time; other deps are bundled by default rules.
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: entry('electron/main/index.ts'),
          // The documents check parses files in a worker thread (linked-docs/doc-parse.ts finds it next to index).
          'doc-worker': entry('electron/core/web-audits/linked-docs/doc-worker.mjs'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: entry('out/preload'),
      // A sandboxed preload must be one CommonJS file with nothing to require.
      externalizeDeps: false,
      isolatedEntries: true,
      rollupOptions: {
        input: { index: entry('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: rendererConfig,
})

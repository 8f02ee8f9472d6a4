import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import type { UserConfig } from 'vite'

const rendererRoot = fileURLToPath(new URL('.', import.meta.url))
const outDir = fileURLToPath(new URL('../out/renderer', import.meta.url))

/** The renderer's build, shared by electron-vite (desktop) and `npm run build:renderer` (browser door). */
export const rendererConfig = {
  root: rendererRoot,
  // Relative asset URLs work both from file:// in the desktop window and from the HTTP door.
  base: './',
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    rollupOptions: { input: fileURLToPath(new URL('index.html', import.meta.url)) },
  },
} satisfies UserConfig

export default rendererConfig

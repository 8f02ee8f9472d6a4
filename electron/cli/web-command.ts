import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { openAppCore } from '../core/open-core'
import { startHttpDoor } from '../server/http-door'
import { newToken } from '../server/security'
import { readAppVersion } from './app-version'
import { out } from './output'

export const defaultRendererDir = fileURLToPath(new URL('../../out/renderer', import.meta.url))

export interface WebOptions {
  dataDir: string
  port: number
  rendererDir?: string
}

/** `access-audit web`: serves the renderer and the API on 127.0.0.1 until interrupted. */
export async function runWeb(options: WebOptions): Promise<void> {
  const staticDir = options.rendererDir ?? defaultRendererDir
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) {
    throw new Error(
      `未找到已构建的界面（${staticDir}）。请先运行 npm run build:renderer，或直接用 npm run web。`,
    )
  }
  // Batches a crash or kill -9 left running become resumable (openAppCore).
  const core = openAppCore(options.dataDir, readAppVersion())
  const token = newToken()
  const door = await startHttpDoor({ dispatch: core.dispatch('http'), token, staticDir, port: options.port })
  out.line(`无障碍督查（浏览器模式）已启动 / AccessAudit web mode is running`)
  out.line(`数据文件夹 / data folder: ${options.dataDir}`)
  out.line(`请在 Chrome、Edge 或 Chromium 中打开 / open in a Chromium-family browser:`)
  out.line(`${door.url}?token=${token}`)
  out.line(`按 Ctrl+C 停止 / press Ctrl+C to stop`)
  await new Promise<void>((resolve) => {
    const stop = () => resolve()
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  await door.close()
  // Running audit batches stop here and stay resumable (their queue is in the database).
  await core.shutdown()
}

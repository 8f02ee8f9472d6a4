import os from 'node:os'
import path from 'node:path'

export const appName = 'AccessAudit'
export const dataDirEnv = 'ACCESS_AUDIT_DATA_DIR'

/**
 * The desktop app's userData folder, computed the way Electron does (appData + productName), so the CLI and the
 * browser door use the same data as the app by default.
 */
export function defaultUserDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = os.homedir(),
): string {
  if (platform === 'win32')
    return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), appName)
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', appName)
  return path.posix.join(env.XDG_CONFIG_HOME ?? path.posix.join(home, '.config'), appName)
}

/** `--data-dir` wins, then the environment variable, then the app's userData folder. */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return path.resolve(flag)
  if (env[dataDirEnv]) return path.resolve(env[dataDirEnv])
  return defaultUserDataDir(process.platform, env)
}

import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { dataDirEnv, defaultUserDataDir, resolveDataDir } from '../../../electron/core/paths'

describe('data folder', () => {
  it('matches Electron userData on each platform', () => {
    expect(defaultUserDataDir('linux', {}, '/home/li')).toBe('/home/li/.config/AccessAudit')
    expect(defaultUserDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/li')).toBe('/cfg/AccessAudit')
    expect(defaultUserDataDir('darwin', {}, '/Users/li')).toBe(
      '/Users/li/Library/Application Support/AccessAudit',
    )
    expect(defaultUserDataDir('win32', { APPDATA: 'C:\\Users\\li\\AppData\\Roaming' }, 'C:\\Users\\li')).toBe(
      'C:\\Users\\li\\AppData\\Roaming\\AccessAudit',
    )
  })

  it('prefers --data-dir, then the environment variable', () => {
    expect(resolveDataDir('/tmp/a', { [dataDirEnv]: '/tmp/b' })).toBe(path.resolve('/tmp/a'))
    expect(resolveDataDir(undefined, { [dataDirEnv]: '/tmp/b' })).toBe(path.resolve('/tmp/b'))
  })
})

import { describe, expect, it } from 'vitest'
// @ts-expect-error plain ESM script without types
import { scanElectron } from '../../security/electronegativity.mjs'

type Scan = { findings: string[]; manual: string[] }

describe('Electronegativity scan', () => {
  it('flags an insecure window, so a clean scan of electron/ means something', async () => {
    const scan = (await scanElectron('tests/fixtures/electron-insecure')) as Scan
    const ids = scan.findings.map((f) => f.split(' ')[0])
    expect(ids).toEqual(
      expect.arrayContaining([
        'LIMIT_NAVIGATION_GLOBAL_CHECK',
        'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
        'HTTP_RESOURCES_JS_CHECK',
      ]),
    )
  })

  it('finds nothing but documented manual-review items in electron/', async () => {
    const scan = (await scanElectron('electron')) as Scan
    expect(scan.findings).toEqual([])
  })
})

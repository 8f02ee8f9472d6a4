import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { gbkBytes, xlsxBytes } from '../../support/import-files'
import { runCli } from '../../support/run-cli'
import { makeTempDir } from '../../support/temp-dir'

let dir: string
let cleanup: () => void
const data = () => path.join(dir, 'data')
const cli = (...args: string[]) => runCli(['--data-dir', data(), 'import', ...args])
// Each run starts the CLI (tsx): a few seconds each, much more on a busy machine.
const timeout = 240_000

beforeAll(() => {
  ;({ dir, cleanup } = makeTempDir('access-audit-import-'))
})
afterAll(() => cleanup())

describe('access-audit import', () => {
  it(
    'previews a GBK CSV without writing, imports with --confirm, and a second run changes nothing',
    async () => {
      const file = path.join(dir, '场所清单.csv')
      fs.writeFileSync(
        file,
        gbkBytes('名称,地址,类型,责任单位\r\n乌达区汽车站,站前街,车站,交通局\r\n乙,,学堂,\r\n'),
      )

      const preview = await cli(file, '--kind', 'places')
      expect(preview.code).toBe(5)
      expect(preview.stdout).toContain('场所清单.csv（导入场所）：新增 1 行，已登记 0 行，有错误 1 行')
      expect(preview.stdout).toContain('第 2 行  新增  乌达区汽车站  站前街')
      expect(preview.stdout).toContain('第 3 行，类型：“学堂”不是可选的场所类型')
      expect(preview.stdout).toContain('未写入任何内容')

      const imported = await cli(file, '--kind', 'places', '--confirm')
      expect(imported.code).toBe(5)
      // Had the preview written anything, the row would now be “already registered”.
      expect(imported.stdout).toContain('第 2 行  已导入  乌达区汽车站')
      expect(imported.stdout).toContain('已导入 1 个场所；有错误的 1 行未导入')

      const again = await cli(file, '--kind', 'places', '--confirm', '--json')
      expect(JSON.parse(again.stdout)).toMatchObject({
        created: 0,
        counts: { new: 0, existing: 1, error: 1 },
      })
    },
    timeout,
  )

  it(
    'exits 0 for an .xlsx of portals without errors, 2 for a missing file or a refused one',
    async () => {
      const file = path.join(dir, 'sites.xlsx')
      fs.writeFileSync(
        file,
        await xlsxBytes([
          ['网站名称', '网址'],
          ['乌达区人民政府', 'www.wuda.gov.cn'],
        ]),
      )
      const ok = await cli(file, '--kind', 'portals', '--confirm')
      expect(ok.code).toBe(0)
      expect(ok.stdout).toContain('第 2 行  已导入  乌达区人民政府  https://www.wuda.gov.cn/')

      const missing = await cli(path.join(dir, 'none.csv'), '--kind', 'places')
      expect(missing.code).toBe(2)
      expect(missing.stderr).toContain('找不到文件')

      const old = path.join(dir, 'old.xls')
      fs.writeFileSync(old, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]))
      const refused = await cli(old, '--kind', 'places')
      expect(refused.code).toBe(2)
      expect(refused.stderr).toContain('不支持旧版 Excel（.xls）')
    },
    timeout,
  )
})

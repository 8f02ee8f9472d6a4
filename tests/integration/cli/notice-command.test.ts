import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestCore, type TestCore } from '../../support/test-core'
import { createPlace, failing, inspect, seededUnit, webRun } from '../rectification/fixtures'

const run = promisify(execFile)
const bin = path.resolve('electron/cli/bin.mjs')
const hostile = '<img src=x onerror=alert(1)>'

let t: TestCore
let unit: { id: number; name: string }
let out: string

async function cli(args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, '--data-dir', t.dir, ...args], {
      env: { ...process.env, ACCESS_AUDIT_CHROME_ARGS: '--proxy-server=127.0.0.1:9' },
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

/** One data folder for the file: a site item (failing ramp) and a web item with a hostile snippet, not notified. */
beforeAll(async () => {
  t = openTestCore()
  unit = await seededUnit(t, '住房和城乡建设局')
  const placeId = await createPlace(t, '区政务服务大厅', unit.id)
  await inspect(t, placeId, '2026-11-20', [{ label: '北门坡道', slope: failing }])
  const portal = await t.call('portals:create', {
    name: '区住建局网站',
    startUrl: 'https://zj.example/',
    unitId: unit.id,
  })
  webRun(t, portal.id, [
    {
      url: 'https://zj.example/',
      rules: { 'image-alt': [{ selector: 'img.a', html: hostile, fingerprint: 'fa' }] },
    },
  ])
  await t.call('rectification:sync', {})
  // The CLI opens the folder itself; this process lets go of it (t.close() removes it at the end).
  t.core.close()
  out = path.join(t.dir, 'out')
  fs.mkdirSync(out)
})
afterAll(() => t.close())

describe('access-audit notice', () => {
  it('refuses clearly before anything is issued, and for an unknown unit or an early deadline', async () => {
    const none = await cli(['notice', unit.name, '--format', 'pdf', '--out', path.join(out, 'a.pdf')])
    expect(none.code).toBe(2)
    expect(none.stderr).toContain('还没有签发的整改通知书')
    // The reason and a one-line hint, not the whole usage text.
    expect(none.stderr.trim().split('\n')).toHaveLength(2)
    expect(none.stderr).toContain('access-audit notice --help')
    expect(none.stderr).not.toMatch(/Usage|--format <format>/)
    // With --issue, a folder that does not exist is refused before the number is used (the next test issues 第1号).
    const noFolder = await cli([
      'notice',
      unit.name,
      '--issue',
      '--format',
      'pdf',
      '--out',
      path.join(out, 'no', 'such.pdf'),
    ])
    expect(noFolder.code).toBe(2)
    expect(noFolder.stderr).toContain(`文件夹“${path.join(out, 'no')}”不存在`)
    expect(noFolder.stderr).not.toMatch(/ENOENT|\.tmp|\.probe/)
    expect(noFolder.stdout).not.toContain('已签发')
    const intoFolder = await cli(['notice', unit.name, '--issue', '--format', 'pdf', '--out', out])
    expect(intoFolder.code).toBe(2)
    expect(intoFolder.stderr).toContain('是一个文件夹')
    const unknown = await cli(['notice', '不存在的单位', '--format', 'pdf', '--out', path.join(out, 'a.pdf')])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('未找到责任单位“不存在的单位”')
    const early = await cli([
      'notice',
      unit.name,
      '--issue',
      '--deadline',
      '2001-01-01',
      '--format',
      'pdf',
      '--out',
      path.join(out, 'a.pdf'),
    ])
    expect(early.code).toBe(2)
    expect(early.stderr).toMatch(/整改期限 2001-01-01 早于通知日期/)
    const badDate = await cli([
      'notice',
      unit.name,
      '--issue',
      '--deadline',
      '2026-02-30',
      '--format',
      'pdf',
      '--out',
      path.join(out, 'a.pdf'),
    ])
    expect(badDate.code).toBe(2)
    expect(badDate.stderr).toContain('YYYY-MM-DD')
    expect(fs.readdirSync(out)).toEqual([])
  })

  it('issues a notice from the open items and writes it as PDF, then the latest as Word and by number as Excel', async () => {
    const pdfFile = path.join(out, 'notice.pdf')
    const issued = await cli([
      'notice',
      unit.name,
      '--issue',
      '--deadline',
      '2099-12-31',
      '--format',
      'pdf',
      '--out',
      pdfFile,
    ])
    expect(issued.stderr).toBe('')
    expect(issued.code).toBe(0)
    const number = /已签发整改通知书 (\S+)（2 项/.exec(issued.stdout)?.[1]
    expect(number).toMatch(/^乌残无障碍整改〔\d{4}〕1号$/)
    const { stdout: info } = await run('pdfinfo', [pdfFile])
    expect(info).toMatch(/Page size:\s+594\.96 x 841\.92 pts \(A4\)/)
    const text = (await run('pdftotext', ['-enc', 'UTF-8', pdfFile, '-'])).stdout.replace(/\s+/g, '')
    for (const expected of [
      unit.name,
      number!,
      '区政务服务大厅',
      '区住建局网站',
      hostile.replace(/\s+/g, ''),
      '2099年12月31日',
    ])
      expect(text).toContain(expected)

    const docxFile = path.join(out, 'notice.docx')
    const word = await cli(['notice', String(unit.id), '--format', 'docx', '--out', docxFile])
    expect(word.code).toBe(0)
    const xml = await (
      await JSZip.loadAsync(fs.readFileSync(docxFile))
    )
      .file('word/document.xml')!
      .async('string')
    expect(xml).toContain(number!)
    expect(xml).toContain('&lt;img src=x onerror=alert(1)&gt;')

    const xlsxFile = path.join(out, 'items.xlsx')
    const excel = await cli(['notice', unit.name, '--number', number!, '--format', 'xlsx', '--out', xlsxFile])
    expect(excel.code).toBe(0)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(fs.readFileSync(xlsxFile) as unknown as ArrayBuffer)
    // 附件1 问题清单: site items first; 问题位置 gives the place or portal, then the facility or page.
    const sheet = book.getWorksheet('问题清单')!
    expect(sheet.rowCount).toBe(4)
    expect(sheet.getCell('B3').value).toBe('区政务服务大厅\n北门坡道')
    expect(sheet.getCell('B4').value).toBe('区住建局网站\nhttps://zj.example/')
  })

  it('has nothing left to issue afterwards, refuses an unknown number, and a missing output folder without writing anything', async () => {
    const again = await cli([
      'notice',
      unit.name,
      '--issue',
      '--format',
      'pdf',
      '--out',
      path.join(out, 'b.pdf'),
    ])
    expect(again.code).toBe(2)
    expect(again.stderr).toContain('没有待通知的整改项')
    const wrong = await cli([
      'notice',
      unit.name,
      '--number',
      '第99号',
      '--format',
      'pdf',
      '--out',
      path.join(out, 'b.pdf'),
    ])
    expect(wrong.code).toBe(2)
    expect(wrong.stderr).toContain('没有文号为“第99号”的整改通知书')
    const missingFolder = await cli([
      'notice',
      unit.name,
      '--format',
      'docx',
      '--out',
      path.join(out, 'no', 'such.docx'),
    ])
    expect(missingFolder.code).toBe(2)
    expect(missingFolder.stderr).toContain('不存在，请先创建该文件夹或换一个输出位置')
    expect(missingFolder.stderr).not.toMatch(/ENOENT|\.tmp/)
    expect(fs.existsSync(path.join(out, 'no'))).toBe(false)
    expect(fs.readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })
})

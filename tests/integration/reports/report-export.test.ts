import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPdfRenderer } from '../../../electron/core/documents/pdf-renderer'
import { reportHtml } from '../../../electron/core/reports/report-html'
import type { PdfRenderer } from '../../../electron/core/documents/pdf-port'
import { launchTestBrowser } from '../../support/chromium'
import { openReportHarness, type ReportHarness } from './report-harness'
import { seedReportData, seedToday, type SeededIds } from './report-seed'

const run = promisify(execFile)

let pdf: PdfRenderer
let h: ReportHarness
let ids: SeededIds
let outDir: string
beforeAll(async () => {
  pdf = createPdfRenderer({ launch: launchTestBrowser })
  h = openReportHarness(seedToday, pdf)
  ids = seedReportData(h.ctx.db)
  // A unit name with markup: it must print as text, never become an element of the report.
  h.ctx.db
    .prepare(`UPDATE units SET name = ? WHERE id = ?`)
    .run('区<b>卫健委</b><img src=x onerror=alert(1)>', ids.unitB)
  // 2025 belongs to the 十四五 plan; 2026 to the 十五五 plan, which a 2026 report is measured against.
  await h.call('indicators:record', { indicatorId: 'home-modifications', year: 2025, value: 120 })
  await h.call('indicators:record', { indicatorId: 'home-modifications', year: 2026, value: 40 })
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'access-audit-report-export-'))
})
afterAll(async () => {
  await pdf.close()
  h.close()
  fs.rmSync(outDir, { recursive: true, force: true })
})

const q1 = { from: '2026-01-01', to: '2026-03-31' }

describe('reports:export', () => {
  it('prints the report as an A4 PDF with every section, the units and the indicators, markup as text', async () => {
    const file = await h.call('reports:export', { ...q1, format: 'pdf' })
    expect(file.mimeType).toBe('application/pdf')
    expect(file.fileName).toBe('无障碍整改统计报表_2026-01-01_2026-03-31.pdf')
    const bytes = Buffer.from(file.base64, 'base64')
    expect(bytes.byteLength).toBe(file.byteLength)
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
    const target = path.join(outDir, file.fileName)
    fs.writeFileSync(target, bytes)

    const { stdout: info } = await run('pdfinfo', [target])
    expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/)
    const { stdout: text } = await run('pdftotext', ['-layout', target, '-'])
    for (const heading of [
      '无障碍整改统计报表',
      '一、总体情况',
      '二、按月份',
      '三、按责任单位',
      '四、按设施类别',
      '五、按规范条款',
      '六、门户网站检测得分',
      '七、规划指标',
      '统计口径',
    ]) {
      expect(text).toContain(heading)
    }
    expect(text).toContain('2026年1月1日 至 2026年3月31日')
    // Table cells wrap long names over lines: compare the reading-order text without whitespace.
    const { stdout: raw } = await run('pdftotext', [target, '-'])
    const flat = raw.replace(/\s+/g, '')
    expect(flat).toContain(ids.unitAName)
    expect(flat).toContain('区<b>卫健委</b><imgsrc=xonerror=alert(1)>')
    expect(flat).toContain('GB55019-2021第3.1.4条')
    expect(flat).toContain('七、规划指标（“十五五”规划期2026–2030）')
    expect(flat).toContain('依据：乌达区“十五五”残疾人事业发展规划（尚未发布，目标待发布）')
    expect(flat).toContain('困难重度残疾人家庭无障碍')
    expect(flat).toContain('规划期内40户待发布')
    expect(flat).not.toContain('≥362')
    expect(flat).toContain('区教育局网站')
    // The markup in the unit name stayed text: no element was made of it (the PDF would show an image box).
    const html = reportHtml(await h.call('reports:summary', q1), { unitName: null, generatedAt: 'x' })
    expect(html).toContain('区&lt;b&gt;卫健委&lt;/b&gt;&lt;img src=x onerror=alert(1)&gt;')
    expect(html).not.toMatch(/<img|<script|onerror=alert\(1\)>/)
    if (process.env.KEEP_REPORT_PNG) {
      await run('pdftoppm', [
        '-png',
        '-r',
        '60',
        '-f',
        '1',
        '-l',
        '2',
        target,
        path.join(process.env.KEEP_REPORT_PNG, 'report'),
      ])
    }
  })

  it('writes an Excel workbook: one sheet per breakdown and the indicators, numbers as numbers', async () => {
    const file = await h.call('reports:export', { ...q1, unitId: ids.unitA, format: 'xlsx' })
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(file.fileName).toBe(`无障碍整改统计报表_2026-01-01_2026-03-31_${ids.unitAName}.xlsx`)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer)
    expect(book.worksheets.map((s) => s.name)).toEqual([
      '总体情况',
      '按月份',
      '按责任单位',
      '按设施类别',
      '按规范条款',
      '网站得分',
      '规划指标',
      '指标年度填报',
      '统计口径',
    ])
    const overview = book.getWorksheet('总体情况')!
    const values = new Map<string, unknown>()
    overview.eachRow((r) => values.set(String(r.getCell(1).value), r.getCell(2).value))
    expect(values.get('责任单位')).toBe(ids.unitAName)
    expect(values.get('发现')).toBe(4)
    expect(values.get('超期未改')).toBe(2)

    const months = book.getWorksheet('按月份')!
    expect(months.getRow(1).getCell(2).value).toBe('发现')
    // January: item 1 found and notified; February: item 2 found, item 1 claimed and verified after 21 days.
    expect(months.getRow(2).values).toEqual([undefined, '2026年1月', 1, 1, 0, 0, 0, 0])
    expect(months.getRow(3).values).toEqual([undefined, '2026年2月', 1, 1, 1, 1, 0, 0, 21])
    const march = months.getRow(4)
    expect(march.getCell(1).value).toBe('2026年3月')
    expect(march.getCell(2).value).toBe(2)
    expect(typeof march.getCell(2).value).toBe('number')
    // No item verified in March for this unit: the median cell stays empty rather than 0.
    expect(march.getCell(8).value).toBeNull()

    const scores = book.getWorksheet('网站得分')!
    expect(scores.getRow(3).values).toEqual([
      undefined,
      '区教育局网站',
      '2026-03-20',
      95.5,
      expect.any(Number),
    ])
    const indicators = book.getWorksheet('规划指标')!
    expect(indicators.getRow(1).getCell(5).value).toBe('规划期后（不计入目标）')
    const homes = indicators.getRow(2)
    expect(homes.getCell(1).value).toBe('困难重度残疾人家庭无障碍改造数')
    // A 2026 report is the 十五五 plan's: its own year's 40 (2025's 120 is the 十四五 plan's), target 待发布.
    expect(homes.getCell(2).value).toBe('“十五五”规划期 2026–2030')
    expect(homes.getCell(4).value).toBe(40)
    expect(homes.getCell(5).value).toBeNull()
    expect(homes.getCell(7).value).toBe('待发布')
    expect(homes.getCell(8).value).toBe('')
    const entries = book.getWorksheet('指标年度填报')!
    expect(entries.getRow(2).values).toEqual([
      undefined,
      '困难重度残疾人家庭无障碍改造数',
      2026,
      40,
      '是',
      '',
    ])
    expect(entries.rowCount).toBe(2)
    // Every sheet: a bold, frozen header row.
    for (const sheet of book.worksheets) {
      expect(sheet.getRow(1).font?.bold, sheet.name).toBe(true)
      expect(sheet.views[0], sheet.name).toMatchObject({ state: 'frozen', ySplit: 1 })
    }
  })

  it('strips control characters from names, so Excel can open the file', async () => {
    // One control character in a shared string makes the workbook XML invalid and Excel refuses the file.
    const db = h.ctx.db
    const before = db.prepare(`SELECT name FROM units WHERE id = ?`).pluck().get(ids.unitA) as string
    const portalBefore = db
      .prepare(`SELECT name FROM portals WHERE id = ?`)
      .pluck()
      .get(ids.portalW1) as string
    db.prepare(`UPDATE units SET name = ? WHERE id = ?`).run('区\u0001残联\u000b（测试）', ids.unitA)
    db.prepare(`UPDATE portals SET name = ? WHERE id = ?`).run('区教育局\u0008网站', ids.portalW1)
    try {
      const file = await h.call('reports:export', { ...q1, format: 'xlsx' })
      const zip = await JSZip.loadAsync(Buffer.from(file.base64, 'base64'))
      const parts = Object.keys(zip.files).filter((name) => name.endsWith('.xml'))
      expect(parts.length).toBeGreaterThan(5)
      let all = ''
      for (const name of parts) all += await zip.file(name)!.async('string')
      // eslint-disable-next-line no-control-regex
      expect(all).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/)
      expect(all).toContain('区残联（测试）')
      expect(all).toContain('区教育局网站')
      // eslint-disable-next-line no-control-regex
      expect(file.fileName).not.toMatch(/[\u0000-\u001f]/)
    } finally {
      db.prepare(`UPDATE units SET name = ? WHERE id = ?`).run(before, ids.unitA)
      db.prepare(`UPDATE portals SET name = ? WHERE id = ?`).run(portalBefore, ids.portalW1)
    }
  })

  it('labels the printed month axis "1月", with the year once under its first month', async () => {
    const summary = await h.call('reports:summary', { from: '2025-11-01', to: '2026-03-31' })
    const html = reportHtml(summary, { unitName: null, generatedAt: 'x' })
    const svg = html.slice(html.indexOf('<svg'), html.indexOf('</svg>'))
    const ticks = [...svg.matchAll(/<text [^>]*font-size="10" text-anchor="middle">([^<]+)<\/text>/g)].map(
      (m) => m[1],
    )
    expect(ticks).toEqual(['11月', '12月', '1月', '2月', '3月'])
    const years = [...svg.matchAll(/font-weight="700">([^<]+)<\/text>/g)].map((m) => m[1])
    expect(years).toEqual(['2025年', '2026年'])
    // The chart's description keeps the full month names for screen readers and the data table below.
    expect(svg).toContain('2025年11月：发现')
  })

  it('reports a renderer failure as EXPORT_FAILED in zh-CN', async () => {
    const broken = openReportHarness(seedToday, {
      renderPdf: () => Promise.reject(new Error('page crashed')),
      close: () => Promise.resolve(),
    })
    try {
      const error = await broken.fail('reports:export', { ...q1, format: 'pdf' })
      expect(error.code).toBe('EXPORT_FAILED')
      expect(error.message).toContain('生成统计报表失败')
    } finally {
      broken.close()
    }
  })
})

import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAuditBatch } from '../../../electron/core/web-audits/batch/batch-setup'
import { claimPage, completePage, enqueuePages } from '../../../electron/core/web-audits/store/queue-store'
import type { Portal } from '../../../shared/domain/portals'
import type { AuditRuleResult } from '../../../shared/web/audit-result'
import { refsForCriteria } from '../../../shared/web/clause-refs'
import type { DocumentCheckResult } from '../../../shared/web/doc-rules'
import { gbPrinciples } from '../../../shared/web/gbt37668-mapping'
import { getOwnRule } from '../../../shared/web/own-rules'
import { compareCriterionIds } from '../../../shared/web/wcag-criteria'
import { openTestCore, type TestCore } from '../../support/test-core'
import { pageResult } from '../../unit/web-audits/audit-fakes'

// audits:exportClauses through the real dispatcher, on a run seeded as the batch runner leaves it (page results,
// the documents check's rows) plus manual answers saved through the API. No browser: the workbook is read back.

const hostileName = '=HYPERLINK("http://evil.example","点我")<script>alert(1)</script>区政府'
const hostileNote = '=1+1 首页“<script>alert(1)</script>”视频无字幕\u0007'
const now = new Date('2026-03-01T08:00:00.000Z')

function own(id: string, nodeCount = 1, needsReview = false): AuditRuleResult {
  const meta = getOwnRule(id)!
  return {
    ruleId: id,
    source: 'own',
    impact: meta.impact,
    needsReview,
    description: meta.description,
    help: meta.help,
    refs: meta.refs,
    level: meta.refs.level,
    nodes: [{ selector: 'a', html: '<a>', fingerprint: 'a1' }],
    nodeCount,
  }
}

function axe(id: string, sc: string, description: string, needsReview = false): AuditRuleResult {
  const refs = refsForCriteria([sc])
  return {
    ruleId: id,
    source: 'axe',
    impact: 'serious',
    needsReview,
    description,
    help: `${description}（修改建议）`,
    refs,
    level: refs.level,
    nodes: [{ selector: 'img', html: '<img>', fingerprint: 'img1' }],
    nodeCount: 2,
  }
}

let t: TestCore
let runId: number
let book: ExcelJS.Workbook
let fileName: string

interface Row {
  principle: string
  gb: string
  wcag: string
  source: string
  title: string
  verdict: string
  detail: string
}
let rows: Row[]

beforeAll(async () => {
  t = openTestCore()
  const portal = (await t.call('portals:create', {
    name: hostileName,
    startUrl: 'http://gov.example/',
  })) as Portal
  const db = t.core.ctx.db
  const created = createAuditBatch(db, [{ portal }], {}, now)
  runId = created.runIds[0] as number
  const pages = [
    pageResult('http://gov.example/', [
      axe('image-alt', '1.1.1', '图片必须有替代文本'),
      axe('color-contrast', '1.4.3', '文字与背景的对比度应足够', true),
      own('aa-html-lang'),
      own('aa-link-adjacent-duplicate'),
      own('aa-text-style'),
    ]),
  ]
  enqueuePages(
    db,
    runId,
    pages.map((p) => ({ url: p.url, depth: 0 })),
    50,
    now,
  )
  db.prepare(`UPDATE audit_runs SET status = 'running' WHERE id = ?`).run(runId)
  for (
    let page = claimPage(db, created.batchId, now, 1000);
    page;
    page = claimPage(db, created.batchId, now, 1000)
  )
    completePage(
      db,
      page,
      pages.find((p) => p.url === page!.url)!,
      now,
      () => undefined,
    )
  const doc: DocumentCheckResult = {
    url: 'http://gov.example/files/=SUM(1,2).pdf',
    format: 'pdf',
    foundOn: 'http://gov.example/',
    linkText: '办法',
    status: 'checked',
    problems: [{ ruleId: 'aa-doc-untagged', needsReview: false, detail: '没有结构标记' }],
  }
  db.prepare(
    `INSERT INTO audit_documents (run_id, url, status, result_json, checked_at) VALUES (?, ?, 'checked', ?, ?)`,
  ).run(runId, doc.url, JSON.stringify(doc), now.toISOString())
  db.prepare(`UPDATE audit_runs SET status = 'completed', finished_at = ? WHERE id = ?`).run(
    now.toISOString(),
    runId,
  )

  await t.call('audits:answerManual', {
    portalId: portal.id,
    checkId: 'wcag-1.2.2',
    status: 'fail',
    note: hostileNote,
  })
  await t.call('audits:answerManual', { portalId: portal.id, checkId: 'wcag-1.4.2', status: 'pass' })

  const file = await t.call('audits:exportClauses', { runId })
  fileName = file.fileName
  book = new ExcelJS.Workbook()
  await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer)
  const sheet = book.getWorksheet('按条款')!
  const text = (v: ExcelJS.CellValue) => (v === null || v === undefined ? '' : String(v))
  rows = []
  sheet.eachRow((row, n) => {
    if (n === 1) return
    rows.push({
      principle: text(row.getCell(1).value),
      gb: text(row.getCell(2).value),
      wcag: text(row.getCell(3).value),
      source: text(row.getCell(6).value),
      title: text(row.getCell(7).value),
      verdict: text(row.getCell(8).value),
      detail: text(row.getCell(11).value),
    })
  })
})
afterAll(() => t.close())

const rowOf = (id: string) => rows.find((r) => r.title.endsWith(`（${id}）`))

describe('audits:exportClauses (Excel by clause)', () => {
  it('puts automatic rules, document rules and manual answers in one sheet', () => {
    expect(book.worksheets.map((s) => s.name)).toEqual(['按条款', '检测信息'])
    expect(new Set(rows.map((r) => r.source))).toEqual(new Set(['自动检测', '文件检查', '人工检查']))
    for (const id of [
      'image-alt',
      'color-contrast',
      'aa-html-lang',
      'aa-link-adjacent-duplicate',
      'aa-text-style',
    ])
      expect(rowOf(id)?.source, id).toBe('自动检测')
    expect(rowOf('color-contrast')?.verdict).toBe('需复核')
    expect(rowOf('image-alt')?.verdict).toBe('不通过')
    expect(rowOf('aa-doc-untagged')).toMatchObject({ source: '文件检查', verdict: '不通过' })
    const manual = rows.filter((r) => r.source === '人工检查')
    expect(manual.filter((r) => r.verdict === '不通过')).toHaveLength(1)
    expect(manual.filter((r) => r.verdict === '通过')).toHaveLength(1)
    expect(manual.some((r) => r.verdict === '未检查')).toBe(true)
  })

  it('sorts rows by principle, then WCAG criterion, then GB/T 37668 clause', () => {
    const rank = (r: Row) => {
      const i = gbPrinciples.findIndex((p) => p.principle === r.principle)
      return i < 0 ? gbPrinciples.length : i
    }
    const first = (cell: string) => (cell ? (cell.split('\n')[0] ?? '').split(' ')[0]! : null)
    const order = (a: string | null, b: string | null) =>
      a === b ? 0 : a === null ? 1 : b === null ? -1 : compareCriterionIds(a, b)
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [rows[i - 1]!, rows[i]!]
      const where = `${a.title} → ${b.title}`
      expect(rank(a), where).toBeLessThanOrEqual(rank(b))
      if (rank(a) !== rank(b)) continue
      const sc = order(first(a.wcag), first(b.wcag))
      expect(sc, where).toBeLessThanOrEqual(0)
      if (sc === 0) expect(order(first(a.gb), first(b.gb)), where).toBeLessThanOrEqual(0)
    }
    const at = (id: string) => rows.indexOf(rowOf(id)!)
    expect(at('image-alt')).toBeLessThan(at('color-contrast'))
    // A GB-only item comes after the WCAG ones of its principle (可操作性), before the next principle.
    expect(rowOf('aa-link-adjacent-duplicate')).toMatchObject({ principle: '可操作性', wcag: '' })
    expect(at('aa-link-adjacent-duplicate')).toBeLessThan(at('aa-html-lang'))
    // Best practice has no principle: last.
    expect(rowOf('aa-text-style')?.principle).toBe('')
    expect(at('aa-text-style')).toBeGreaterThan(at('aa-html-lang'))
  })

  it('leaves the GB/T 37668 column empty where no clause number is known', () => {
    expect(rowOf('image-alt')?.gb).toMatch(/^3\.2\.1\.3 /)
    expect(rowOf('aa-link-adjacent-duplicate')?.gb).toMatch(/^3\.3\.2\.2/)
    expect(rowOf('aa-html-lang')).toMatchObject({
      principle: '可理解性',
      wcag: expect.stringMatching(/^3\.1\.1/),
      gb: '',
    })
    expect(rowOf('aa-text-style')?.gb).toBe('')
    // No wording about how sure a clause is reaches the workbook.
    expect(rows.some((r) => /未核实|unverified|reported/.test(r.gb))).toBe(false)
  })

  it('has a bold, frozen header row with a filter over every column', () => {
    const sheet = book.getWorksheet('按条款')!
    expect(sheet.getRow(1).font?.bold).toBe(true)
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(sheet.autoFilter).toBe('A1:K1')
  })

  it('writes its own columns in zh-CN words, never status codes', () => {
    for (const r of rows) {
      expect(['可感知性', '可操作性', '可理解性', '兼容性', '']).toContain(r.principle)
      expect(['不通过', '需复核', '通过', '不适用', '未检查']).toContain(r.verdict)
    }
    // Manual items read as prompts, not check ids.
    for (const r of rows.filter((x) => x.source === '人工检查')) {
      expect(r.title).not.toMatch(/wcag-|manual:/)
      expect(r.title).toMatch(/[\u4e00-\u9fa5]/)
    }
  })

  it('writes hostile text from the site and from people as plain text', () => {
    const sheet = book.getWorksheet('按条款')!
    const failed = rows.find((r) => r.source === '人工检查' && r.verdict === '不通过')!
    expect(failed.detail).toBe(hostileNote.replace('\u0007', ''))
    const types = new Set<ExcelJS.ValueType>()
    sheet.eachRow((row) => row.eachCell((cell) => types.add(cell.type)))
    expect(types.has(ExcelJS.ValueType.Formula)).toBe(false)
    expect(rowOf('aa-doc-untagged')?.detail).toBe('http://gov.example/files/=SUM(1,2).pdf')

    const about = book.getWorksheet('检测信息')!
    const name = about.getRow(2).getCell(2)
    expect(name.type).toBe(ExcelJS.ValueType.String)
    expect(name.value).toBe(hostileName)
    about.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)))
    // The file name keeps no character Windows refuses.
    expect(fileName).toMatch(/^网站无障碍检测结果_=HYPERLINK\(.*区政府_2026-03-01\.xlsx$/)
    expect(fileName).not.toMatch(/[\\/:*?"<>|]/)
  })

  it('answers NOT_FOUND in zh-CN for an unknown run', async () => {
    const error = await t.fail('audits:exportClauses', { runId: runId + 999 })
    expect(error.code).toBe('NOT_FOUND')
    expect(error.message).toMatch(/^检测记录（编号 \d+）不存在$/)
  })
})

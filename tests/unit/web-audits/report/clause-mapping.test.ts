import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { clauseRows, clauseWorkbook } from '../../../../electron/core/web-audits/report/clause-workbook'
import type { AuditRunDetail, ManualChecklistItem, RuleDrill } from '../../../../shared/domain/audits'
import { axeChoiceTable } from '../../../../shared/web/axe-rule-choices'
import { refsForCriteria } from '../../../../shared/web/clause-refs'
import { documentRules } from '../../../../shared/web/doc-rules'
import { gbt37668Clauses } from '../../../../shared/web/gbt37668-clauses'
import { gbt37668MappingOf } from '../../../../shared/web/gbt37668-mapping'
import { manualChecks } from '../../../../shared/web/manual-checks'
import { ownRules } from '../../../../shared/web/own-rules'

describe('GB/T 37668-2019 mapping of every rule and manual item', () => {
  const known = new Set(gbt37668Clauses.map((c) => c.id))
  const everything = [
    ...axeChoiceTable()
      .filter((r) => r.choice !== 'off')
      .map((r) => ({ id: r.id, refs: refsForCriteria(r.wcag) })),
    ...ownRules.map((r) => ({ id: r.id, refs: r.refs })),
    ...documentRules.map((r) => ({ id: r.id, refs: r.refs })),
    ...manualChecks.map((c) => ({ id: c.id, refs: c.refs })),
  ]

  it('places each under a principle with its reported clauses, or says in the data why it has none', () => {
    const statuses = new Map<string, number>()
    for (const { id, refs } of everything) {
      const m = gbt37668MappingOf(refs)
      statuses.set(m.status, (statuses.get(m.status) ?? 0) + 1)
      for (const c of m.clauses) expect(known.has(c), `${id}: ${c}`).toBe(true)
      if (refs.wcag.length > 0) expect(m.principle, id).not.toBeNull()
      if (m.principle) expect(m.section, id).toMatch(/^3\.[2-5]$/)
      expect(m.sectionConfirmed).toBe(false)
      if (m.status === 'none') expect(refs.wcag, id).toEqual([])
    }
    expect(statuses.get('reported')).toBeGreaterThan(0)
    expect(statuses.get('unverified')).toBeGreaterThan(0)
  })

  it('maps 1.1.1 rules to the two reported clauses and GB-only manual items by their section', () => {
    expect(gbt37668MappingOf(refsForCriteria(['1.1.1']))).toMatchObject({
      principle: '可感知性',
      clauses: ['3.2.1.3', '3.2.1.4'],
      status: 'reported',
    })
    expect(gbt37668MappingOf({ wcag: [], gbt37668: ['3.3.4.2'] })).toMatchObject({
      principle: '可操作性',
      status: 'reported',
    })
    expect(gbt37668MappingOf(refsForCriteria(['2.5.8'])).status).toBe('postdates')
    expect(gbt37668MappingOf(refsForCriteria(['1.4.3'])).status).toBe('unverified')
  })
})

const drill = (ruleId: string, wcag: string[], needsReview = false): RuleDrill => ({
  ruleId,
  source: 'axe',
  impact: 'serious',
  needsReview,
  reviewReason: null,
  description: `${ruleId} 说明`,
  help: '修改建议\u0007',
  helpUrl: null,
  refs: refsForCriteria(wcag),
  level: 'A',
  pageCount: 2,
  nodeCount: 5,
  pages: [],
})

const manualItem = (checkId: string, criterion: string, status: ManualChecklistItem['status']) => {
  const check = manualChecks.find((c) => c.id === checkId)
  if (!check) throw new Error(checkId)
  return {
    checkId,
    criterion,
    title: check.titleZh,
    prompt: check.promptZh,
    refs: check.refs,
    status,
    note: status === 'fail' ? '首页视频无字幕' : null,
    updatedAt: null,
  } satisfies ManualChecklistItem
}

describe('the portal workbook sorted by clause', () => {
  const run = {
    runId: 7,
    batchId: 1,
    portalId: 1,
    portalName: '测试区政府网站',
    startUrl: 'https://www.example.gov.cn/',
    status: 'completed',
    score: 80,
    createdAt: '2026-12-01T00:00:00.000Z',
    finishedAt: '2026-12-01T01:00:00.000Z',
    previousRunId: null,
    summary: null,
    rules: [
      drill('html-has-lang', ['3.1.1']),
      drill('image-alt', ['1.1.1']),
      drill('color-contrast', ['1.4.3'], true),
    ],
    failedPages: [],
    documents: [
      {
        url: 'https://www.example.gov.cn/a.pdf',
        format: 'pdf',
        foundOn: 'https://www.example.gov.cn/',
        linkText: '通知',
        status: 'checked',
        problems: [{ ruleId: 'aa-doc-untagged', needsReview: false, detail: '无标签' }],
      },
    ],
    overlays: [],
  } satisfies AuditRunDetail
  const manual = [manualItem('wcag-1.2.2', '1.2.2', 'fail'), manualItem('wcag-2.4.5', '2.4.5', null)]

  it('puts automatic, document and manual results in one list in clause order', () => {
    expect(clauseRows(run, manual).map((r) => `${r.id}:${r.verdict}`)).toEqual([
      'image-alt:不通过',
      'wcag-1.2.2:不通过',
      'aa-doc-untagged:不通过',
      'color-contrast:需复核',
      'wcag-2.4.5:未检查',
      'html-has-lang:不通过',
    ])
  })

  it('writes a workbook Excel can open, with the clause columns and printable text only', async () => {
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(await clauseWorkbook(run, manual)) as unknown as ArrayBuffer)
    const sheet = book.getWorksheet('按条款')
    expect(sheet?.getRow(1).getCell(2).value).toBe('GB/T 37668-2019 条款')
    expect(String(sheet?.getRow(2).getCell(2).value)).toMatch(/^3\.2\.1\.3 非文本控件\n3\.2\.1\.4/)
    expect(sheet?.getRow(2).getCell(11).value).toBe('修改建议')
    expect(sheet?.rowCount).toBe(7)
  })
})

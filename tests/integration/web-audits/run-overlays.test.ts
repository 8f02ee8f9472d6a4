import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { summaryLines } from '../../../electron/cli/audit-summary'
import { createAuditBatch } from '../../../electron/core/web-audits/batch/batch-setup'
import { jsonReportChunks } from '../../../electron/core/web-audits/report/json-report'
import { auditReportSource } from '../../../electron/core/web-audits/report/report-source'
import type { AuditReport } from '../../../electron/core/web-audits/report/report-types'
import { summarizeRun } from '../../../electron/core/web-audits/runs/run-summary'
import { webFindingRows } from '../../../electron/core/web-audits/runs/web-findings'
import { claimPage, completePage, enqueuePages } from '../../../electron/core/web-audits/store/queue-store'
import type { AuditRunDetail } from '../../../shared/domain/audits'
import type { Portal } from '../../../shared/domain/portals'
import type { OverlayFinding, PageResult } from '../../../shared/web/audit-result'
import { refsForCriteria } from '../../../shared/web/clause-refs'
import { overlays } from '../../../shared/web/overlays'
import { openTestCore, type TestCore } from '../../support/test-core'
import { pageResult, reportHeader } from '../../unit/web-audits/audit-fakes'

// Overlays are information: the run page, the JSON report and the CLI summary list them with the pages where they
// were found, and they change nothing else. Two portals in one batch are seeded with the same page results, one
// with overlays on its pages (as the page audit records them, tests/integration/web-audits/page/overlays.test.ts)
// and one without: their rules, findings, summary and score must be the same.

const now = new Date('2026-03-01T08:00:00.000Z')
const toolbar = overlays.find((o) => o.id === 'cn-rrbay-wzatool')!
const rewriter = overlays.find((o) => o.remediates)!
const found = (o: typeof toolbar): OverlayFinding => ({
  id: o.id,
  name: o.name,
  evidence: ['页面元素 #rrbay_wzatool'],
  blocked: o.remediates,
})

function pagesOf(origin: string, withOverlays: boolean): PageResult[] {
  const refs = refsForCriteria(['1.1.1'])
  const imageAlt = {
    ruleId: 'image-alt',
    source: 'axe' as const,
    impact: 'critical' as const,
    needsReview: false,
    description: '图片必须有替代文本',
    help: '为图片添加替代文本',
    refs,
    level: refs.level,
    nodes: [{ selector: 'img', html: '<img src="a.png">', fingerprint: 'img1' }],
    nodeCount: 1,
  }
  const extra = (list: OverlayFinding[]) => (withOverlays ? { overlays: list } : {})
  return [
    pageResult(`${origin}/`, [imageAlt], extra([found(toolbar), found(rewriter)])),
    pageResult(`${origin}/news.html`, [], extra([found(toolbar)])),
    pageResult(`${origin}/about.html`, [imageAlt]),
  ]
}

let t: TestCore
let batchId: number
let withRun: number
let withoutRun: number
const pages = new Map<string, PageResult>()

beforeAll(async () => {
  t = openTestCore()
  const db = t.core.ctx.db
  const a = (await t.call('portals:create', {
    name: '有工具条的网站',
    startUrl: 'http://a.example/',
  })) as Portal
  const b = (await t.call('portals:create', {
    name: '没有工具条的网站',
    startUrl: 'http://b.example/',
  })) as Portal
  const created = createAuditBatch(db, [{ portal: a }, { portal: b }], {}, now)
  batchId = created.batchId
  ;[withRun, withoutRun] = created.runIds as [number, number]
  for (const [runId, origin, withOverlays] of [
    [withRun, 'http://a.example', true],
    [withoutRun, 'http://b.example', false],
  ] as const) {
    const list = pagesOf(origin, withOverlays)
    for (const p of list) pages.set(p.url, p)
    enqueuePages(
      db,
      runId,
      list.map((p) => ({ url: p.url, depth: 0 })),
      50,
      now,
    )
    db.prepare(`UPDATE audit_runs SET status = 'running' WHERE id = ?`).run(runId)
  }
  for (let page = claimPage(db, batchId, now, 1000); page; page = claimPage(db, batchId, now, 1000))
    completePage(db, page, pages.get(page.url)!, now, () => undefined)
  db.prepare(`UPDATE audit_runs SET status = 'completed', finished_at = ? WHERE batch_id = ?`).run(
    now.toISOString(),
    batchId,
  )
})

afterAll(() => t?.close())

describe('accessibility overlays of a run', () => {
  it('are listed on the run view, each with the pages where it was found; none for a run without', async () => {
    const detail = (await t.call('audits:run', { runId: withRun })) as AuditRunDetail
    expect(detail.overlays).toEqual([
      {
        id: toolbar.id,
        name: toolbar.name,
        blocked: false,
        pages: ['http://a.example/', 'http://a.example/news.html'],
      },
      { id: rewriter.id, name: rewriter.name, blocked: true, pages: ['http://a.example/'] },
    ])
    expect(((await t.call('audits:run', { runId: withoutRun })) as AuditRunDetail).overlays).toEqual([])
  })

  it('earn no credit and are no finding: rules, findings, summary and score are those of the same pages without', async () => {
    const db = t.core.ctx.db
    const withDetail = (await t.call('audits:run', { runId: withRun })) as AuditRunDetail
    const withoutDetail = (await t.call('audits:run', { runId: withoutRun })) as AuditRunDetail
    const host = (s: string) => s.replace('http://b.example', 'http://a.example')
    expect(withDetail.rules.map((r) => [r.ruleId, r.pageCount, r.nodeCount])).toEqual(
      withoutDetail.rules.map((r) => [r.ruleId, r.pageCount, r.nodeCount]),
    )
    expect(withDetail.rules.map((r) => r.ruleId)).toEqual(['image-alt'])
    const withSummary = summarizeRun(db, withRun)
    expect(withSummary.score).not.toBeNull()
    expect(withSummary).toEqual(summarizeRun(db, withoutRun))
    expect(withDetail.score).toBe(withoutDetail.score)
    // What rectification tracks (findings rows) is the same with and without the overlays.
    for (const path of ['/', '/news.html', '/about.html']) {
      const a = webFindingRows(1, pages.get(`http://a.example${path}`)!)
      const b = webFindingRows(1, pages.get(`http://b.example${path}`)!)
      expect(a.map((r) => [r.ruleId, host(r.detail), r.severity])).toEqual(
        b.map((r) => [r.ruleId, host(r.detail), r.severity]),
      )
    }
  })

  it('are in the JSON report per portal and per page, and in the CLI summary line', () => {
    const source = auditReportSource(t.core.ctx.db, batchId, reportHeader)
    const json = JSON.parse([...jsonReportChunks(source)].join('')) as AuditReport
    const [a, b] = json.portals
    expect(a?.overlays?.map((o) => [o.id, o.pages.length])).toEqual([
      [toolbar.id, 2],
      [rewriter.id, 1],
    ])
    expect(a?.pages[0]?.overlays?.map((o) => o.id)).toEqual([toolbar.id, rewriter.id])
    expect(b && 'overlays' in b).toBe(false)
    const [lineA, lineB] = summaryLines(source, 'serious')
    expect(lineA).toContain(`无障碍工具条：${toolbar.name}、${rewriter.name}（仅作提示，不计分）`)
    expect(lineB).not.toContain('无障碍工具条')
  })
})

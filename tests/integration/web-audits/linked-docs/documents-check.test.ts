import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { summaryLines } from '../../../../electron/cli/audit-summary'
import { openDatabase, type Db } from '../../../../electron/core/db/open-database'
import { BatchRunner } from '../../../../electron/core/web-audits/batch/batch-runner'
import { createAuditBatch } from '../../../../electron/core/web-audits/batch/batch-setup'
import {
  checkRunDocuments,
  readRunDocuments,
  type FetchBytes,
} from '../../../../electron/core/web-audits/linked-docs/check-documents'
import { parseDocument } from '../../../../electron/core/web-audits/linked-docs/doc-parse'
import { csvReportChunks } from '../../../../electron/core/web-audits/report/csv-report'
import { jsonReportChunks } from '../../../../electron/core/web-audits/report/json-report'
import { auditReportSource } from '../../../../electron/core/web-audits/report/report-source'
import { runDetail } from '../../../../electron/core/web-audits/runs/run-reads'
import type { PageAuditor } from '../../../../electron/core/web-audits/page/page-auditor'
import type { DocumentCheckResult } from '../../../../shared/web/doc-rules'
import { registerPortal } from '../../../support/portals'
import { makeTempDir } from '../../../support/temp-dir'
import { fakeBrowserFactory, pageResult, reportHeader } from '../../../unit/web-audits/audit-fakes'

/**
 * The documents check over the fixture portal's files (tests/fixtures/web-audits/docs-portal, made by its
 * make.mjs): a batch whose pages link to tagged, untagged, scanned, untitled, broken and hostile files records a
 * result for each, and the reports list them per portal. Downloads are served from the fixture folder.
 */

const dir = path.resolve(__dirname, '../../../fixtures/web-audits/docs-portal')
const origin = 'http://docs.example.gov.cn'
const files = [
  'tagged.pdf',
  'untagged.pdf',
  'scanned.pdf',
  'no-title.pdf',
  'broken.pdf',
  'form-good.docx',
  'form-no-alt.docx',
  'stats.xlsx',
  'bomb.docx',
  'old.doc',
  'missing.pdf',
  'login.pdf',
]

const fetchFixture: FetchBytes = async (url) => {
  const name = decodeURIComponent(new URL(url).pathname.slice(1))
  if (name === 'login.pdf')
    return { ok: true, bytes: Buffer.from('<html>请登录</html>'), contentType: 'text/html' }
  const file = path.join(dir, name)
  if (!fs.existsSync(file)) return { ok: false, reason: 'download', detail: '服务器返回 HTTP 404' }
  return { ok: true, bytes: fs.readFileSync(file), contentType: 'application/octet-stream' }
}

let db: Db
let cleanup: () => void
let runId: number
let batchId: number
let results: Map<string, DocumentCheckResult>

beforeAll(async () => {
  const temp = makeTempDir()
  cleanup = temp.cleanup
  db = openDatabase(temp.dir)
  const portal = registerPortal(
    db,
    { name: '文件门户', startUrl: `${origin}/`, maxPages: 5, maxDepth: 1 },
    new Date(),
  )
  const batch = createAuditBatch(db, [{ portal, options: { sitemap: false } }], {}, new Date())
  batchId = batch.batchId
  runId = batch.runIds[0] as number
  const auditor: PageAuditor = async (browser, request) => {
    await browser.createBrowserContext()
    return {
      result: pageResult(request.url, [], {
        documents: files.map((f) => ({
          url: `${origin}/${f}`,
          text: `下载 ${f}`,
          format: f.split('.').pop() as string,
        })),
      }),
      links: [],
    }
  }
  const runner = new BatchRunner({
    db,
    auditor,
    launchBrowser: fakeBrowserFactory().launch,
    concurrency: 1,
    minIntervalMs: 0,
    fetchText: async (url) => ({ url, status: 404, contentType: 'text/plain', body: '' }),
    fetchDocument: fetchFixture,
  })
  const outcome = await runner.run(batchId)
  expect(outcome.status).toBe('completed')
  results = new Map(readRunDocuments(db, runId).map((r) => [r.url.replace(`${origin}/`, ''), r]))
}, 180_000)

afterAll(() => {
  db.close()
  cleanup()
})

const problemIds = (name: string) =>
  results.get(name)?.problems.map((p) => `${p.ruleId}${p.needsReview ? '?' : ''}`)

describe('documents check of a run', () => {
  it('records every linked document once, in the order found', () => {
    expect([...results.keys()]).toEqual(files)
  })

  it('reads PDFs: tagging, text layer, title and language', () => {
    expect(results.get('tagged.pdf')).toMatchObject({ status: 'checked', pageCount: 1, problems: [] })
    expect(problemIds('untagged.pdf')).toEqual(['aa-doc-untagged', 'aa-doc-lang'])
    expect(problemIds('scanned.pdf')).toEqual(['aa-doc-scanned', 'aa-doc-untagged', 'aa-doc-lang'])
    // Chromium writes "about:blank" as the title of a page without one.
    expect(problemIds('no-title.pdf')).toEqual(['aa-doc-title'])
  })

  it('reads Office files: title, language, images without alt text', () => {
    expect(problemIds('form-good.docx')).toEqual(['aa-doc-lang'])
    expect(problemIds('form-no-alt.docx')).toEqual(['aa-doc-title', 'aa-doc-lang', 'aa-doc-image-alt'])
    expect(results.get('stats.xlsx')).toMatchObject({ status: 'checked', title: '2024 年无障碍改造统计' })
  })

  it('records broken, hostile, unreadable and missing files as results with a reason', () => {
    expect(results.get('broken.pdf')).toMatchObject({ status: 'failed', reason: 'broken' })
    expect(results.get('bomb.docx')).toMatchObject({ status: 'failed', reason: 'too-large' })
    expect(results.get('old.doc')).toMatchObject({ status: 'not-checked', reason: 'format' })
    expect(results.get('missing.pdf')).toMatchObject({ status: 'failed', reason: 'download' })
    expect(results.get('login.pdf')).toMatchObject({ status: 'failed', reason: 'download' })
    for (const name of ['broken.pdf', 'bomb.docx', 'old.doc', 'missing.pdf', 'login.pdf'])
      expect(problemIds(name)).toEqual(['aa-doc-unchecked?'])
  })

  it('never checks a stored document again, and lists the ones over the count limit as not checked', async () => {
    expect(await checkRunDocuments({ db, now: () => new Date(), fetchBytes: fetchFixture }, runId)).toBe(0)
    db.prepare(`DELETE FROM audit_documents WHERE run_id = ? AND url LIKE '%.docx'`).run(runId)
    const stored = await checkRunDocuments(
      { db, now: () => new Date(), fetchBytes: fetchFixture, limits: { maxPerRun: 2 } },
      runId,
    )
    expect(stored).toBe(3)
    const again = new Map(readRunDocuments(db, runId).map((r) => [r.url.replace(`${origin}/`, ''), r]))
    expect(again.get('form-good.docx')).toMatchObject({ status: 'not-checked', reason: 'count' })
    expect(again.get('tagged.pdf')?.status).toBe('checked')
  })

  it('shows the documents per portal in the run view and in the JSON, CSV and summary reports', () => {
    expect(runDetail(db, runId).documents).toHaveLength(files.length)
    const source = auditReportSource(db, batchId, reportHeader)
    const json = JSON.parse([...jsonReportChunks(source)].join(''))
    expect(json.portals[0].documents).toHaveLength(files.length)
    const csv = [...csvReportChunks(source)].join('')
    expect(csv).toContain(`${origin}/untagged.pdf`)
    expect(csv).toMatch(/aa-doc-untagged.*PDF 没有结构标签/)
    expect(summaryLines(source, 'serious')[0]).toMatch(/文件 12 个（已检查 \d+，有问题 \d+，未能检查 \d+）/)
  })

  it('ends a parse that runs over its time limit as a timeout', async () => {
    const outcome = await parseDocument(fs.readFileSync(path.join(dir, 'tagged.pdf')), 'pdf', {
      timeoutMs: 1,
    })
    expect(outcome).toMatchObject({ ok: false, reason: 'timeout' })
  })
})

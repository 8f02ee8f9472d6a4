import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PageResult } from '../../../../shared/web/audit-result'
import { openHarness, pageRows, type Harness } from './audit-harness'
import { startTestSite, type TestSite } from './test-site'

let site: TestSite
let h: Harness
beforeAll(async () => {
  site = await startTestSite()
  h = openHarness()
})
afterAll(async () => {
  await h.close()
  await site.close()
})

describe('a batch over pages that break audits (real Chromium)', () => {
  it('completes, with a recorded reason for each page that could not be audited', async () => {
    const paths = ['/error500', '/hang', '/alert', '/loop', '/clean']
    const { batchId, runIds } = h.batch(
      paths.map((p) => `${site.origin}${p}`),
      { maxDepth: 0 },
    )
    const outcome = await h.runner().run(batchId)
    expect(outcome.status).toBe('completed')
    const rows = Object.fromEntries(pageRows(h.db, batchId).map((r) => [r.url.replace(site.origin, ''), r]))
    expect(rows['/error500']).toMatchObject({ status: 'failed', reason: 'http-status' })
    expect(rows['/hang']).toMatchObject({ status: 'failed', reason: 'timeout' })
    expect(rows['/loop']).toMatchObject({ status: 'failed', reason: 'redirect-loop' })
    // alert() and confirm() are dismissed: the page is audited like any other
    expect(rows['/alert']).toMatchObject({ status: 'done', reason: null })
    const alert = JSON.parse(rows['/alert']!.json!) as PageResult
    expect(alert.results.some((r) => r.ruleId === 'image-alt')).toBe(true)
    const failed = JSON.parse(rows['/error500']!.json!) as PageResult
    expect(failed).toMatchObject({ ok: false, status: 500, failureReason: 'http-status' })
    expect(failed.failureMessage).toContain('500')

    const runs = h.db
      .prepare(`SELECT start_url, status FROM audit_runs WHERE batch_id = ? ORDER BY id`)
      .all(batchId) as Array<{ start_url: string; status: string }>
    expect(runs.map((r) => r.status)).toEqual(['failed', 'failed', 'completed', 'failed', 'completed'])
    expect(h.db.prepare('SELECT status FROM audit_batches WHERE id = ?').pluck().get(batchId)).toBe(
      'completed',
    )
    // Failed pages produce no findings; audited ones do.
    const findingRuns = h.db
      .prepare(`SELECT DISTINCT audit_run_id FROM findings WHERE audit_run_id IN (${runIds.join(',')})`)
      .pluck()
      .all()
    expect(findingRuns).toContain(runIds[2])
    expect(findingRuns).not.toContain(runIds[0])
  })
})

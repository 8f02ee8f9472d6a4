import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createAuditBatch } from '../../../../electron/core/web-audits/batch/batch-setup'
import { registerPortal } from '../../../support/portals'
import type { Portal } from '../../../../shared/domain/portals'
import { claimPage, completePage, enqueuePages } from '../../../../electron/core/web-audits/store/queue-store'
import {
  classifyKeys,
  compareRuns,
  previousRunOf,
} from '../../../../electron/core/web-audits/runs/run-compare'
import { insertWebFindings, webFindingRows } from '../../../../electron/core/web-audits/runs/web-findings'
import { webMatchKey } from '../../../../electron/core/findings/match-keys'
import type { PageResult } from '../../../../shared/web/audit-result'
import { openDatabase, type Db } from '../../../../electron/core/db/open-database'
import { makeTempDir } from '../../../support/temp-dir'
import { failedPage, pageResult, rule } from '../audit-fakes'

let db: Db
let cleanup: () => void
let portal: Portal
const now = new Date('2026-03-01T08:00:00.000Z')

beforeEach(() => {
  const temp = makeTempDir()
  cleanup = temp.cleanup
  db = openDatabase(temp.dir)
  const unit = db.prepare(`SELECT id FROM units ORDER BY id LIMIT 1`).pluck().get() as number | undefined
  portal = registerPortal(
    db,
    { name: '区政府门户', startUrl: 'http://gov.example/', unitId: unit ?? null },
    now,
  )
})
afterEach(() => {
  db.close()
  cleanup()
})

/** Runs one batch whose pages end with the given results, writing findings as the runner does. */
function runWith(results: PageResult[]): number {
  const { batchId, runIds } = createAuditBatch(db, [{ portal }], {}, now)
  const runId = runIds[0] as number
  enqueuePages(
    db,
    runId,
    results.map((r) => ({ url: r.url, depth: 1 })),
    50,
    now,
  )
  db.prepare(`UPDATE audit_runs SET status = 'running' WHERE id = ?`).run(runId)
  const byUrl = new Map(results.map((r) => [r.url, r]))
  for (let page = claimPage(db, batchId, now, 1000); page; page = claimPage(db, batchId, now, 1000)) {
    const result = byUrl.get(page.url) ?? pageResult(page.url)
    completePage(db, page, result, now, () =>
      insertWebFindings(db, portal, runId, webFindingRows(portal.id, result), now),
    )
  }
  db.prepare(`UPDATE audit_runs SET status = 'completed' WHERE id = ?`).run(runId)
  return runId
}

describe('web findings', () => {
  it('writes one finding per node with severity, review flag, zh-CN title, clauses, evidence and match key', () => {
    const runId = runWith([
      pageResult('http://gov.example/a', [
        rule('image-alt', 'critical', [
          { fingerprint: 'img-logo', selector: 'header > img', html: '<img src="x">' },
        ]),
        rule('color-contrast', 'serious', [{ fingerprint: 'ft' }], { needsReview: true }),
      ]),
    ])
    const rows = db.prepare(`SELECT * FROM findings WHERE audit_run_id = ? ORDER BY id`).all(runId) as Array<
      Record<string, unknown>
    >
    expect(rows).toHaveLength(2)
    expect(rows[0]).toMatchObject({
      source: 'web',
      severity: 'critical',
      needs_review: 0,
      title: 'image-alt 帮助（image-alt）',
      portal_id: portal.id,
      unit_id: portal.unitId,
      check_id: 'image-alt',
      match_key: `web:portal:${portal.id}:image-alt:http://gov.example/a:img-logo`,
    })
    expect(JSON.parse(rows[0]!.evidence_json as string)).toEqual({
      pageUrl: 'http://gov.example/a',
      selector: 'header > img',
      html: '<img src="x">',
    })
    expect(JSON.parse(rows[0]!.clauses_json as string)).toEqual([
      { code: 'WCAG 2.2', clause: '1.1.1', mandatory: false },
      { code: 'GB/T 37668-2019', clause: '3.2.1.3', mandatory: false },
    ])
    expect(rows[1]).toMatchObject({ severity: 'major', needs_review: 1 })
  })

  it('matches on the normalised URL, not on its spelling', () => {
    expect(webMatchKey(1, 'r', 'http://GOV.example/a/?utm_source=x#f', 'fp')).toBe(
      'web:portal:1:r:http://gov.example/a:fp',
    )
  })
})

describe('compareRuns', () => {
  it('marks findings new, persisting or fixed by rule + page + fingerprint, whatever the selector', () => {
    const first = runWith([
      pageResult('http://gov.example/a', [
        rule('image-alt', 'critical', [{ fingerprint: 'logo', selector: 'body > div:nth-child(2) > img' }]),
        rule('label', 'critical', [{ fingerprint: 'search' }]),
      ]),
      pageResult('http://gov.example/b', [rule('link-name', 'serious', [{ fingerprint: 'icon' }])]),
      pageResult('http://gov.example/c', [rule('region', 'moderate', [{ fingerprint: 'x' }])]),
    ])
    const second = runWith([
      // the logo moved (another selector, same element): persisting; the label was fixed
      pageResult('http://gov.example/a', [
        rule('image-alt', 'critical', [{ fingerprint: 'logo', selector: 'body > div:nth-child(3) > img' }]),
        rule('button-name', 'critical', [{ fingerprint: 'go' }]),
      ]),
      pageResult('http://gov.example/b', [rule('link-name', 'serious', [{ fingerprint: 'icon' }])]),
      // c could not be loaded this time: its finding is not "fixed"
      failedPage('http://gov.example/c', 'timeout'),
    ])
    expect(previousRunOf(db, second)).toBe(first)
    expect(previousRunOf(db, first)).toBeNull()
    const cmp = compareRuns(db, first, second)
    const byRule = Object.fromEntries(cmp.findings.map((f) => [f.ruleId, f.change]))
    expect(byRule).toEqual({
      'image-alt': 'persisting',
      'button-name': 'new',
      'link-name': 'persisting',
      label: 'fixed',
      region: 'unchecked',
    })
    expect(cmp.counts).toEqual({ new: 1, persisting: 2, fixed: 1, unchecked: 1 })
  })

  it('refuses runs of different portals', () => {
    const a = runWith([pageResult('http://gov.example/a')])
    portal = registerPortal(db, { name: '其他', startUrl: 'http://other.example/' }, now)
    const b = runWith([pageResult('http://other.example/a')])
    expect(() => compareRuns(db, a, b)).toThrow('同一网站')
  })

  it('classifyKeys is a pure set comparison', () => {
    const changes = classifyKeys(
      new Map([
        ['k1', 'p1'],
        ['k2', 'p2'],
      ]),
      ['k1', 'k3'],
      new Set(['p2']),
    )
    expect([...changes]).toEqual([
      ['k1', 'persisting'],
      ['k3', 'new'],
      ['k2', 'fixed'],
    ])
  })
})

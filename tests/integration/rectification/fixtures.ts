import type { Inspection } from '../../../shared/domain/inspections'
import type { AuditRuleResult, PageResult } from '../../../shared/web/audit-result'
import { insertWebFindings, webFindingRows } from '../../../electron/core/web-audits/runs/web-findings'
import type { TestCore } from '../../support/test-core'

/** Builders for rectification tests: real inspections through the API, web runs written as the runner writes them. */

export async function seededUnit(t: TestCore, name: string): Promise<{ id: number; name: string }> {
  const unit = (await t.call('units:list', { search: name }))[0]
  if (!unit) throw new Error(`no seeded unit ${name}`)
  return { id: unit.id, name: unit.name }
}

export async function createPlace(t: TestCore, name: string, unitId: number | undefined): Promise<number> {
  const place = await t.call('places:create', { name, type: 'government-service-hall', unitId })
  return place.id
}

/**
 * A ramp slope as an inclinometer reading 1:n. Rise and run are shared by the ramp's checks (measured once), so
 * typing them would also judge 每段高差 — a second finding for the same steep ramp; these tests are about one.
 */
export const slopeReading = ([rise, run]: readonly [number, number]) => ({
  gradient: { value: run / rise, unit: 'ratio' },
})

export interface RampMeasure {
  label: string
  /** rise/run in mm, or null to leave the slope unmeasured in this inspection. */
  slope: [number, number] | null
}

/**
 * Submits an inspection of `placeId` on `date`. A re-inspection starts with the previous elements (same labels);
 * elements not there yet are added. 1:8 (300/2400) fails, 1:14 (200/2800) passes (read as 1:n, see slopeReading).
 */
export async function inspect(
  t: TestCore,
  placeId: number,
  date: string,
  ramps: readonly RampMeasure[],
): Promise<Inspection> {
  let insp = await t.call('inspections:create', { placeId, inspectedOn: date, inspectors: '张三' })
  for (const ramp of ramps) {
    if (!insp.elements.some((e) => e.label === ramp.label)) {
      insp = await t.call('inspections:addElement', {
        inspectionId: insp.id,
        baseVersion: insp.version,
        category: 'ramp',
        label: ramp.label,
      })
    }
    if (ramp.slope) {
      const element = insp.elements.find((e) => e.label === ramp.label)!
      insp = await t.call('inspections:saveCheck', {
        elementId: element.id,
        baseVersion: insp.version,
        checkId: 'ramp.slope',
        inputs: slopeReading(ramp.slope),
      })
    }
  }
  return t.call('inspections:submit', { id: insp.id, baseVersion: insp.version })
}

export const failing: [number, number] = [300, 2400]
export const passing: [number, number] = [200, 2800]

export interface WebNode {
  selector: string
  html: string
  fingerprint: string
}

export interface WebPage {
  url: string
  /** false: the page could not be loaded in this run (audit_pages status 'failed'). */
  ok?: boolean
  rules?: Record<string, WebNode[]>
}

function ruleResult(ruleId: string, nodes: WebNode[]): AuditRuleResult {
  return {
    ruleId,
    source: 'axe',
    impact: 'serious',
    needsReview: false,
    description: `规则 ${ruleId} 的说明`,
    help: `规则 ${ruleId} 的要求`,
    helpUrl: `https://dequeuniversity.com/rules/axe/4.14/${ruleId}?lang=zh`,
    refs: { wcag: ['1.4.3'], gbt37668: ['5.2.4.3'], level: 'AA', ageing: [] },
    level: 'AA',
    nodes: nodes.map((n) => ({ ...n, failureSummary: '修复以下问题：提高前景色与背景色的对比度' })),
    nodeCount: nodes.length,
  }
}

/** A completed audit run of the portal with the given pages and failing nodes, as the batch runner records it. */
export function webRun(t: TestCore, portalId: number, pages: readonly WebPage[], at = new Date()): number {
  const db = t.core.ctx.db
  const iso = at.toISOString()
  return db.transaction(() => {
    const portal = db.prepare('SELECT id, unit_id, start_url FROM portals WHERE id = ?').get(portalId) as {
      id: number
      unit_id: number | null
      start_url: string
    }
    const runId = Number(
      db
        .prepare(
          `INSERT INTO audit_runs (portal_id, start_url, status, created_at, started_at, finished_at)
           VALUES (?, ?, 'completed', ?, ?, ?)`,
        )
        .run(portalId, portal.start_url, iso, iso, iso).lastInsertRowid,
    )
    for (const page of pages) {
      const ok = page.ok !== false
      const result: PageResult = {
        url: page.url,
        finalUrl: page.url,
        status: ok ? 200 : 500,
        title: '测试页面',
        ok,
        startedAt: iso,
        durationMs: 10,
        results: ok ? Object.entries(page.rules ?? {}).map(([rule, nodes]) => ruleResult(rule, nodes)) : [],
        framesNotTested: [],
      }
      db.prepare(
        `INSERT INTO audit_pages (run_id, url, depth, status, attempts, result_json, updated_at)
         VALUES (?, ?, 0, ?, 1, ?, ?)`,
      ).run(runId, page.url, ok ? 'done' : 'failed', JSON.stringify(result), iso)
      insertWebFindings(
        db,
        { id: portal.id, unitId: portal.unit_id },
        runId,
        webFindingRows(portalId, result, `run-${runId}`),
        at,
      )
    }
    return runId
  })()
}

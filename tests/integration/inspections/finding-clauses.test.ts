import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CategoryId } from '../../../shared/catalog/categories'
import type { Inspection } from '../../../shared/domain/inspections'
import { openTestCore, type TestCore } from '../../support/test-core'

// Findings (and so items, notices, Word and Excel) cite only the clauses that decided the failure, with the 款 and
// the figure; a stored result of catalog 1.x still loads and explains.

let t: TestCore
let placeId: number

beforeEach(async () => {
  t = openTestCore()
  const place = await t.call('places:create', { name: '区图书馆', type: 'government-service-hall' })
  placeId = place.id
})
afterEach(() => t.close())

const mm = (value: number) => ({ value, unit: 'mm' })

async function inspectOne(
  category: CategoryId,
  checkId: string,
  inputs: Record<string, unknown>,
): Promise<Inspection> {
  let insp = await t.call('inspections:create', { placeId, inspectedOn: '2026-11-20', inspectors: '张三' })
  insp = await t.call('inspections:addElement', {
    inspectionId: insp.id,
    baseVersion: insp.version,
    category,
    label: '被检设施',
  })
  insp = await t.call('inspections:saveCheck', {
    elementId: insp.elements[0]!.id,
    baseVersion: insp.version,
    checkId,
    inputs: inputs as never,
  })
  return t.call('inspections:submit', { id: insp.id, baseVersion: insp.version })
}

async function citedBy(category: CategoryId, checkId: string, inputs: Record<string, unknown>) {
  const insp = await inspectOne(category, checkId, inputs)
  const findings = await t.call('findings:list', { inspectionId: insp.id })
  expect(findings).toHaveLength(1)
  return findings[0]!.clauses
}

describe('findings cite the deciding clauses only', () => {
  it('a 1.19 m ramp cites GB 55019 2.3.2 with its figure, not the superseded GB 50763 3.4.2', async () => {
    expect(await citedBy('ramp', 'ramp.clear-width', { width: mm(1190) })).toEqual([
      { code: 'GB 55019-2021', clause: '2.3.2', mandatory: true, figure: '通行净宽 ≥ 1.20 m' },
    ])
  })

  it('a 5 mm curb lip cites GB 55019 2.10.2 only (GB 50763 3.1.1, which it meets, is superseded)', async () => {
    expect(await citedBy('curb-ramp', 'curb-ramp.lip', { lip: mm(5) })).toEqual([
      { code: 'GB 55019-2021', clause: '2.10.2', mandatory: true, figure: '无高差（0 mm）' },
    ])
  })

  it('a 550 mm call button cites the GB 50763 figure it breaks, without ★', async () => {
    expect(
      await citedBy('toilet-room', 'toilet-room.call-button', { present: true, height: mm(550) }),
    ).toEqual([
      {
        code: 'GB 50763-2012',
        clause: '3.9.3',
        item: '10',
        mandatory: false,
        figure: '呼叫按钮高度 400–500 mm',
      },
    ])
  })

  it('a door pull bar at 700 mm with the other face blank is a finding, citing 2.5.4 item 2', async () => {
    expect(await citedBy('door', 'door.pull-bars', { barHeight: mm(700) })).toEqual([
      { code: 'GB 55019-2021', clause: '2.5.4', item: '2', mandatory: true, figure: '拉手高度 0.85–1.00 m' },
    ])
  })
})

describe('inspections made with catalog 1.0.0', () => {
  it('still load, explain, read a blank “needs review” as 未填写 and cite no superseded clause', async () => {
    const insp = await inspectOne('ramp', 'ramp.clear-width', { width: mm(1190) })
    const elementId = insp.elements[0]!.id
    const db = t.core.ctx.db
    // what catalog 1.0.0 stored: every clause of the check in `clauses`, no referenceClauses
    const v1Fail = {
      checkId: 'ramp.clear-width',
      catalogId: insp.catalogId,
      catalogVersion: '1.0.0',
      verdict: 'fail',
      severity: 'critical',
      clauses: [
        { code: 'GB 55019-2021', clause: '2.3.2', mandatory: true, level: 'M', confidence: 'medium' },
        {
          code: 'GB 50763-2012',
          clause: '3.4.2',
          mandatory: false,
          level: 'R',
          confidence: 'high',
          supersededBy: 'GB 55019-2021 2.3.2',
        },
      ],
      derived: [],
      explanation: '通行净宽 1.19 m，小于 1.20 m 的最小要求',
    }
    const v1Blank = {
      ...v1Fail,
      checkId: 'ramp.landing-length',
      verdict: 'needs-review',
      explanation: '尚未填写：平台水平长度',
      missing: ['landingLength'],
    }
    db.prepare(`UPDATE inspections SET catalog_version = '1.0.0' WHERE id = ?`).run(insp.id)
    db.prepare(`UPDATE check_values SET result_json = ? WHERE element_id = ? AND check_id = ?`).run(
      JSON.stringify(v1Fail),
      elementId,
      'ramp.clear-width',
    )
    db.prepare(
      `INSERT INTO check_values (element_id, check_id, inputs_json, result_json, verdict, confirmed_finding, note, updated_at)
       VALUES (?, 'ramp.landing-length', '{}', ?, 'needs-review', 0, NULL, '2026-11-20T00:00:00.000Z')`,
    ).run(elementId, JSON.stringify(v1Blank))

    const loaded = await t.call('inspections:get', { id: insp.id })
    expect(loaded.catalogVersion).toBe('1.0.0')
    const checks = loaded.elements[0]!.checks
    expect(checks['ramp.clear-width']?.result).toMatchObject({
      verdict: 'fail',
      explanation: '通行净宽 1.19 m，小于 1.20 m 的最小要求',
    })
    expect(checks['ramp.landing-length']?.result).toMatchObject({
      verdict: 'not-entered',
      missing: ['landingLength'],
    })

    // a correction of the old inspection writes its findings through the same writer: no superseded clause
    const revision = await t.call('inspections:revise', { id: insp.id })
    const submitted = await t.call('inspections:submit', { id: revision.id, baseVersion: revision.version })
    const findings = await t.call('findings:list', { inspectionId: submitted.id })
    expect(findings.map((f) => f.clauses)).toEqual([
      [{ code: 'GB 55019-2021', clause: '2.3.2', mandatory: true }],
    ])
  })
})

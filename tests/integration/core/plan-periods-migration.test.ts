import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../electron/core/db/open-database'
import { migrations } from '../../../electron/core/db/migrations/index'
import { listPlans } from '../../../electron/core/reports/plans-service'
import { makeTempDir } from '../../support/temp-dir'

/** Migration 0009-plan-periods: the 十四五 plan as reported before, and the 十五五 plan with no targets yet. */

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = makeTempDir()))
afterEach(() => cleanup())

/** The version just before it, found by name so a renumbering at merge keeps this test on the right step. */
const before = migrations.find((m) => m.name === 'plan-periods')!.version - 1

describe('migration 0009-plan-periods', () => {
  it('seeds 十四五 with its targets and 十五五 unpublished, keeping recorded figures', () => {
    const old = openDatabase(dir, { targetVersion: before })
    old
      .prepare(
        "INSERT INTO indicator_entries (indicator_id, year, value, updated_at) VALUES ('home-modifications', 2024, 90, 'x')",
      )
      .run()
    old.close()
    const db = openDatabase(dir)
    const [fourteenth, fifteenth] = listPlans(db)
    expect(fourteenth).toMatchObject({
      shortName: '十四五',
      name: '乌达区“十四五”残疾人事业发展规划',
      startYear: 2021,
      endYear: 2025,
      published: true,
    })
    expect(fourteenth!.indicators.map((i) => [i.indicatorId, i.target, i.targetValue])).toEqual([
      ['home-modifications', '≥362', 362],
      ['public-facilities-rectified', null, null],
      ['items-verified', null, null],
      ['portals-passing', '全部达标', null],
      ['audible-signals-rectified', null, null],
    ])
    expect(fifteenth).toMatchObject({ shortName: '十五五', startYear: 2026, endYear: 2030, published: false })
    // No figure is invented for a plan that was not published: every target is empty (shown as 待发布).
    expect(fifteenth!.indicators.every((i) => i.target === null && i.targetValue === null)).toBe(true)
    expect(db.prepare('SELECT value FROM indicator_entries WHERE year = 2024').pluck().get()).toBe(90)
    db.close()
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../../../electron/core/db/open-database'
import { openCore, type Core } from '../../../electron/core/open-core'
import type { InputOf, OperationName, OutputOf } from '../../../shared/api/contract'
import { makeTempDir } from '../../support/temp-dir'

/**
 * Migration 7 (element-measurements) from every version that had inspections: values typed into each check before
 * "measure once" keep their records and results, and read as the facility's one value where the checks agree.
 */

let dir: string
let cleanup: () => void
let core: Core | undefined
beforeEach(() => ({ dir, cleanup } = makeTempDir()))
afterEach(() => {
  core?.close()
  core = undefined
  cleanup()
})

const rise = (value: number) => ({ value, unit: 'mm' })
const sha = 'b'.repeat(64)

/** A draft inspection as versions 2–5 stored it: two ramps, values typed check by check, a facility photo. */
function seedOldDraft(db: Db): void {
  db.exec(`
    INSERT INTO units (name, kind, created_at, updated_at) VALUES ('测试单位', 'government', 'x', 'x');
    INSERT INTO places (name, type, unit_id, created_at, updated_at) VALUES ('测试场所', 'park', 1, 'x', 'x');
    INSERT INTO inspections (place_id, inspected_on, inspectors, catalog_id, catalog_version, created_at, updated_at)
      VALUES (1, '2026-11-01', '张三', 'cn-gb55019-gb50763', '1.0.0', 'x', 'x');
    INSERT INTO inspection_elements (inspection_id, category, label, position) VALUES (1, 'ramp', '北门坡道', 1);
    INSERT INTO inspection_elements (inspection_id, category, label, position) VALUES (1, 'ramp', '南门坡道', 2);
    INSERT INTO photos (sha256, ext, mime_type, byte_size, width, height, original_name, created_at)
      VALUES ('${sha}', 'jpg', 'image/jpeg', 1, 1, 1, '北门坡道.jpg', 'x');
    INSERT INTO element_photos (element_id, sha256, caption, position) VALUES (1, '${sha}', '全景', 1);
  `)
  const check = db.prepare(
    `INSERT INTO check_values (element_id, check_id, inputs_json, result_json, verdict, updated_at)
     VALUES (?, ?, ?, ?, ?, 'x')`,
  )
  // 北门坡道: rise typed in two checks, alike. 南门坡道: typed differently (the defect measure-once removes).
  check.run(
    1,
    'ramp.slope',
    '{"rise":{"value":300,"unit":"mm"},"run":{"value":3600,"unit":"mm"}}',
    '{"v":1}',
    'pass',
  )
  check.run(1, 'ramp.rise-per-run', '{"rise":{"value":300,"unit":"mm"}}', '{"v":2}', 'needs-review')
  check.run(
    2,
    'ramp.slope',
    '{"rise":{"value":300,"unit":"mm"},"run":{"value":3600,"unit":"mm"}}',
    null,
    'pass',
  )
  check.run(2, 'ramp.rise-per-run', '{"rise":{"value":310,"unit":"mm"}}', null, 'needs-review')
}

function dispatch(): <N extends OperationName>(name: N, input: InputOf<N>) => Promise<OutputOf<N>> {
  const run = core!.dispatch('cli')
  return async (name, input) => {
    const result = await run(name, input)
    if (!result.ok) throw new Error(result.error.message)
    return result.data as never
  }
}

describe('migration 7: measure once per facility', () => {
  for (const from of [2, 3, 4, 5, 6]) {
    it(`upgrades a draft saved at version ${from}: records untouched, agreeing values read as one`, async () => {
      const old = openDatabase(dir, { targetVersion: from })
      seedOldDraft(old)
      const before = old.prepare('SELECT * FROM check_values ORDER BY element_id, check_id').all()
      old.close()

      core = openCore(dir, 'test')
      const db = core.ctx.db
      const after = db.prepare('SELECT * FROM check_values ORDER BY element_id, check_id').all() as Array<
        Record<string, unknown>
      >
      // The columns the draft had keep their values; later migrations' columns (carried_json here, the global
      // identity of 0010) are new.
      const kept = Object.keys((before[0] ?? {}) as object)
      expect(after.every((row) => row.carried_json === '[]')).toBe(true)
      expect(after.map((row) => Object.fromEntries(kept.map((k) => [k, row[k]])))).toEqual(before)
      expect(db.prepare('SELECT check_id FROM element_photos').pluck().get()).toBeNull()
      expect(db.prepare('SELECT COUNT(*) FROM element_values').pluck().get()).toBe(0)

      const call = dispatch()
      const insp = await call('inspections:get', { id: 1 })
      const [north, south] = insp.elements
      expect(north!.measurements).toEqual({ rise: rise(300), run: rise(3600) })
      expect(north!.measurementConflicts).toEqual([])
      expect(north!.photos[0]).toMatchObject({ caption: '全景', checkId: null })
      expect(north!.checks['ramp.slope']).toMatchObject({ carried: [] })
      // 南门坡道: the two rises differ; neither is chosen for the inspector.
      expect(south!.measurements).toEqual({ run: rise(3600) })
      expect(south!.measurementConflicts).toEqual([
        {
          inputId: 'rise',
          values: [
            { checkId: 'ramp.slope', value: rise(300) },
            { checkId: 'ramp.rise-per-run', value: rise(310) },
          ],
        },
      ])

      // Typing the one value settles it: every check of the ramp is judged with it.
      const saved = await call('inspections:saveMeasurements', {
        elementId: south!.id,
        baseVersion: insp.version,
        values: { rise: rise(300) },
      })
      const settled = saved.elements[1]!
      expect(settled.measurementConflicts).toEqual([])
      expect(settled.measurements).toEqual({ rise: rise(300), run: rise(3600) })
      expect(settled.checks['ramp.slope']!.inputs).toEqual({ rise: rise(300), run: rise(3600) })
      expect(settled.checks['ramp.rise-per-run']!.inputs).toEqual({ rise: rise(300), run: rise(3600) })
      expect(settled.checks['ramp.rise-per-run']!.result?.verdict).toBe('pass')
    })
  }
})

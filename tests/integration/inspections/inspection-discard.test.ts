import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Inspection } from '../../../shared/domain/inspections'
import { openTestCore, type TestCore } from '../../support/test-core'
import { submitWithRamp } from './submit-with-ramp'

let t: TestCore
let placeId: number

beforeEach(async () => {
  t = openTestCore()
  placeId = (await t.call('places:create', { name: '区体育馆', type: 'cultural-venue' })).id
})
afterEach(() => t.close())

async function draftWithPhoto(inspectedOn: string): Promise<Inspection> {
  let insp = await t.call('inspections:create', { placeId, inspectedOn, inspectors: '张三' })
  insp = await t.call('inspections:addElement', {
    inspectionId: insp.id,
    baseVersion: insp.version,
    category: 'ramp',
    label: '北门坡道',
  })
  const jpeg = await sharp({ create: { width: 32, height: 24, channels: 3, background: '#5a8cc8' } })
    .jpeg()
    .toBuffer()
  insp = await t.call('inspections:attachPhoto', {
    elementId: insp.elements[0]!.id,
    baseVersion: insp.version,
    fileName: '北门坡道.jpg',
    dataBase64: jpeg.toString('base64'),
  })
  return t.call('inspections:saveMeasurements', {
    elementId: insp.elements[0]!.id,
    baseVersion: insp.version,
    values: { rise: { value: 300, unit: 'mm' } },
  })
}

describe('放弃草稿: discarding a draft inspection', () => {
  it('removes the draft and its values; the place, the photo file and every other inspection stay', async () => {
    const submitted = await submitWithRamp(
      t,
      await t.call('inspections:create', { placeId, inspectedOn: '2026-06-01', inspectors: '李四' }),
    )
    const draft = await draftWithPhoto('2026-11-20')
    const sha = draft.elements[0]!.photos[0]!.sha256
    const result = await t.call('inspections:discard', { id: draft.id, baseVersion: draft.version })
    expect(result).toEqual({ id: draft.id, placeName: '区体育馆' })
    expect((await t.fail('inspections:get', { id: draft.id })).code).toBe('NOT_FOUND')
    expect((await t.call('inspections:list', {})).map((i) => i.id)).toEqual([submitted.id])
    const db = t.core.ctx.db
    for (const table of ['inspection_elements', 'check_values', 'element_values', 'element_photos'])
      expect(
        db
          .prepare(
            `SELECT COUNT(*) FROM ${table} WHERE ${table === 'inspection_elements' ? 'inspection_id' : 'element_id'} = ?`,
          )
          .pluck()
          .get(table === 'inspection_elements' ? draft.id : draft.elements[0]!.id),
        table,
      ).toBe(0)
    expect(db.prepare('SELECT COUNT(*) FROM photos WHERE sha256 = ?').pluck().get(sha)).toBe(1)
    expect(
      fs.readdirSync(path.join(t.dir, 'photos'), { recursive: true }).some((f) => String(f).includes(sha)),
    ).toBe(true)
    expect((await t.call('places:get', { id: placeId })).name).toBe('区体育馆')
    expect(await t.call('findings:list', { inspectionId: submitted.id })).not.toEqual([])
  })

  it('never discards a submitted inspection, nor on a stale version', async () => {
    const submitted = await submitWithRamp(
      t,
      await t.call('inspections:create', { placeId, inspectedOn: '2026-06-01', inspectors: '李四' }),
    )
    const refused = await t.fail('inspections:discard', { id: submitted.id, baseVersion: submitted.version })
    expect(refused).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('已提交') })
    const draft = await draftWithPhoto('2026-11-20')
    const stale = await t.fail('inspections:discard', { id: draft.id, baseVersion: draft.version - 1 })
    expect(stale).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('其他窗口') })
    expect((await t.call('inspections:get', { id: draft.id })).version).toBe(draft.version)
  })
})

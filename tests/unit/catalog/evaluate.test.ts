import { describe, expect, it } from 'vitest'
import { cnGbCatalog, evaluateCheck, findCheck } from '../../../shared/catalog/index'
import { cm, count, m, mm, ratio } from './cases/build'

function errorsOf(checkId: string, inputs: Record<string, unknown>) {
  const r = evaluateCheck(checkId, inputs)
  if (r.ok) throw new Error(`expected input errors, got ${r.result.verdict}`)
  return r.errors
}

function resultOf(checkId: string, inputs: Record<string, unknown>) {
  const r = evaluateCheck(checkId, inputs)
  if (!r.ok) throw new Error(JSON.stringify(r.errors))
  return r.result
}

describe('absurd input is an error with the plausible range', () => {
  it('negative rise', () => {
    expect(errorsOf('ramp.slope', { rise: mm(-10), run: mm(1000) })).toEqual([
      { inputId: 'rise', message: '高差 须在 0–3000 mm 之间（输入值为 -10 mm）' },
    ])
  })

  it('zero run', () => {
    expect(errorsOf('ramp.slope', { rise: mm(100), run: mm(0) })).toEqual([
      { inputId: 'run', message: '水平长度 须在 100–60000 mm 之间（输入值为 0 mm）' },
    ])
  })

  it('30 m rise, stated in the typed unit and in mm', () => {
    expect(errorsOf('ramp.rise-per-run', { rise: m(30) })).toEqual([
      { inputId: 'rise', message: '高差 须在 0–3000 mm 之间（输入值为 30 m，即 30000 mm）' },
    ])
  })

  it('reports every bad field at once', () => {
    const errors = errorsOf('ramp.slope', { rise: m(30), run: mm(0) })
    expect(errors.map((e) => e.inputId)).toEqual(['rise', 'run'])
  })

  it('non-number values', () => {
    expect(errorsOf('ramp.clear-width', { width: { value: 'wide', unit: 'mm' } })[0]!.message).toBe(
      '通行净宽 须为数值',
    )
    expect(errorsOf('ramp.clear-width', { width: { value: Number.NaN, unit: 'mm' } })[0]!.message).toBe(
      '通行净宽 须为数值',
    )
    expect(errorsOf('ramp.clear-width', { width: 1200 })[0]!.message).toBe('通行净宽 须为带单位的数值')
    expect(errorsOf('ramp.clear-width', { width: true })[0]!.inputId).toBe('width')
  })

  it('a unit the input does not accept', () => {
    expect(errorsOf('ramp.clear-width', { width: { value: 1200, unit: 'inch' } })[0]!.message).toBe(
      '通行净宽 的单位须为 毫米、厘米、米 之一',
    )
    expect(errorsOf('ramp.cross-slope', { crossSlope: mm(2) })[0]!.message).toMatch(/%、度、坡比/)
  })

  it('impossible gradient readings', () => {
    expect(errorsOf('ramp.cross-slope', { crossSlope: ratio(1) })[0]!.message).toBe(
      '横向坡度 须在 0–50% 之间（输入值为 1:1，即 100%）',
    )
    expect(errorsOf('ramp.cross-slope', { crossSlope: ratio(0) })[0]!.message).toMatch(/无法换算/)
    expect(errorsOf('ramp.cross-slope', { crossSlope: { value: -1, unit: '%' } })[0]!.inputId).toBe(
      'crossSlope',
    )
  })

  it('rise and run that give a slope steeper than 1:2', () => {
    expect(errorsOf('ramp.slope', { rise: mm(600), run: mm(1000) })[0]!.message).toMatch(
      /须在 0–50% 之间.*60%/,
    )
  })

  it('wrong yes/no and choice values', () => {
    expect(errorsOf('ramp.edge-protection', { openSide: 'yes' })[0]!.message).toBe(
      '坡道是否有临空侧 须为“是”或“否”',
    )
    expect(errorsOf('door.clear-width', { width: mm(900), project: 'rebuild' })[0]!.message).toBe(
      '工程类型 须为以下选项之一：新建、扩建、既有建筑改造',
    )
  })

  it('counts must be whole numbers', () => {
    expect(
      errorsOf('lift.provision', { publicWithLifts: true, accessibleLifts: count(1.5) })[0]!.message,
    ).toBe('无障碍电梯数量 须为整数')
  })

  it('cross-field plausibility', () => {
    expect(
      errorsOf('parking.count', { total: count(10), accessible: count(11), setting: 'general' }),
    ).toEqual([{ inputId: 'accessible', message: '无障碍停车位数量 不能多于 停车位总数' }])
    expect(errorsOf('handrail.height', { upperHeight: mm(700), lowerHeight: mm(800) })[0]!.inputId).toBe(
      'lowerHeight',
    )
  })

  it('unknown check or catalog', () => {
    expect(errorsOf('ramp.nope', {})).toEqual([{ inputId: null, message: '未知的检查项：ramp.nope' }])
    const r = evaluateCheck('ramp.slope', {}, { catalogId: 'us-ada-2010' })
    expect(r).toEqual({ ok: false, errors: [{ inputId: null, message: '未知的检查目录：us-ada-2010' }] })
  })
})

describe('blank input gives not-entered (未填写), not an error', () => {
  it('lists all blank fields', () => {
    const r = resultOf('ramp.clear-width', {})
    expect(r.verdict).toBe('not-entered')
    expect(r.explanation).toBe('尚未填写：通行净宽')
    expect(r.missing).toEqual(['width'])
  })

  it('treats null and empty string as blank', () => {
    const r = resultOf('door.pull-bars', { barHeight: null, bothFaces: '' })
    expect(r.explanation).toBe('尚未填写：拉手操作部位高度、门扇两面是否均设拉手')
  })

  it('names alternative input sets', () => {
    const r = resultOf('ramp.slope', { rise: mm(100) })
    expect(r.explanation).toBe('尚未填写：水平长度（或改为填写：坡度读数）')
  })

  it('is not-applicable when appliesWhen already decides, even with blanks', () => {
    expect(resultOf('ramp.handrails', { rise: mm(250) }).verdict).toBe('not-applicable')
  })

  it('is not-entered when applicability cannot be decided yet', () => {
    const r = resultOf('ramp.edge-protection', {})
    expect(r.verdict).toBe('not-entered')
    expect(r.missing).toEqual(['openSide', 'barrier'])
  })

  it('ignores keys the check does not define', () => {
    expect(resultOf('ramp.clear-width', { width: mm(1300), somethingElse: 'x' }).verdict).toBe('pass')
  })
})

describe('result shape', () => {
  it('carries catalog, severity, clauses and zh-CN explanation', () => {
    const r = resultOf('ramp.slope', { rise: mm(100), run: mm(900) })
    expect(r).toMatchObject({
      checkId: 'ramp.slope',
      catalogId: cnGbCatalog.id,
      catalogVersion: cnGbCatalog.version,
      verdict: 'fail',
      severity: 'critical',
      clauses: [{ code: 'GB 55019-2021', clause: '2.3.1', mandatory: true }],
    })
    expect(r.explanation).toBe('坡度 1:9（11.11%），超过 1:12 的最大允许坡度，也陡于受限条件下的 1:10')
  })

  it('returns copies of the clauses', () => {
    const r = resultOf('ramp.clear-width', { width: cm(130) })
    r.clauses[0]!.clause = 'changed'
    expect(findCheck('ramp.clear-width')!.clauses[0]!.clause).toBe('2.3.2')
  })

  it('is deterministic', () => {
    const inputs = { total: count(250), accessible: count(3), setting: 'square-park' }
    expect(evaluateCheck('parking.count', inputs)).toEqual(evaluateCheck('parking.count', inputs))
  })
})

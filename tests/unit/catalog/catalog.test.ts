import { describe, expect, it } from 'vitest'
import {
  catalogs,
  catalogToJson,
  categories,
  categoriesForCatalog,
  checksForCategory,
  cnGbCatalog,
  DEFAULT_CATALOG_ID,
  findCheck,
  formatCatalogTable,
  formatClause,
  getCatalog,
  runCheck,
  type Catalog,
  type CheckDefinition,
} from '../../../shared/catalog/index'

const HAN = /[\u4e00-\u9fff]/
const checks = cnGbCatalog.checks

describe('catalog integrity', () => {
  it('has a version and is registered as the default', () => {
    expect(cnGbCatalog.version).toMatch(/^\d+\.\d+\.\d+$/)
    expect(DEFAULT_CATALOG_ID).toBe(cnGbCatalog.id)
    expect(catalogs[DEFAULT_CATALOG_ID]).toBe(cnGbCatalog)
    expect(getCatalog()).toBe(cnGbCatalog)
    expect(getCatalog('toString')).toBeUndefined()
  })

  it('has unique, stable-looking check ids prefixed by their category', () => {
    const ids = checks.map((c) => c.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const c of checks) expect(c.id).toMatch(new RegExp(`^${c.category}\\.[a-z0-9]+(-[a-z0-9]+)*$`))
  })

  it('gives every check a zh-CN title and requirement, a severity and at least one clause', () => {
    for (const c of checks) {
      expect(c.title, c.id).toMatch(HAN)
      expect(c.requirement, c.id).toMatch(HAN)
      expect(['critical', 'major', 'minor']).toContain(c.severity)
      expect(c.clauses.length, c.id).toBeGreaterThan(0)
      expect(c.inputs.length, c.id).toBeGreaterThan(0)
    }
  })

  it('marks exactly the GB 55019 clauses as mandatory', () => {
    for (const c of checks)
      for (const cl of c.clauses) {
        expect(cl.mandatory, `${c.id} ${cl.code} ${cl.clause}`).toBe(cl.code === 'GB 55019-2021')
        expect(cl.mandatory).toBe(cl.level === 'M')
        expect(cl.clause).toMatch(/^\d+(\.\d+)+(–\d+(\.\d+)+)?$/)
        if (cl.supersededBy) expect(cl.supersededBy).toMatch(/^GB 55019-2021 \d/)
      }
  })

  it('gives every check at least one clause that is not superseded', () => {
    for (const c of checks)
      expect(
        c.clauses.some((cl) => !cl.supersededBy),
        c.id,
      ).toBe(true)
  })

  it('gives every input a zh-CN label and a range or options', () => {
    for (const c of checks) {
      const ids = c.inputs.map((i) => i.id)
      expect(new Set(ids).size, c.id).toBe(ids.length)
      for (const i of c.inputs) {
        expect(i.label, `${c.id}.${i.id}`).toMatch(HAN)
        if (i.kind === 'boolean') continue
        if (i.kind === 'choice') {
          expect(i.options.length).toBeGreaterThan(1)
          for (const o of i.options) expect(o.label).toMatch(/[\u4e00-\u9fffⅠ-Ⅳ]/)
          continue
        }
        expect(Number.isFinite(i.min) && Number.isFinite(i.max), `${c.id}.${i.id}`).toBe(true)
        expect(i.min).toBeLessThan(i.max)
        expect(i.allowedUnits).toContain(i.unit)
        if (i.kind === 'length') expect([...i.allowedUnits].sort()).toEqual(['cm', 'm', 'mm'])
        if (i.kind === 'gradient') expect([...i.allowedUnits].sort()).toEqual(['%', 'deg', 'ratio'])
      }
    }
  })

  it('only names existing inputs in alternative sets', () => {
    for (const c of checks)
      for (const set of c.requires ?? [])
        for (const id of set)
          expect(
            c.inputs.map((i) => i.id),
            c.id,
          ).toContain(id)
  })

  it('uses every catalog category and no other', () => {
    const used = new Set(checks.map((c) => c.category))
    expect([...used].sort()).toEqual([...cnGbCatalog.categories].sort())
  })
})

describe('clause references match the reference fact sheet', () => {
  const cite = (id: string) =>
    findCheck(id)!.clauses.map((c) => `${c.code} ${c.clause}${c.item ? `#${c.item}` : ''}`)
  it.each([
    ['ramp.slope', ['GB 55019-2021 2.3.1']],
    ['ramp.clear-width', ['GB 55019-2021 2.3.2', 'GB 50763-2012 3.4.2']],
    ['ramp.landing-length', ['GB 55019-2021 2.3.3', 'GB 50763-2012 3.4.6']],
    ['ramp.handrails', ['GB 55019-2021 2.3.4', 'GB 50763-2012 3.4.3']],
    ['ramp.edge-protection', ['GB 55019-2021 2.3.5', 'GB 50763-2012 3.4.7']],
    ['curb-ramp.lip', ['GB 55019-2021 2.10.2', 'GB 50763-2012 3.1.1']],
    [
      'curb-ramp.slope',
      ['GB 55019-2021 2.10.4', 'GB 50763-2012 3.1.2#1', 'GB 50763-2012 3.1.2#2', 'GB 50763-2012 3.1.2#3'],
    ],
    ['curb-ramp.top-landing', ['GB 55019-2021 2.10.6']],
    ['curb-ramp.warning-strip', ['GB 55019-2021 2.10.3']],
    ['tactile-directional.continuity', ['GB 55019-2021 2.11.1', 'GB 55019-2021 2.11.2']],
    ['tactile-directional.bar-height', ['GB 50763-2012 3.2.1', 'GB 50763-2012 3.2.2']],
    ['tactile-warning.stair-offset', ['GB 50763-2012 3.6.1#7', 'GB 55019-2021 2.7.1']],
    ['audible-signal.provision', ['GB 50763-2012 4.3.1#3', 'GB 55019-2021 4.0.8']],
    ['entrance.lobby-depth', ['GB 55019-2021 2.5.7', 'GB 50763-2012 3.3.2']],
    ['route.grating', ['GB 55019-2021 2.2.4', 'GB 50763-2012 3.5.2', 'GB 50763-2012 3.3.2']],
    ['door.threshold', ['GB 55019-2021 2.5.3', 'GB 50763-2012 3.5.3#7']],
    ['door.clear-width', ['GB 55019-2021 2.5.4#1', 'GB 50763-2012 3.5.3#3']],
    ['door.opening-force', ['GB 55019-2021 2.5.4#3']],
    ['door.closer-time', ['GB 55019-2021 2.5.8']],
    ['handrail.height', ['GB 55019-2021 2.8.1', 'GB 50763-2012 3.8.1']],
    ['handrail.extension', ['GB 55019-2021 2.8.3', 'GB 50763-2012 3.8.2', 'GB 50763-2012 3.8.3']],
    ['lift.provision', ['GB 55019-2021 2.6.4']],
    ['lift.car-size', ['GB 55019-2021 2.6.2']],
    ['toilet-stall.size', ['GB 50763-2012 3.9.2#1', 'GB 55019-2021 3.2.2']],
    ['toilet-room.area', ['GB 50763-2012 3.9.3#2', 'GB 55019-2021 3.2.3']],
    ['toilet-room.call-button', ['GB 55019-2021 3.1.4', 'GB 50763-2012 3.9.3#10']],
    ['toilet-fixture.urinal-rim', ['GB 50763-2012 3.9.4#1', 'GB 55019-2021 3.1.9']],
    [
      'parking.count',
      [
        'GB 55019-2021 2.9.5',
        'GB 50763-2012 8.1.2',
        'GB 50763-2012 7.3.3',
        'GB 50763-2012 5.2.1',
        'GB 50763-2012 6.2.1',
        'GB 50763-2012 8.10.2',
      ],
    ],
    ['parking.aisle', ['GB 55019-2021 2.9.2', 'GB 50763-2012 3.14.3']],
    ['parking.slope', ['GB 55019-2021 2.9.3', 'GB 50763-2012 3.14.2']],
    ['counter.height', ['GB 55019-2021 3.6.4', 'GB 50763-2012 3.15.2']],
    ['signage.presence', ['GB 55019-2021 4.0.3']],
  ])('%s', (id, expected) => {
    expect(cite(id)).toEqual(expected)
  })

  it('formats a clause for display', () => {
    expect(formatClause(findCheck('door.clear-width')!.clauses[0]!)).toBe('GB 55019-2021 第2.5.4条第1款')
  })
})

describe('categories', () => {
  it('are ordered and labelled in zh-CN', () => {
    const orders = categories.map((c) => c.order)
    expect(orders).toEqual([...orders].sort((a, b) => a - b))
    expect(categories.find((c) => c.id === 'curb-ramp')!.label).toBe('缘石坡道')
    expect(categories.find((c) => c.id === 'parking')!.label).toBe('无障碍机动车停车位')
    for (const c of categories) expect(c.label).toMatch(HAN)
  })

  it('lists checks per category in catalog order', () => {
    const ramps = checksForCategory(DEFAULT_CATALOG_ID, 'ramp')
    expect(ramps.map((c) => c.id)).toEqual(checks.filter((c) => c.category === 'ramp').map((c) => c.id))
    expect(ramps[0]!.id).toBe('ramp.slope')
    expect(checksForCategory(DEFAULT_CATALOG_ID, 'nope')).toEqual([])
    expect(checksForCategory('nope', 'ramp')).toEqual([])
    for (const cat of categoriesForCatalog())
      expect(checksForCategory(DEFAULT_CATALOG_ID, cat.id).length).toBeGreaterThan(0)
  })
})

describe('catalogToJson', () => {
  const json = catalogToJson(cnGbCatalog)

  it('is JSON round-trippable (no functions, no undefined)', () => {
    expect(JSON.parse(JSON.stringify(json))).toStrictEqual(json)
  })

  it('describes checks, inputs with units and ranges, clauses and severity', () => {
    expect(json.version).toBe(cnGbCatalog.version)
    expect(json.checks).toHaveLength(checks.length)
    const slope = json.checks.find((c) => c.id === 'ramp.slope')!
    expect(slope.severity).toBe('critical')
    expect(slope.categoryLabel).toBe('轮椅坡道')
    expect(slope.requires).toEqual([['rise', 'run'], ['gradient']])
    expect(slope.inputs[0]).toEqual({
      id: 'rise',
      label: '高差',
      kind: 'length',
      optional: true,
      hint: '本段起点与终点之间的垂直高差',
      unit: 'mm',
      unitLabel: '毫米',
      allowedUnits: ['mm', 'cm', 'm'],
      min: 0,
      max: 3000,
      step: 1,
    })
    expect(json.checks.find((c) => c.id === 'ramp.handrails')!.appliesWhen).toBe(
      '高差大于 300 mm 且坡度陡于 1:20',
    )
  })

  it('documents the verdict rules as data: context inputs, leniency, deferrals, limits and tolerances', () => {
    const slope = json.checks.find((c) => c.id === 'ramp.slope')!
    expect(slope.inputs.find((i) => i.id === 'constrained')).toMatchObject({ context: true })
    expect(slope.leniency).toEqual({ constrained: [true, false] })
    expect(json.checks.find((c) => c.id === 'ramp.rise-per-run')!.defersTo).toEqual([
      { checkId: 'ramp.slope', what: expect.stringContaining('150 mm') },
    ])
    expect(json.checks.find((c) => c.id === 'ramp.clear-width')!.limits).toEqual([
      { input: 'width', min: 1200 },
    ])
    expect(json.tolerances).toContainEqual({
      unit: 'deg',
      amount: 0.1,
      in: 'deg',
      source: '坡度仪读数 ±0.1°',
    })
    expect(json.checks.find((c) => c.id === 'tactile-directional.bar-height')!.inputs[0]!.tolerance).toEqual({
      amount: 0.1,
      source: '卡尺或深度尺读数 ±0.1 mm',
    })
  })
})

describe('formatCatalogTable', () => {
  const table = formatCatalogTable(cnGbCatalog)

  it('lists every check with its category, inputs and clauses', () => {
    for (const c of checks) expect(table).toContain(c.id)
    expect(table).toContain(`版本 ${cnGbCatalog.version}`)
    expect(table).toContain('★GB 55019-2021 第2.3.1条')
    expect(table).toContain(' GB 50763-2012 第3.4.2条（已取代）')
    expect(table).toContain('高差（mm/cm/m；0–3000 mm')
    expect(table).toContain('坡度读数（%/°/1:n；0–50%')
    expect(table).toContain('场地条件是否受限（是/否，选填，适用情形）')
    expect(table).toContain('测量误差：长度测量 ±1 mm；坡度读数 ±0.1%；坡度仪读数 ±0.1°')
    expect(table).toContain('（坡度是否允许')
  })

  it('aligns columns', () => {
    const lines = table
      .split('\n')
      .filter((l) => l.startsWith('ramp.slope ') || l.startsWith('door.threshold '))
    expect(lines).toHaveLength(2)
    const sep = (l: string) => l.indexOf(' | ')
    expect(sep(lines[0]!)).toBe(sep(lines[1]!))
  })
})

describe('a second catalog needs no engine change', () => {
  const adaRamp: CheckDefinition = {
    ...findCheck('ramp.cross-slope')!,
    id: 'ramp.cross-slope',
    clauses: [{ code: 'ADA 2010', clause: '405.3', mandatory: true, level: 'M', confidence: 'high' }],
    evaluate: (ctx) => {
      const ok = ctx.num('crossSlope') <= 100 / 48
      return { verdict: ok ? 'pass' : 'fail', explanation: ok ? 'cross slope ≤ 1:48' : 'cross slope > 1:48' }
    },
  }
  const ada: Catalog = {
    ...cnGbCatalog,
    id: 'us-ada-2010',
    name: 'ADA 2010',
    version: '0.0.1',
    checks: [adaRamp],
  }

  it('evaluates checks of another catalog object through runCheck', () => {
    const r = runCheck(ada, adaRamp, { crossSlope: { value: 2.05, unit: '%' } })
    expect(r).toMatchObject({ ok: true, result: { catalogId: 'us-ada-2010', verdict: 'pass' } })
    const cn = runCheck(cnGbCatalog, findCheck('ramp.cross-slope')!, {
      crossSlope: { value: 2.2, unit: '%' },
    })
    expect(cn).toMatchObject({ ok: true, result: { verdict: 'fail' } })
  })
})

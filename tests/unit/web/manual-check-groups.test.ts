import { describe, expect, it } from 'vitest'
import {
  groupManualChecks,
  manualAnswerNeedsNote,
  manualCheckGroupOf,
  manualCheckGroups,
  manualChecks,
  manualProgress,
} from '../../../shared/web/manual-checks'

const ids = (checks: ReadonlyArray<{ id: string }>) => checks.map((c) => c.id)

describe('manualCheckGroupOf', () => {
  it('puts a WCAG check under its principle, 1.4.10 and 4.1.3 included', () => {
    const of = (id: string) => manualCheckGroupOf(manualChecks.find((c) => c.id === id)!)
    expect([
      of('wcag-1.1.1'),
      of('wcag-1.4.10'),
      of('wcag-2.5.8'),
      of('wcag-3.3.8'),
      of('wcag-4.1.3'),
    ]).toEqual(['perceivable', 'perceivable', 'operable', 'understandable', 'robust'])
  })

  it('puts a GB/T 37668-only check under the principle of its clause section, and 适老化 checks apart', () => {
    const gbOnly = manualChecks.filter((c) => c.criterion === null && c.refs.gbt37668.length > 0)
    expect(Object.fromEntries(gbOnly.map((c) => [c.id, manualCheckGroupOf(c)]))).toEqual({
      'gb-3.3.2.2': 'operable',
      'gb-3.2.4.2': 'perceivable',
      'gb-3.3.4.2': 'operable',
      'gb-3.5.1.2': 'robust',
    })
    const ageing = manualChecks.filter((c) => manualCheckGroupOf(c) === 'ageing')
    expect(ageing.length).toBeGreaterThan(0)
    for (const c of ageing) expect(c).toMatchObject({ criterion: null, refs: { wcag: [], gbt37668: [] } })
  })

  it('reads the API item shape, where a check without an SC has criterion ""', () => {
    expect(manualCheckGroupOf({ criterion: '', refs: { gbt37668: ['3.5.1.2'] } })).toBe('robust')
    expect(manualCheckGroupOf({ criterion: '', refs: { gbt37668: [] } })).toBe('ageing')
    expect(manualCheckGroupOf({ criterion: '2.4.3', refs: { gbt37668: ['3.3.3.6'] } })).toBe('operable')
  })
})

describe('groupManualChecks', () => {
  it('keeps every check exactly once, groups in screen order, checks in their catalog order', () => {
    const grouped = groupManualChecks(manualChecks)
    expect(grouped.map((g) => g.group.id)).toEqual(manualCheckGroups.map((g) => g.id))
    expect(grouped.map((g) => g.group.titleZh)).toEqual([
      '可感知性',
      '可操作性',
      '可理解性',
      '兼容性',
      '适老化',
    ])
    expect(grouped.map((g) => g.items.length)).toEqual([21, 22, 13, 4, 7])
    const flat = grouped.flatMap((g) => ids(g.items))
    expect([...flat].sort()).toEqual(ids(manualChecks).sort())
    const order = (id: string) => ids(manualChecks).indexOf(id)
    for (const g of grouped) {
      const positions = g.items.map((c) => order(c.id))
      expect(positions).toEqual([...positions].sort((a, b) => a - b))
    }
  })

  it('leaves out empty groups', () => {
    const robustOnly = manualChecks.filter((c) => c.criterion?.startsWith('4.'))
    expect(groupManualChecks(robustOnly).map((g) => [g.group.id, g.items.length])).toEqual([['robust', 3]])
    expect(groupManualChecks([])).toEqual([])
  })
})

describe('manualProgress', () => {
  it('counts saved answers and fails', () => {
    expect(
      manualProgress([
        { status: null },
        { status: 'pass' },
        { status: 'fail' },
        { status: 'not-applicable' },
      ]),
    ).toEqual({ total: 4, answered: 3, failed: 1 })
    expect(manualProgress([])).toEqual({ total: 0, answered: 0, failed: 0 })
  })
})

describe('manualAnswerNeedsNote', () => {
  it('asks for a note on a fail only, and a blank note is no note', () => {
    expect(manualAnswerNeedsNote('fail', null)).toBe(true)
    expect(manualAnswerNeedsNote('fail', undefined)).toBe(true)
    expect(manualAnswerNeedsNote('fail', ' \n\t')).toBe(true)
    expect(manualAnswerNeedsNote('fail', '首页视频无字幕')).toBe(false)
    expect(manualAnswerNeedsNote('pass', null)).toBe(false)
    expect(manualAnswerNeedsNote('not-applicable', '')).toBe(false)
  })
})

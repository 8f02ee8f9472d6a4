import { booleanInput, combine, lengthInput, limitOutcome, missingOutcome } from '../check-helpers'
import { formatMetres, formatNumber, tidy } from '../units'
import type { CheckDefinition, CheckOutcome, DerivedValue } from '../types'
import { gb50763, gb55019 } from './clauses'
import { doorWidthClauses, doorWidthOutcome, projectInput } from './door-width'

const size: CheckDefinition = {
  id: 'toilet-stall.size',
  category: 'toilet-stall',
  title: '无障碍厕位尺寸',
  requirement: '无障碍厕位内部净尺寸不应小于 1.80 m × 1.00 m，宜做到 2.00 m × 1.50 m。',
  clauses: [
    gb50763('3.9.2', 'R', 'high', {
      item: '1',
      note: '不应小于 1.80 m × 1.00 m（应），宜为 2.00 m × 1.50 m（宜）',
    }),
    gb55019('3.2.2', 'low', { note: '条文数值未取得；部分资料引用 1.80 m × 1.50 m，未核实' }),
  ],
  severity: 'critical',
  inputs: [
    lengthInput('length', '厕位内部净长（较长边）', 500, 10000),
    lengthInput('width', '厕位内部净宽（较短边）', 500, 10000),
  ],
  evaluate: (ctx): CheckOutcome => {
    const long = Math.max(ctx.num('length'), ctx.num('width'))
    const short = Math.min(ctx.num('length'), ctx.num('width'))
    const area = tidy((long * short) / 1e6)
    const derived: DerivedValue[] = [
      { id: 'area', label: '厕位面积', value: area, unit: 'm2', display: `${formatNumber(area, 2)} m²` },
    ]
    const head = `厕位 ${formatMetres(long)} × ${formatMetres(short)}`
    if (long < 1800 || short < 1000)
      return { verdict: 'fail', explanation: `${head}，小于 1.80 m × 1.00 m 的最小尺寸`, derived }
    if (short < 1500)
      return {
        verdict: 'needs-review',
        explanation: `${head}，满足 GB 50763 的 1.80 m × 1.00 m，但宽度小于部分资料引用的 GB 55019 数值 1.50 m`,
        reasons: ['GB 55019-2021 第3.2.2条的厕位尺寸未取得（1.80 m × 1.50 m 为未核实的引用），需人工复核'],
        advisories: [`宜做到 2.00 m × 1.50 m`],
        derived,
      }
    const note = 'GB 55019-2021 第3.2.2条的厕位尺寸未取得，本结论依据 GB 50763 及未核实的 1.80 m × 1.50 m'
    if (long < 2000)
      return {
        verdict: 'pass',
        explanation: `${head}，不小于 1.80 m × 1.50 m；宜做到 2.00 m × 1.50 m`,
        reasons: [note],
        advisories: [`${head}，未达到建议的 2.00 m × 1.50 m`],
        derived,
      }
    return { verdict: 'pass', explanation: `${head}，不小于建议的 2.00 m × 1.50 m`, reasons: [note], derived }
  },
}

const door: CheckDefinition = {
  id: 'toilet-stall.door',
  category: 'toilet-stall',
  title: '无障碍厕位门',
  requirement:
    '厕位门通行净宽：新建、扩建不应小于 900 mm，既有建筑改造不应小于 800 mm；门宜向外开启，向内开启时厕位内仍应留有直径不小于 1.50 m 的轮椅回转空间。',
  clauses: [gb50763('3.9.2', 'R', 'high', { item: '2' }), ...doorWidthClauses],
  severity: 'critical',
  inputs: [
    lengthInput('width', '厕位门通行净宽', 300, 3000),
    projectInput,
    booleanInput('opensInward', '门是否向内开启'),
    booleanInput('turningKept', '门向内开启时厕位内是否仍有 1.50 m 回转空间', {
      optional: true,
      hint: '门向外开启时不填',
    }),
  ],
  evaluate: (ctx) => {
    const width = doorWidthOutcome(ctx, 'width', '厕位门通行净宽')
    if (!ctx.bool('opensInward')) return combine([width, { verdict: 'pass', explanation: '门向外开启' }])
    const kept = ctx.optBool('turningKept')
    if (kept === undefined) {
      if (width.verdict === 'fail') return width
      const lead = width.verdict === 'pass' ? `${width.explanation}；门向内开启` : '门向内开启'
      return missingOutcome(ctx, [...(width.missing ?? []), 'turningKept'], lead)
    }
    const swing: CheckOutcome =
      kept === false
        ? { verdict: 'fail', explanation: '门向内开启，且厕位内未留 1.50 m 回转空间' }
        : { verdict: 'pass', explanation: '门向内开启，厕位内仍留有 1.50 m 回转空间' }
    return combine([width, swing])
  },
}

const grabBars: CheckDefinition = {
  id: 'toilet-stall.grab-bars',
  category: 'toilet-stall',
  title: '坐便器两侧安全抓杆',
  requirement: '坐便器两侧均应设安全抓杆，水平抓杆长度不应小于 700 mm。',
  clauses: [
    gb50763('3.9.2', 'R', 'high', { item: '3' }),
    gb55019('3.1.8', 'low', {
      note: '两侧设抓杆（转移侧为可旋转水平抓杆、墙侧为 L 形抓杆）为中等可信度；数值未核实',
    }),
  ],
  severity: 'major',
  inputs: [
    booleanInput('bothSides', '坐便器两侧是否均设安全抓杆'),
    lengthInput('horizontalLength', '水平抓杆长度（较短者）', 0, 3000),
  ],
  evaluate: (ctx) =>
    combine([
      ctx.bool('bothSides')
        ? { verdict: 'pass', explanation: '坐便器两侧均设抓杆' }
        : { verdict: 'fail', explanation: '坐便器未在两侧设抓杆' },
      limitOutcome('水平抓杆长度', ctx.num('horizontalLength'), 'mm', { min: 700 }),
    ]),
}

const grabBarHeight: CheckDefinition = {
  id: 'toilet-stall.grab-bar-height',
  category: 'toilet-stall',
  title: '坐便器水平抓杆高度',
  requirement:
    '记录水平抓杆高度供复核：GB 50763 规定为 700 mm；GB 55019 第3.1.8条的数值未核实（候选：高出坐便器座面 250 mm）。',
  clauses: [
    gb50763('3.9.2', 'R', 'high', { item: '3', note: '水平抓杆距地面 700 mm' }),
    gb55019('3.1.8', 'low', { note: '候选数值（未核实）：抓杆顶面高出座面 250 mm' }),
  ],
  severity: 'minor',
  inputs: [
    lengthInput('barHeight', '水平抓杆高度', 300, 1500),
    lengthInput('seatHeight', '坐便器座面高度', 300, 700, { optional: true }),
  ],
  evaluate: (ctx) => {
    const bar = ctx.num('barHeight')
    const seat = ctx.optNum('seatHeight')
    const derived: DerivedValue[] = []
    let tail = ''
    if (seat !== undefined) {
      const above = tidy(bar - seat)
      derived.push({
        id: 'above-seat',
        label: '抓杆高出座面',
        value: above,
        unit: 'mm',
        display: `${formatNumber(above, 1)} mm`,
      })
      tail = `，高出座面 ${formatNumber(above, 1)} mm（候选值 250 mm）`
    }
    return {
      verdict: 'needs-review',
      explanation: `水平抓杆高度 ${formatNumber(bar, 1)} mm（GB 50763 为 700 mm）${tail}`,
      reasons: ['坐便器抓杆以 GB 55019-2021 第3.1.8条为准，其数值未核实（低可信度），需人工复核'],
      derived,
    }
  },
}

export const toiletStallChecks: readonly CheckDefinition[] = [size, door, grabBars, grabBarHeight]

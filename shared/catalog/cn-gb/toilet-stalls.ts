import {
  allOf,
  basisOf,
  booleanInput,
  judgeLimit,
  lengthInput,
  limitOutcome,
  toleranceReason,
  notConfirmed,
  yesNoOutcome,
} from '../check-helpers'
import { formatArea, formatMetres, formatNumber, tidy } from '../units'
import type { CheckDefinition, CheckOutcome, ClauseRef, DerivedValue, EvalContext } from '../types'
import { gb50763, gb55019 } from './clauses'
import { doorWidthClauses, doorWidthOutcome, projectInput, projectLeniency } from './door-width'

const sizeClause = gb50763('3.9.2', 'R', 'high', {
  item: '1',
  note: '不应小于 1.80 m × 1.00 m（应），宜为 2.00 m × 1.50 m（宜）',
})
const sizeCurrent = gb55019('3.2.2', 'low', {
  note: '“无障碍厕位应符合下列规定”；各款数值尚未与规范原文核对，常见引用为 1.80 m × 1.50 m',
})

const size: CheckDefinition = {
  id: 'toilet-stall.size',
  category: 'toilet-stall',
  title: '无障碍厕位尺寸',
  requirement: '无障碍厕位内部净尺寸不应小于 1.80 m × 1.00 m，宜做到 2.00 m × 1.50 m。',
  clauses: [sizeClause, sizeCurrent],
  severity: 'critical',
  inputs: [
    lengthInput('length', '厕位内部净长（较长边）', 500, 10000),
    lengthInput('width', '厕位内部净宽（较短边）', 500, 10000),
  ],
  evaluate: (ctx): CheckOutcome => {
    const by = [sizeClause]
    const minimum = '≥ 1.80 m × 1.00 m'
    // Either side below 1.00 m fails whatever the other side is (the short side is at most that side).
    const sides = [ctx.optReading('length'), ctx.optReading('width')]
    for (const side of sides)
      if (side !== undefined) {
        const o = limitOutcome('厕位一边', side, 'mm', { min: 1000, display: 'm', by })
        if (o.verdict === 'fail')
          return {
            ...o,
            explanation: `${o.explanation}（厕位不应小于 1.80 m × 1.00 m）`,
            basis: basisOf(by, minimum),
          }
      }
    const [a, b] = [ctx.reading('length'), ctx.reading('width')]
    const [long, short] = a.value >= b.value ? [a, b] : [b, a]
    const area = tidy((long.value * short.value) / 1e6)
    const derived: DerivedValue[] = [
      { id: 'area', label: '厕位面积', value: area, unit: 'm2', display: formatArea(area) },
    ]
    const head = `厕位 ${formatMetres(long.value)} × ${formatMetres(short.value)}`
    const longOk = judgeLimit('长边', long, 'mm', { min: 1800 })
    const shortOk = judgeLimit('短边', short, 'mm', { min: 1000 })
    if (!longOk.within || !shortOk.within) {
      const explanation = `${head}，小于 1.80 m × 1.00 m 的最小尺寸`
      const near = (longOk.within || longOk.nearMiss) && (shortOk.within || shortOk.nearMiss)
      return near
        ? {
            verdict: 'needs-review',
            explanation,
            reasons: [toleranceReason(minimum, long.source)],
            basis: basisOf(by, minimum),
            derived,
          }
        : { verdict: 'fail', explanation, basis: basisOf(by, minimum), derived }
    }
    if (short.value < 1500)
      return {
        verdict: 'needs-review',
        explanation: `${head}，满足 GB 50763 的 1.80 m × 1.00 m，但短边小于常见引用的 GB 55019 数值 1.50 m`,
        reasons: [notConfirmed('GB 55019-2021 第3.2.2条对厕位尺寸另有规定，1.80 m × 1.50 m 这一数值')],
        advisories: ['宜做到 2.00 m × 1.50 m'],
        basis: basisOf([sizeCurrent], '≥ 1.80 m × 1.50 m'),
        derived,
      }
    const note =
      'GB 55019-2021 第3.2.2条的厕位尺寸尚未与规范原文核对；本结论依据 GB 50763 及常见引用的 1.80 m × 1.50 m'
    const basis = [...basisOf(by, minimum), ...basisOf([sizeCurrent], '≥ 1.80 m × 1.50 m')]
    if (long.value < 2000)
      return {
        verdict: 'pass',
        explanation: `${head}，不小于 1.80 m × 1.50 m；宜做到 2.00 m × 1.50 m`,
        reasons: [note],
        advisories: [`${head}，未达到建议的 2.00 m × 1.50 m`],
        basis,
        derived,
      }
    return {
      verdict: 'pass',
      explanation: `${head}，不小于建议的 2.00 m × 1.50 m`,
      reasons: [note],
      basis,
      derived,
    }
  },
}

const doorSwingClause = gb50763('3.9.2', 'R', 'high', {
  item: '2',
  note: '门宜向外开启；向内开启时厕位内仍应留有直径不小于 1.50 m 的轮椅回转空间',
})
const opensInward = booleanInput('opensInward', '门是否向内开启')
const turningKept = booleanInput('turningKept', '门向内开启时厕位内是否仍有 1.50 m 回转空间', {
  optional: true,
  hint: '门向外开启时不填',
})

const door: CheckDefinition = {
  id: 'toilet-stall.door',
  category: 'toilet-stall',
  title: '无障碍厕位门',
  requirement:
    '厕位门通行净宽：新建、扩建不应小于 900 mm，既有建筑改造不应小于 800 mm；门宜向外开启，向内开启时厕位内仍应留有直径不小于 1.50 m 的轮椅回转空间。',
  clauses: [doorSwingClause, ...doorWidthClauses],
  severity: 'critical',
  inputs: [lengthInput('width', '厕位门通行净宽', 300, 3000), projectInput, opensInward, turningKept],
  leniency: projectLeniency,
  evaluate: (ctx) =>
    allOf([
      () => doorWidthOutcome(ctx, 'width', '厕位门通行净宽'),
      (): CheckOutcome => {
        const basis = basisOf([doorSwingClause])
        if (!ctx.bool('opensInward')) return { verdict: 'pass', explanation: '门向外开启', basis }
        return yesNoOutcome(
          ctx,
          {
            input: turningKept,
            expected: true,
            failText: '门向内开启，且厕位内未留 1.50 m 回转空间',
            passText: '门向内开启，厕位内仍留有 1.50 m 回转空间',
          },
          [doorSwingClause],
        )
      },
    ]),
}

/** WC grab bars (GB 50763 3.9.2 item 3, which 3.9.3 applies to toilet rooms too): both sides, ≥ 700 mm long. */
export const wcGrabBarClause = gb50763('3.9.2', 'R', 'high', {
  item: '3',
  note: '坐便器两侧设距地面 700 mm 的水平抓杆，长度不小于 700 mm；墙面一侧设高 1.40 m 的垂直抓杆',
})
export const wcGrabBarCurrent = gb55019('3.1.8', 'low', {
  note: '两侧设抓杆（转移侧为可旋转收起的水平抓杆、墙侧为 L 形抓杆）的做法与多份资料一致；各项数值尚未与规范原文核对',
})

/** The both-sides and length requirement of WC grab bars, shared by stalls and toilet rooms. */
export function wcGrabBarOutcome(
  ctx: EvalContext,
  by: readonly ClauseRef[] = [wcGrabBarClause],
): CheckOutcome {
  return allOf([
    () =>
      yesNoOutcome(
        ctx,
        {
          input: wcBothSides,
          expected: true,
          failText: '坐便器未在两侧设抓杆',
          passText: '坐便器两侧均设抓杆',
        },
        by,
      ),
    () => limitOutcome('水平抓杆长度', ctx.reading('horizontalLength'), 'mm', { min: 700, by }),
  ])
}

const wcBothSides = booleanInput('bothSides', '坐便器两侧是否均设安全抓杆')
export const wcGrabBarInputs = [
  wcBothSides,
  lengthInput('horizontalLength', '水平抓杆长度（较短者）', 0, 3000),
]

const grabBars: CheckDefinition = {
  id: 'toilet-stall.grab-bars',
  category: 'toilet-stall',
  title: '坐便器两侧安全抓杆',
  requirement: '坐便器两侧均应设安全抓杆，水平抓杆长度不应小于 700 mm。',
  clauses: [wcGrabBarClause, wcGrabBarCurrent],
  severity: 'major',
  inputs: wcGrabBarInputs,
  evaluate: (ctx) => wcGrabBarOutcome(ctx),
}

const grabBarHeight: CheckDefinition = {
  id: 'toilet-stall.grab-bar-height',
  category: 'toilet-stall',
  title: '坐便器水平抓杆高度',
  requirement:
    '记录水平抓杆高度供复核：GB 50763 规定为 700 mm；GB 55019 第3.1.8条的数值尚待核对（常见引用：高出坐便器座面 250 mm）。',
  clauses: [
    gb50763('3.9.2', 'R', 'high', { item: '3', note: '水平抓杆距地面 700 mm' }),
    gb55019('3.1.8', 'low', { note: '常见引用（尚未核对）：抓杆顶面高出座面 250 mm' }),
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
      tail = `，高出座面 ${formatNumber(above, 1)} mm（常见引用值 250 mm）`
    }
    return {
      verdict: 'needs-review',
      explanation: `水平抓杆高度 ${formatNumber(bar, 1)} mm（GB 50763 为 700 mm）${tail}`,
      reasons: [notConfirmed('坐便器抓杆以 GB 55019-2021 第3.1.8条为准，其数值')],
      basis: basisOf([wcGrabBarCurrent]),
      derived,
    }
  },
}

export const toiletStallChecks: readonly CheckDefinition[] = [size, door, grabBars, grabBarHeight]

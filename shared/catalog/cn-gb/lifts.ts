import {
  allOf,
  atLeast,
  basisOf,
  booleanInput,
  choiceInput,
  countInput,
  judgeLimit,
  lengthInput,
  limitOutcome,
  measureCheck,
  toleranceReason,
  notConfirmed,
  whenYes,
  yesNoOutcome,
} from '../check-helpers'
import { formatMetres } from '../units'
import type { CheckDefinition, CheckOutcome } from '../types'
import { gb50763, gb50763Superseded, gb55019 } from './clauses'

const lobbyClause = gb55019('2.6.1', 'medium')

const provision = measureCheck({
  id: 'lift.provision',
  category: 'lift',
  title: '无障碍电梯设置',
  requirement: '设有电梯的公共建筑，至少应设置 1 部无障碍电梯。',
  clauses: [gb55019('2.6.4', 'high')],
  severity: 'critical',
  before: [booleanInput('publicWithLifts', '是否为设有电梯的公共建筑')],
  appliesWhen: whenYes('publicWithLifts', '设有电梯的公共建筑', '不是设有电梯的公共建筑，不适用'),
  input: countInput('accessibleLifts', '无障碍电梯数量', 0, 200),
  rule: { min: 1 },
})

const lobbyDepth: CheckDefinition = {
  id: 'lift.lobby-depth',
  category: 'lift',
  title: '候梯厅深度',
  requirement:
    '候梯厅在电梯门前应留有直径不小于 1.50 m 的轮椅回转空间；公共建筑的候梯厅深度不应小于 1.80 m。',
  clauses: [
    lobbyClause,
    gb50763('3.7.1', 'A', 'high', {
      note: '旧规定：候梯厅深度宜不小于 1.50 m，公共建筑及设病床电梯的宜不小于 1.80 m',
    }),
  ],
  severity: 'major',
  inputs: [
    lengthInput('depth', '候梯厅深度', 500, 20000),
    booleanInput('publicBuilding', '是否为公共建筑', { context: true }),
  ],
  leniency: { publicBuilding: [false, true] },
  evaluate: (ctx) => {
    const isPublic = ctx.bool('publicBuilding')
    const o = limitOutcome('候梯厅深度', ctx.reading('depth'), 'mm', {
      min: isPublic ? 1800 : 1500,
      display: 'm',
      by: [lobbyClause],
    })
    return {
      ...o,
      explanation: `${o.explanation}（${isPublic ? '公共建筑' : '非公共建筑，按 1.50 m 回转空间'}）`,
    }
  },
}

const callButtonHeight = measureCheck({
  id: 'lift.call-button-height',
  category: 'lift',
  title: '候梯厅呼叫按钮高度',
  requirement: '呼叫按钮中心距地面应为 0.85–1.10 m，并设盲文标识。',
  clauses: [lobbyClause, gb50763Superseded('3.7.1', '2.6.1', '旧值：呼叫按钮高度 0.90–1.10 m')],
  severity: 'major',
  input: lengthInput('buttonHeight', '呼叫按钮中心高度', 0, 2500),
  rule: { min: 850, max: 1100, display: 'm' },
})

const callButtonCorner = measureCheck({
  id: 'lift.call-button-corner',
  category: 'lift',
  title: '呼叫按钮距内转角距离',
  requirement: '呼叫按钮距候梯厅内转角处侧墙的距离不应小于 400 mm。',
  clauses: [lobbyClause],
  severity: 'minor',
  input: lengthInput('cornerDistance', '按钮距内转角侧墙距离', 0, 5000),
  rule: { min: 400 },
})

const carClause = gb55019('2.6.2', 'medium')

const carSize: CheckDefinition = {
  id: 'lift.car-size',
  category: 'lift',
  title: '无障碍电梯轿厢尺寸',
  requirement:
    '可容纳轮椅的最小轿厢：深度不小于 1.40 m、宽度不小于 1.10 m；可容纳担架的轿厢：深度不小于 1.50 m 且宽度不小于 1.60 m，或深度不小于 2.10 m 且宽度不小于 1.10 m。',
  clauses: [carClause],
  severity: 'critical',
  inputs: [
    choiceInput(
      'carType',
      '轿厢类型',
      [
        { id: 'wheelchair', label: '可容纳轮椅' },
        { id: 'stretcher', label: '可容纳轮椅和担架' },
      ],
      { context: true },
    ),
    lengthInput('depth', '轿厢深度', 500, 5000),
    lengthInput('width', '轿厢宽度', 500, 5000),
  ],
  leniency: { carType: ['wheelchair', 'stretcher'] },
  evaluate: (ctx) => {
    const by = [carClause]
    const depth = () => ctx.reading('depth')
    const width = () => ctx.reading('width')
    if (ctx.choice('carType') === 'wheelchair')
      return allOf([
        () => limitOutcome('轿厢深度', depth(), 'mm', { min: 1400, display: 'm', by }),
        () => limitOutcome('轿厢宽度', width(), 'mm', { min: 1100, display: 'm', by }),
      ])
    // A stretcher car needs depth ≥ 1.50 m and width ≥ 1.10 m in any case, then one of the two size pairs.
    const figure = '深 ≥ 1.50 m 且宽 ≥ 1.60 m，或深 ≥ 2.10 m 且宽 ≥ 1.10 m'
    return allOf([
      () => limitOutcome('轿厢深度', depth(), 'mm', { min: 1500, display: 'm', by }),
      () => limitOutcome('轿厢宽度', width(), 'mm', { min: 1100, display: 'm', by }),
      (): CheckOutcome => {
        const d = depth()
        const w = width()
        const size = `轿厢 ${formatMetres(d.value)}（深）× ${formatMetres(w.value)}（宽）`
        const basis = basisOf(by, figure)
        const meets = (dd: number, ww: number) =>
          (atLeast(dd, 1500) && atLeast(ww, 1600)) || (atLeast(dd, 2100) && atLeast(ww, 1100))
        if (meets(d.value, w.value))
          return { verdict: 'pass', explanation: `${size}，满足担架电梯的尺寸要求`, basis }
        const explanation = `${size}，既未达到 1.50 m × 1.60 m，也未达到 2.10 m × 1.10 m（深 × 宽）`
        // could the true size (each side below its reading's upper bound, exclusive) still meet a pair?
        const mayMeet = (d.hi > 1500 && w.hi > 1600) || (d.hi > 2100 && w.hi > 1100)
        if (mayMeet)
          return {
            verdict: 'needs-review',
            explanation,
            reasons: [toleranceReason(figure, d.source)],
            basis,
          }
        return { verdict: 'fail', explanation, basis }
      },
    ])
  },
}

const doorLegacy = gb50763('3.7.2', 'R', 'high', { note: '轿厢门开启净宽不小于 800 mm' })
const doorCurrent = gb55019('2.6.3', 'low', {
  note: '条文要求见“电梯门应符合下列规定”；900 mm 尚未与规范原文核对',
})

const doorWidth: CheckDefinition = {
  id: 'lift.door-width',
  category: 'lift',
  title: '无障碍电梯门通行净宽',
  requirement: '电梯门通行净宽不应小于 900 mm（GB 55019 数值尚待核对）；GB 50763 要求轿厢门不小于 800 mm。',
  clauses: [doorCurrent, doorLegacy],
  severity: 'critical',
  inputs: [lengthInput('width', '电梯门通行净宽', 300, 3000)],
  evaluate: (ctx) => {
    const r = ctx.reading('width')
    const firm = limitOutcome('电梯门通行净宽', r, 'mm', { min: 800, by: [doorLegacy] })
    if (firm.verdict !== 'pass') return firm
    const stricter = judgeLimit('电梯门通行净宽', r, 'mm', { min: 900 })
    if (!stricter.within)
      return {
        verdict: 'needs-review',
        explanation: `${firm.explanation}，但小于 GB 55019 第2.6.3条的 900 mm`,
        reasons: [notConfirmed('GB 55019-2021 第2.6.3条的 900 mm ')],
        basis: basisOf([doorCurrent], '≥ 900 mm'),
      }
    return {
      verdict: 'pass',
      explanation: `${stricter.text}`,
      basis: [...basisOf([doorLegacy], '≥ 800 mm'), ...basisOf([doorCurrent], '≥ 900 mm')],
    }
  },
}

const carHandrailClauses = [gb50763('3.7.2', 'R', 'high', { note: '轿厢三面壁上设 850–900 mm 高的扶手' })]
const threeWalls = booleanInput('threeWalls', '三面壁上是否均设扶手')

const carHandrail: CheckDefinition = {
  id: 'lift.car-handrail',
  category: 'lift',
  title: '轿厢扶手',
  requirement: '轿厢三面壁上应设扶手，高度为 850–900 mm。',
  clauses: carHandrailClauses,
  severity: 'minor',
  inputs: [lengthInput('height', '轿厢扶手高度', 300, 1500), threeWalls],
  evaluate: (ctx) =>
    allOf([
      () =>
        limitOutcome('扶手高度', ctx.reading('height'), 'mm', { min: 850, max: 900, by: carHandrailClauses }),
      () =>
        yesNoOutcome(
          ctx,
          {
            input: threeWalls,
            expected: true,
            failText: '未在三面壁上均设扶手',
            passText: '三面壁均设扶手',
          },
          carHandrailClauses,
        ),
    ]),
}

export const liftChecks: readonly CheckDefinition[] = [
  provision,
  lobbyDepth,
  callButtonHeight,
  callButtonCorner,
  carSize,
  doorWidth,
  carHandrail,
]

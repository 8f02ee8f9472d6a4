import {
  atLeast,
  booleanInput,
  choiceInput,
  combine,
  countInput,
  lengthInput,
  limitOutcome,
  measureCheck,
  whenYes,
} from '../check-helpers'
import { formatMetres, formatNumber } from '../units'
import type { CheckDefinition } from '../types'
import { gb50763, gb50763Superseded, gb55019 } from './clauses'

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
    gb55019('2.6.1', 'medium'),
    gb50763('3.7.1', 'R', 'high', {
      note: '旧规定：候梯厅深度宜不小于 1.50 m，公共建筑及设病床电梯的宜不小于 1.80 m',
    }),
  ],
  severity: 'major',
  inputs: [lengthInput('depth', '候梯厅深度', 500, 20000), booleanInput('publicBuilding', '是否为公共建筑')],
  evaluate: (ctx) => {
    const isPublic = ctx.bool('publicBuilding')
    const o = limitOutcome('候梯厅深度', ctx.num('depth'), 'mm', {
      min: isPublic ? 1800 : 1500,
      display: 'm',
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
  clauses: [
    gb55019('2.6.1', 'medium'),
    gb50763Superseded('3.7.1', '2.6.1', '旧值：呼叫按钮高度 0.90–1.10 m'),
  ],
  severity: 'major',
  input: lengthInput('buttonHeight', '呼叫按钮中心高度', 0, 2500),
  rule: { min: 850, max: 1100, display: 'm' },
})

const callButtonCorner = measureCheck({
  id: 'lift.call-button-corner',
  category: 'lift',
  title: '呼叫按钮距内转角距离',
  requirement: '呼叫按钮距候梯厅内转角处侧墙的距离不应小于 400 mm。',
  clauses: [gb55019('2.6.1', 'medium')],
  severity: 'minor',
  input: lengthInput('cornerDistance', '按钮距内转角侧墙距离', 0, 5000),
  rule: { min: 400 },
})

const carSize: CheckDefinition = {
  id: 'lift.car-size',
  category: 'lift',
  title: '无障碍电梯轿厢尺寸',
  requirement:
    '可容纳轮椅的最小轿厢：深度不小于 1.40 m、宽度不小于 1.10 m；可容纳担架的轿厢：深度不小于 1.50 m 且宽度不小于 1.60 m，或深度不小于 2.10 m 且宽度不小于 1.10 m。',
  clauses: [gb55019('2.6.2', 'medium')],
  severity: 'critical',
  inputs: [
    choiceInput('carType', '轿厢类型', [
      { id: 'wheelchair', label: '可容纳轮椅' },
      { id: 'stretcher', label: '可容纳轮椅和担架' },
    ]),
    lengthInput('depth', '轿厢深度', 500, 5000),
    lengthInput('width', '轿厢宽度', 500, 5000),
  ],
  evaluate: (ctx) => {
    const d = ctx.num('depth')
    const w = ctx.num('width')
    const size = `轿厢 ${formatMetres(d)}（深）× ${formatMetres(w)}（宽）`
    if (ctx.choice('carType') === 'wheelchair')
      return combine([
        limitOutcome('轿厢深度', d, 'mm', { min: 1400, display: 'm' }),
        limitOutcome('轿厢宽度', w, 'mm', { min: 1100, display: 'm' }),
      ])
    const ok = (atLeast(d, 1500) && atLeast(w, 1600)) || (atLeast(d, 2100) && atLeast(w, 1100))
    return ok
      ? { verdict: 'pass', explanation: `${size}，满足担架电梯的尺寸要求` }
      : {
          verdict: 'fail',
          explanation: `${size}，既未达到 1.50 m × 1.60 m，也未达到 2.10 m × 1.10 m（深 × 宽）`,
        }
  },
}

const doorWidth: CheckDefinition = {
  id: 'lift.door-width',
  category: 'lift',
  title: '无障碍电梯门通行净宽',
  requirement: '电梯门通行净宽不应小于 900 mm（GB 55019 数值待核实）；GB 50763 要求轿厢门不小于 800 mm。',
  clauses: [
    gb55019('2.6.3', 'low', { note: '900 mm 来自设计模板转述（低至中等可信度）' }),
    gb50763('3.7.2', 'R', 'high', { note: '轿厢门开启净宽不小于 800 mm' }),
  ],
  severity: 'critical',
  inputs: [lengthInput('width', '电梯门通行净宽', 300, 3000)],
  evaluate: (ctx) => {
    const w = ctx.num('width')
    const head = `电梯门通行净宽 ${formatNumber(w, 1)} mm`
    if (w < 800) return { verdict: 'fail', explanation: `${head}，小于 GB 50763 规定的 800 mm` }
    if (w < 900)
      return {
        verdict: 'needs-review',
        explanation: `${head}，不小于 800 mm，但小于 GB 55019 第2.6.3条的参考值 900 mm`,
        reasons: ['GB 55019-2021 第2.6.3条的 900 mm 未核实（低至中等可信度），不据此判定不合格，需人工复核'],
      }
    return {
      verdict: 'pass',
      explanation: `${head}，不小于 900 mm`,
      reasons: ['GB 55019-2021 第2.6.3条的数值未核实'],
    }
  },
}

const carHandrail: CheckDefinition = {
  id: 'lift.car-handrail',
  category: 'lift',
  title: '轿厢扶手',
  requirement: '轿厢三面壁上应设扶手，高度为 850–900 mm。',
  clauses: [gb50763('3.7.2', 'R', 'high')],
  severity: 'minor',
  inputs: [
    lengthInput('height', '轿厢扶手高度', 300, 1500),
    booleanInput('threeWalls', '三面壁上是否均设扶手'),
  ],
  evaluate: (ctx) =>
    combine([
      limitOutcome('扶手高度', ctx.num('height'), 'mm', { min: 850, max: 900 }),
      ctx.bool('threeWalls')
        ? { verdict: 'pass', explanation: '三面壁均设扶手' }
        : { verdict: 'fail', explanation: '未在三面壁上均设扶手' },
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

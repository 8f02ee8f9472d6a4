import {
  atLeast,
  booleanInput,
  choiceInput,
  lengthInput,
  limitOutcome,
  measureCheck,
  missingOutcome,
  yesNoCheck,
} from '../check-helpers'
import { formatMetres, formatNumber, tidy } from '../units'
import type { CheckDefinition, CheckOutcome, DerivedValue } from '../types'
import { gb50763, gb55019 } from './clauses'
import { doorWidthClauses, doorWidthOutcome, projectInput } from './door-width'

/** GB 55019 3.1.2–3.1.5 as listed in the reference (the split of topics between the four clauses was not seen). */
const roomClauses = gb55019('3.1.2–3.1.5', 'high', {
  note: '有内部使用空间的无障碍设施：室内轮椅回转空间；门在紧急情况下可从外面开启；易于找到的救助呼叫装置；地面坚固平整防滑不积水',
})

const area: CheckDefinition = {
  id: 'toilet-room.area',
  category: 'toilet-room',
  title: '无障碍厕所面积',
  requirement: '无障碍厕所的内部面积不应小于 4.00 m²。',
  clauses: [
    gb50763('3.9.3', 'R', 'high', { item: '2' }),
    gb55019('3.2.3', 'low', { note: '条文内容未取得；有资料称既有建筑改造受限时可不小于 2.00 m²，未核实' }),
  ],
  severity: 'critical',
  inputs: [
    lengthInput('length', '内部净长', 500, 10000),
    lengthInput('width', '内部净宽', 500, 10000),
    choiceInput('project', '工程类型', projectInput.options, {
      optional: true,
      hint: '面积在 2.00–4.00 m² 之间时需要',
    }),
  ],
  evaluate: (ctx): CheckOutcome => {
    const l = ctx.num('length')
    const w = ctx.num('width')
    const a = tidy((l * w) / 1e6)
    const derived: DerivedValue[] = [
      { id: 'area', label: '面积', value: a, unit: 'm2', display: `${formatNumber(a, 2)} m²` },
    ]
    const head = `面积 ${formatNumber(a, 2)} m²（${formatMetres(l)} × ${formatMetres(w)}）`
    if (atLeast(a, 4)) return { verdict: 'pass', explanation: `${head}，不小于 4.00 m²`, derived }
    const fail: CheckOutcome = { verdict: 'fail', explanation: `${head}，小于 4.00 m² 的最小要求`, derived }
    if (a < 2) return fail
    const project = ctx.optChoice('project')
    if (project === 'new') return { ...fail, explanation: `${fail.explanation}（新建、扩建）` }
    if (project === undefined)
      return {
        ...missingOutcome(ctx, ['project'], `${head}，小于 4.00 m²；既有建筑改造是否可放宽未核实`),
        derived,
      }
    return {
      verdict: 'needs-review',
      explanation: `${head}，小于 4.00 m²，但不小于既有建筑改造可能适用的 2.00 m²`,
      reasons: [
        '既有建筑改造“不小于 2.00 m²”的放宽规定（GB 55019-2021 第3.2.3条）未核实（低可信度），需人工复核',
      ],
      derived,
    }
  },
}

const turningSpace = measureCheck({
  id: 'toilet-room.turning-space',
  category: 'toilet-room',
  title: '无障碍厕所内轮椅回转空间',
  requirement: '无障碍厕所内应留有直径不小于 1.50 m 的轮椅回转空间。',
  clauses: [gb50763('3.9.3', 'R', 'high', { item: '1' }), roomClauses],
  severity: 'critical',
  input: lengthInput('turningDiameter', '回转空间直径', 300, 5000, {
    hint: '室内可画出的最大无障碍物圆的直径',
  }),
  rule: { min: 1500, display: 'm' },
})

const doorWidth: CheckDefinition = {
  id: 'toilet-room.door-width',
  category: 'toilet-room',
  title: '无障碍厕所门通行净宽',
  requirement: '无障碍厕所门通行净宽：新建、扩建不应小于 900 mm，既有建筑改造不应小于 800 mm。',
  clauses: [gb50763('3.9.3', 'R', 'high', { item: '3' }), ...doorWidthClauses],
  severity: 'critical',
  inputs: [lengthInput('width', '门通行净宽', 300, 3000), projectInput],
  evaluate: (ctx) => doorWidthOutcome(ctx, 'width'),
}

const emergencyUnlock = yesNoCheck({
  id: 'toilet-room.emergency-unlock',
  category: 'toilet-room',
  title: '门在紧急情况下可从外面开启',
  requirement: '无障碍厕所的门和门锁在紧急情况下应能从外面打开。',
  clauses: [roomClauses, gb50763('3.9.3', 'R', 'high', { item: '3' })],
  severity: 'critical',
  conditions: [
    {
      input: booleanInput('unlockFromOutside', '紧急情况下能否从外面开门'),
      expected: true,
      failText: '紧急情况下无法从外面开门',
    },
  ],
  passText: '紧急情况下可从外面开门',
})

const callButton: CheckDefinition = {
  id: 'toilet-room.call-button',
  category: 'toilet-room',
  title: '救助呼叫按钮',
  requirement: '无障碍厕所应设易于找到的救助呼叫按钮，设在坐便器旁的墙面上，距地面 400–500 mm。',
  clauses: [roomClauses, gb50763('3.9.3', 'R', 'high', { item: '10' })],
  severity: 'critical',
  inputs: [
    booleanInput('present', '是否设有救助呼叫按钮'),
    lengthInput('height', '呼叫按钮距地面高度', 0, 2500, { optional: true }),
  ],
  evaluate: (ctx) => {
    if (!ctx.bool('present')) return { verdict: 'fail', explanation: '未设救助呼叫按钮' }
    const h = ctx.optNum('height')
    if (h === undefined) return missingOutcome(ctx, ['height'], '已设救助呼叫按钮')
    return limitOutcome('呼叫按钮高度', h, 'mm', { min: 400, max: 500 })
  },
}

const coatHook = measureCheck({
  id: 'toilet-room.coat-hook',
  category: 'toilet-room',
  title: '挂衣钩高度',
  requirement: '挂衣钩距地面高度不应大于 1.20 m。',
  clauses: [gb50763('3.9.3', 'R', 'high', { item: '9' })],
  severity: 'minor',
  input: lengthInput('height', '挂衣钩高度', 0, 2500),
  rule: { max: 1200, display: 'm' },
})

const controlsHeight: CheckDefinition = {
  id: 'toilet-room.controls-height',
  category: 'toilet-room',
  title: '开关、调控面板高度',
  requirement: '室内开关、调控面板距地面不应低于 0.85 m；上限的参考值为 1.10 m（待核实）。',
  clauses: [
    gb55019('3.1.6', 'medium', { note: '下限 0.85 m 为中等可信度；上限未取得，1.10 m 为记忆值（低可信度）' }),
  ],
  severity: 'minor',
  inputs: [lengthInput('height', '开关或面板距地面高度', 0, 2500)],
  evaluate: (ctx) => {
    const h = ctx.num('height')
    const head = `开关、面板高度 ${formatMetres(h)}`
    if (h < 850) return { verdict: 'fail', explanation: `${head}，低于 0.85 m 的下限` }
    if (h <= 1100)
      return {
        verdict: 'pass',
        explanation: `${head}，不低于 0.85 m，且不高于参考上限 1.10 m`,
        reasons: ['上限 1.10 m 未核实'],
      }
    return {
      verdict: 'needs-review',
      explanation: `${head}，不低于 0.85 m，但高于参考上限 1.10 m`,
      reasons: ['GB 55019-2021 第3.1.6条的上限未取得，1.10 m 为低可信度数值，需人工复核'],
    }
  },
}

export const toiletRoomChecks: readonly CheckDefinition[] = [
  area,
  turningSpace,
  doorWidth,
  emergencyUnlock,
  callButton,
  coatHook,
  controlsHeight,
]

import {
  basisOf,
  booleanInput,
  choiceInput,
  lengthInput,
  limitOutcome,
  measureCheck,
  presentWith,
  numberInput,
  notConfirmed,
  yesNoCheck,
} from '../check-helpers'
import { formatArea, formatMetres, tidy } from '../units'
import type { CheckDefinition, CheckOutcome, DerivedValue, Reading } from '../types'
import { gb50763, gb55019 } from './clauses'
import {
  doorWidthClauses,
  doorWidthOutcome,
  projectInput,
  projectLeniency,
  projectOptions,
} from './door-width'
import { wcGrabBarClause, wcGrabBarCurrent, wcGrabBarInputs, wcGrabBarOutcome } from './toilet-stalls'

/** GB 55019 3.1.2–3.1.5: rooms with an internal space (text of each clause's requirement confirmed). */
const turningRequired = gb55019('3.1.2', 'high', {
  note: '入口和室内空间方便乘轮椅者进入和使用，内部应设轮椅回转空间',
})
const openableFromOutside = gb55019('3.1.3', 'high', { note: '门在紧急情况下应能从外面打开' })
const rescueCall = gb55019('3.1.4', 'high', { note: '应设置易于识别和使用的救助呼叫装置' })
const roomClause = (item: string, note?: string) =>
  gb50763('3.9.3', 'R', 'high', { item, ...(note ? { note } : {}) })

const areaClause = roomClause('2')
const areaCurrent = gb55019('3.2.3', 'low', {
  note: '“无障碍厕所应符合下列规定”；各款尚未与规范原文核对。有资料称既有建筑改造受限时可不小于 2.00 m²，未经核对，不据此放宽',
})

/** The area from length × width (each ±1 mm), or as typed in m². */
function areaReading(ctx: Parameters<CheckDefinition['evaluate']>[0]): { area: Reading; size?: string } {
  const typed = ctx.optReading('area')
  const l = ctx.optReading('length')
  const w = ctx.optReading('width')
  if (l !== undefined && w !== undefined) {
    const m2 = (a: number, b: number) => tidy((a * b) / 1e6)
    return {
      area: {
        value: m2(l.value, w.value),
        lo: m2(l.lo, w.lo),
        hi: m2(l.hi, w.hi),
        source: '由内部净长和净宽算得，长度测量各 ±1 mm',
      },
      size: `${formatMetres(l.value)} × ${formatMetres(w.value)}`,
    }
  }
  if (typed !== undefined) return { area: typed }
  return { area: ctx.reading(l === undefined ? 'length' : 'width') }
}

const area: CheckDefinition = {
  id: 'toilet-room.area',
  category: 'toilet-room',
  title: '无障碍厕所面积',
  requirement:
    '无障碍厕所的内部面积不应小于 4.00 m²。有资料称既有建筑改造受限时可放宽到 2.00 m²，该说法尚未与规范原文核对，不据此放宽。',
  clauses: [areaClause, areaCurrent],
  severity: 'critical',
  inputs: [
    lengthInput('length', '内部净长', 500, 10000, { optional: true }),
    lengthInput('width', '内部净宽', 500, 10000, { optional: true }),
    numberInput('area', '内部面积', 'm2', 0.25, 100, {
      optional: true,
      step: 0.01,
      hint: '已量得长和宽时不必填写；长宽都填时以长宽算得的面积为准',
    }),
    choiceInput('project', '工程类型', projectOptions, {
      optional: true,
      hint: '既有建筑改造时填写，供复核是否另有规定',
    }),
  ],
  requires: [['length', 'width'], ['area']],
  evaluate: (ctx): CheckOutcome => {
    const { area: a, size } = areaReading(ctx)
    const derived: DerivedValue[] = [
      { id: 'area', label: '面积', value: a.value, unit: 'm2', display: formatArea(a.value) },
    ]
    const o = limitOutcome('面积', a, 'm2', { min: 4, by: [areaClause] })
    const explanation = size
      ? o.explanation.replace(/^面积 ([\d.]+ m²)/, `面积 $1（${size}）`)
      : o.explanation
    if (o.verdict === 'pass') return { ...o, explanation, derived }
    const relax =
      ctx.optChoice('project') === 'existing'
        ? [
            '本处为既有建筑改造：有资料称既有建筑改造受限时可不小于 2.00 m²（GB 55019-2021 第3.2.3条），该说法尚未与规范原文核对，在核对之前按 4.00 m² 判定',
          ]
        : []
    return {
      ...o,
      explanation,
      reasons: [...(o.reasons ?? []), ...relax],
      derived,
    }
  },
}

const turningSpace = measureCheck({
  id: 'toilet-room.turning-space',
  category: 'toilet-room',
  title: '无障碍厕所内轮椅回转空间',
  requirement: '无障碍厕所内应留有直径不小于 1.50 m 的轮椅回转空间。',
  clauses: [roomClause('1'), turningRequired],
  severity: 'critical',
  input: lengthInput('turningDiameter', '回转空间直径', 300, 5000, {
    hint: '室内可画出的最大无障碍物圆的直径',
  }),
  rule: { min: 1500, display: 'm', by: [roomClause('1')] },
})

const doorWidth: CheckDefinition = {
  id: 'toilet-room.door-width',
  category: 'toilet-room',
  title: '无障碍厕所门通行净宽',
  requirement: '无障碍厕所门通行净宽：新建、扩建不应小于 900 mm，既有建筑改造不应小于 800 mm。',
  clauses: [roomClause('3'), ...doorWidthClauses],
  severity: 'critical',
  inputs: [lengthInput('width', '门通行净宽', 300, 3000), projectInput],
  leniency: projectLeniency,
  evaluate: (ctx) => doorWidthOutcome(ctx, 'width'),
}

const emergencyUnlock = yesNoCheck({
  id: 'toilet-room.emergency-unlock',
  category: 'toilet-room',
  title: '门在紧急情况下可从外面开启',
  requirement: '无障碍厕所的门和门锁在紧急情况下应能从外面打开。',
  clauses: [openableFromOutside, roomClause('3')],
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

const callButtonClause = roomClause('10', '在坐便器旁的墙面上设高 400–500 mm 的救助呼叫按钮')

const callButton: CheckDefinition = {
  id: 'toilet-room.call-button',
  category: 'toilet-room',
  title: '救助呼叫按钮',
  requirement: '无障碍厕所应设易于找到的救助呼叫按钮，设在坐便器旁的墙面上，距地面 400–500 mm。',
  clauses: [rescueCall, callButtonClause],
  severity: 'critical',
  inputs: [
    booleanInput('present', '是否设有救助呼叫按钮'),
    lengthInput('height', '呼叫按钮距地面高度', 0, 2500, { optional: true }),
  ],
  evaluate: (ctx) =>
    presentWith(ctx, {
      present: 'present',
      absentText: '未设救助呼叫按钮',
      presentText: '已设救助呼叫按钮',
      by: [rescueCall, callButtonClause],
      measure: 'height',
      // the height is GB 50763's figure alone: GB 55019 3.1.4 asks for the device, not its height
      judge: (h) => limitOutcome('呼叫按钮高度', h, 'mm', { min: 400, max: 500, by: [callButtonClause] }),
    }),
}

const coatHook = measureCheck({
  id: 'toilet-room.coat-hook',
  category: 'toilet-room',
  title: '挂衣钩高度',
  requirement: '挂衣钩距地面高度不应大于 1.20 m。',
  clauses: [roomClause('9')],
  severity: 'minor',
  input: lengthInput('height', '挂衣钩高度', 0, 2500),
  rule: { max: 1200, display: 'm' },
})

const controlsClause = gb55019('3.1.6', 'medium', {
  note: '下限 0.85 m 与条文一致；上限尚未与规范原文核对，常见引用为 1.10 m',
})

const controlsHeight: CheckDefinition = {
  id: 'toilet-room.controls-height',
  category: 'toilet-room',
  title: '开关、调控面板高度',
  requirement: '室内开关、调控面板距地面不应低于 0.85 m；上限常见引用为 1.10 m（尚待核对）。',
  clauses: [controlsClause],
  severity: 'minor',
  inputs: [lengthInput('height', '开关或面板距地面高度', 0, 2500)],
  evaluate: (ctx) => {
    const r = ctx.reading('height')
    const lower = limitOutcome('开关、面板高度', r, 'mm', { min: 850, display: 'm', by: [controlsClause] })
    if (lower.verdict !== 'pass') return lower
    const head = `开关、面板高度 ${formatMetres(r.value)}`
    if (r.value <= 1100)
      return {
        verdict: 'pass',
        explanation: `${head}，不低于 0.85 m，且不高于常见引用的上限 1.10 m`,
        reasons: ['上限 1.10 m 尚未与规范原文核对'],
        basis: basisOf([controlsClause], '≥ 0.85 m'),
      }
    return {
      verdict: 'needs-review',
      explanation: `${head}，不低于 0.85 m，但高于常见引用的上限 1.10 m`,
      reasons: [notConfirmed('GB 55019-2021 第3.1.6条的上限')],
      basis: basisOf([controlsClause], '0.85 m 至上限（上限尚待核对）'),
    }
  },
}

const fittingsClause = roomClause('5', '内部应设坐便器、洗手盆、多功能台、挂衣钩和呼叫按钮')

const fittings = yesNoCheck({
  id: 'toilet-room.fittings',
  category: 'toilet-room',
  title: '无障碍厕所内的设施',
  requirement:
    '无障碍厕所内应设坐便器、洗手盆和多功能台（挂衣钩和救助呼叫按钮由各自的检查项判定，不在此重复）。',
  clauses: [fittingsClause],
  severity: 'major',
  defersTo: [
    { checkId: 'toilet-room.call-button', what: '救助呼叫按钮的设置和高度' },
    { checkId: 'toilet-room.coat-hook', what: '挂衣钩的高度' },
  ],
  conditions: [
    { input: booleanInput('hasWc', '是否设有无障碍坐便器'), expected: true, failText: '未设无障碍坐便器' },
    { input: booleanInput('hasBasin', '是否设有无障碍洗手盆'), expected: true, failText: '未设无障碍洗手盆' },
    { input: booleanInput('hasShelf', '是否设有多功能台'), expected: true, failText: '未设多功能台' },
  ],
  passText: '坐便器、洗手盆和多功能台均已设置',
})

const roomGrabBars: CheckDefinition = {
  id: 'toilet-room.grab-bars',
  category: 'toilet-room',
  title: '无障碍厕所坐便器两侧安全抓杆',
  requirement: '无障碍厕所的坐便器两侧均应设安全抓杆，水平抓杆长度不应小于 700 mm（同无障碍厕位的要求）。',
  clauses: [wcGrabBarClause, wcGrabBarCurrent],
  severity: 'major',
  inputs: wcGrabBarInputs,
  evaluate: (ctx) => wcGrabBarOutcome(ctx),
}

export const toiletRoomChecks: readonly CheckDefinition[] = [
  area,
  turningSpace,
  doorWidth,
  emergencyUnlock,
  callButton,
  coatHook,
  controlsHeight,
  fittings,
  roomGrabBars,
]

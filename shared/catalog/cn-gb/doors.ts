import {
  allOf,
  basisOf,
  booleanInput,
  lengthInput,
  limitOutcome,
  measureCheck,
  missingOutcome,
  numberInput,
  whenYes,
  yesNoCheck,
  yesNoOutcome,
} from '../check-helpers'
import { gradientDerived } from '../slope'
import { gradientFromRiseRun, tidy } from '../units'
import type { CheckDefinition, CheckOutcome } from '../types'
import { gb50763, gb55019 } from './clauses'
import { doorWidthClauses, doorWidthOutcome, projectInput, projectLeniency } from './door-width'

const revolving = yesNoCheck({
  id: 'door.revolving',
  category: 'door',
  title: '无障碍通行路线上的旋转门',
  requirement: '无障碍通行路线上不应采用旋转门。',
  clauses: [gb55019('2.5.2', 'high')],
  severity: 'critical',
  conditions: [
    {
      input: booleanInput('isRevolving', '该门是否为旋转门'),
      expected: false,
      failText: '无障碍通行路线上采用了旋转门',
    },
  ],
  passText: '不是旋转门',
})

const thresholdClauses = [gb55019('2.5.3', 'high'), gb50763('3.5.3', 'R', 'high', { item: '7' })]

const threshold: CheckDefinition = {
  id: 'door.threshold',
  category: 'door',
  title: '门槛与门口高差',
  requirement: '门口不应设门槛和门挡块；有高差时不应大于 15 mm，并以不陡于 1:10 的斜面过渡。',
  clauses: thresholdClauses,
  severity: 'critical',
  inputs: [
    lengthInput('step', '门口高差', 0, 300, { step: 0.5 }),
    lengthInput('bevelLength', '斜面水平长度', 0, 2000, {
      optional: true,
      hint: '无斜面填 0；无高差时可不填',
    }),
  ],
  evaluate: (ctx): CheckOutcome => {
    const step = ctx.reading('step')
    if (step.value === 0)
      return {
        verdict: 'pass',
        explanation: '门口无高差、无门槛',
        basis: basisOf(thresholdClauses, '≤ 15 mm'),
      }
    const height = limitOutcome('门口高差', step, 'mm', { max: 15, by: thresholdClauses })
    if (height.verdict !== 'pass') return height
    const bevel = ctx.optReading('bevelLength')
    if (bevel === undefined) return missingOutcome(ctx, ['bevelLength'], height.explanation)
    if (bevel.value === 0)
      return {
        verdict: 'fail',
        explanation: `${height.explanation}，但未做斜面过渡`,
        basis: basisOf(thresholdClauses, '以斜面过渡'),
      }
    const g = gradientFromRiseRun(step.value, bevel.value)
    const slope = limitOutcome(
      '斜面坡度',
      {
        value: tidy(g * 100),
        lo: tidy((Math.max(0, step.lo) / bevel.hi) * 100),
        hi: bevel.lo > 0 ? tidy((step.hi / bevel.lo) * 100) : Number.POSITIVE_INFINITY,
        source: '由高差和斜面长度算得，长度测量各 ±1 mm',
      },
      '%',
      { max: 10, by: thresholdClauses },
    )
    return {
      ...slope,
      explanation: `${height.explanation}；${slope.explanation}`,
      derived: [gradientDerived(g, 'bevel-gradient', '斜面坡度')],
    }
  },
}

const clearWidth: CheckDefinition = {
  id: 'door.clear-width',
  category: 'door',
  title: '手动门通行净宽',
  requirement: '门扇完全开启时的通行净宽：新建、扩建建筑不应小于 900 mm，既有建筑改造不应小于 800 mm。',
  clauses: doorWidthClauses,
  severity: 'critical',
  inputs: [lengthInput('width', '门通行净宽', 300, 3000, { hint: '门扇完全开启时量' }), projectInput],
  leniency: projectLeniency,
  evaluate: (ctx) => doorWidthOutcome(ctx, 'width'),
}

const pullBarClauses = [gb55019('2.5.4', 'high', { item: '2' })]
const bothFaces = booleanInput('bothFaces', '门扇两面是否均设拉手')

const pullBars: CheckDefinition = {
  id: 'door.pull-bars',
  category: 'door',
  title: '平开门拉手',
  requirement: '平开门门扇两面应设可单手握拳操作的拉手，操作部位距地面 0.85–1.00 m。',
  clauses: pullBarClauses,
  severity: 'major',
  inputs: [lengthInput('barHeight', '拉手操作部位高度', 300, 2000), bothFaces],
  evaluate: (ctx) =>
    allOf([
      () =>
        limitOutcome('拉手高度', ctx.reading('barHeight'), 'mm', {
          min: 850,
          max: 1000,
          display: 'm',
          by: pullBarClauses,
        }),
      () =>
        yesNoOutcome(
          ctx,
          { input: bothFaces, expected: true, failText: '门扇仅一面设拉手', passText: '门扇两面均设拉手' },
          pullBarClauses,
        ),
    ]),
}

const openingForce = measureCheck({
  id: 'door.opening-force',
  category: 'door',
  title: '开门力',
  requirement: '手动门的开启力不应大于 25 N（防火门除外）。',
  clauses: [gb55019('2.5.4', 'high', { item: '3' })],
  severity: 'major',
  before: [booleanInput('fireDoor', '是否为防火门')],
  appliesWhen: whenYes('fireDoor', '非防火门', '防火门不受开门力限制', false),
  input: numberInput('force', '开门力', 'N', 0, 500, { step: 0.5, hint: '用测力计在拉手处测' }),
  rule: { max: 25 },
})

const latchSide = measureCheck({
  id: 'door.latch-side-space',
  category: 'door',
  title: '门把手一侧墙面宽度',
  requirement: '单扇平开门、推拉门、折叠门的门把手一侧应留有宽度不小于 400 mm 的墙面。',
  clauses: [
    gb50763('3.5.3', 'R', 'high', {
      item: '5',
      note: '第4–6款依次为：门内外 1.50 m 回转空间；把手一侧墙面不小于 400 mm；把手高 900 mm，宜设护门板',
    }),
  ],
  severity: 'major',
  input: lengthInput('latchSideWall', '把手一侧墙面宽度', 0, 3000),
  rule: { min: 400 },
})

export const doorChecks: readonly CheckDefinition[] = [
  revolving,
  threshold,
  clearWidth,
  pullBars,
  openingForce,
  latchSide,
]

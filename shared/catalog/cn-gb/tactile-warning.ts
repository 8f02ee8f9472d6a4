import { booleanInput, lengthInput, limitOutcome, UNVERIFIED, widen, yesNoCheck } from '../check-helpers'
import { formatNumber } from '../units'
import type { CheckDefinition } from '../types'
import { gb50763, gb55019 } from './clauses'
import { contrastCheck, nominalOutcome, tileInput } from './tactile-shared'

const provision = yesNoCheck({
  id: 'tactile-warning.provision',
  category: 'tactile-warning',
  title: '提示盲道设置',
  requirement:
    '行进盲道的起点、终点、转弯处及其他需要警示的部位应设提示盲道，其长度应覆盖整个危险区域的宽度。',
  clauses: [gb55019('2.11.3', 'medium', { note: '条文首句之后的内容尚未与规范原文核对' })],
  severity: 'critical',
  conditions: [
    {
      input: booleanInput('present', '起点、终点、转弯处及需警示处是否设有提示盲道'),
      expected: true,
      failText: '需警示的部位未设提示盲道',
    },
    {
      input: booleanInput('coversWidth', '提示盲道长度是否覆盖整个危险区域宽度'),
      expected: true,
      failText: '提示盲道长度未覆盖危险区域全宽',
    },
  ],
  passText: '需警示处已设提示盲道且覆盖危险区域全宽',
})

const widthClauses = [gb50763('3.2.3', 'R', 'medium')]

const width: CheckDefinition = {
  id: 'tactile-warning.width',
  category: 'tactile-warning',
  title: '提示盲道宽度',
  requirement: '行进盲道宽度不大于 300 mm 时，提示盲道的宽度应大于行进盲道的宽度。',
  clauses: widthClauses,
  severity: 'minor',
  inputs: [
    lengthInput('directionalWidth', '行进盲道宽度', 50, 2000),
    lengthInput('warningWidth', '提示盲道宽度', 50, 2000),
  ],
  appliesWhen: {
    description: '行进盲道宽度不大于 300 mm',
    test: (ctx) => {
      const d = ctx.optNum('directionalWidth')
      if (d === undefined) return null
      return d <= 300
        ? { applies: true, reason: '' }
        : { applies: false, reason: `行进盲道宽度 ${formatNumber(d, 1)} mm，大于 300 mm，本条不适用` }
    },
  },
  evaluate: (ctx) => {
    const directional = ctx.reading('directionalWidth')
    return limitOutcome('提示盲道宽度', widen(ctx.reading('warningWidth'), directional), 'mm', {
      min: directional.value,
      minExclusive: true,
      by: widthClauses,
    })
  },
}

const dotTable = gb50763('3.2.3', 'R', 'medium', {
  note: '表3.2.3 触感圆点：表面直径 25 mm、底面直径 35 mm、高 4 mm、中心距 50 mm',
})
const dotHeightClauses = [gb50763('3.2.1', 'R', 'medium'), dotTable]

const dotHeight: CheckDefinition = {
  id: 'tactile-warning.dot-height',
  category: 'tactile-warning',
  title: '提示盲道触感圆点高度',
  requirement: '提示盲道触感圆点凸出铺面 4 mm。',
  clauses: dotHeightClauses,
  severity: 'minor',
  inputs: [tileInput('dotHeight', '触感圆点凸起高度', 20)],
  evaluate: (ctx) => nominalOutcome('触感圆点高度', ctx.reading('dotHeight'), 4, dotHeightClauses),
}

const dotSpacing: CheckDefinition = {
  id: 'tactile-warning.dot-spacing',
  category: 'tactile-warning',
  title: '提示盲道触感圆点中心距',
  requirement: '提示盲道触感圆点的中心距为 50 mm。',
  clauses: [dotTable],
  severity: 'minor',
  inputs: [tileInput('dotSpacing', '相邻触感圆点中心距', 200)],
  evaluate: (ctx) => nominalOutcome('触感圆点中心距', ctx.reading('dotSpacing'), 50, [dotTable]),
}

const stairAdvisory = gb50763('3.6.1', 'A', 'medium', { item: '7' })
const stairMandatory = gb55019('2.7.1', 'low', {
  note: '适用于主要供视觉障碍者使用的楼梯；250–300 mm 是否为本条数值尚未与规范原文核对',
})

const stairOffset: CheckDefinition = {
  id: 'tactile-warning.stair-offset',
  category: 'tactile-warning',
  title: '楼梯起止处提示盲道位置',
  requirement: '楼梯每个梯段的起点和终点处宜设提示盲道，距踏步起止点 250–300 mm，长度与梯段同宽。',
  clauses: [stairAdvisory, stairMandatory],
  severity: 'major',
  inputs: [
    booleanInput('mainlyVisuallyImpaired', '是否为主要供视觉障碍者使用的楼梯', { context: true }),
    lengthInput('offset', '提示盲道距踏步起止点距离', 0, 2000),
  ],
  leniency: { mainlyVisuallyImpaired: [false, true] },
  evaluate: (ctx) => {
    const v = ctx.reading('offset')
    if (ctx.bool('mainlyVisuallyImpaired'))
      return limitOutcome('提示盲道距踏步起止点', v, 'mm', {
        min: 250,
        max: 300,
        by: [stairMandatory],
        lowConfidence: `主要供视觉障碍者使用的楼梯适用 GB 55019-2021 第2.7.1条，${UNVERIFIED}`,
      })
    return limitOutcome('提示盲道距踏步起止点', v, 'mm', {
      min: 250,
      max: 300,
      advisory: true,
      by: [stairAdvisory],
    })
  },
}

export const tactileWarningChecks: readonly CheckDefinition[] = [
  provision,
  contrastCheck('tactile-warning', '提示盲道'),
  width,
  dotHeight,
  dotSpacing,
  stairOffset,
]

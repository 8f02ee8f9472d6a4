import {
  allOf,
  basisOf,
  booleanInput,
  choiceInput,
  lengthInput,
  measureCheck,
  notConfirmed,
  whenYes,
  yesNoOutcome,
} from '../check-helpers'
import type { CheckDefinition, CheckOutcome } from '../types'
import { gb50763, gb55019 } from './clauses'

/** GB 55019 3.2.4 (opening words confirmed): each floor's men's and women's toilets in a public building. */
const perFloor = gb55019('3.2.4', 'medium', {
  note: '公共建筑中的男、女公共卫生间（厕所），每层应至少分别设置 1 个满足无障碍要求的公共卫生间（厕位）；其后的文字（可能的替代做法）尚未与规范原文核对',
})
const toiletGeneral = gb55019('3.2.1', 'low', {
  note: '“满足无障碍要求的公共卫生间（厕所）应符合下列规定”；各款尚未与规范原文核对',
})
/** GB 50763 3.9.1: contents of public toilets and the turning space at the entrance. */
const contents = gb50763('3.9.1', 'R', 'high', {
  note: '女厕所：至少 1 个无障碍厕位和 1 个无障碍洗手盆；男厕所：另加至少 1 个无障碍小便器；入口和通道留有 1.50 m 轮椅回转空间',
})

const eachFloor = booleanInput('eachFloor', '本层男、女卫生间是否各设有满足无障碍要求的厕位（或卫生间）')
const separateRoom = booleanInput('separateRoom', '本层是否另设有无障碍厕所（第三卫生间）', {
  optional: true,
  hint: '上一项答“否”时填写',
})

const perFloorProvision: CheckDefinition = {
  id: 'public-toilet.per-floor',
  category: 'public-toilet',
  title: '每层男、女卫生间的无障碍厕位',
  requirement: '公共建筑中每层的男、女公共卫生间（厕所），应至少各设 1 个满足无障碍要求的厕位（或卫生间）。',
  clauses: [perFloor, toiletGeneral],
  severity: 'critical',
  inputs: [booleanInput('publicBuilding', '是否为公共建筑'), eachFloor, separateRoom],
  appliesWhen: whenYes('publicBuilding', '公共建筑', '不是公共建筑，本条不适用'),
  evaluate: (ctx): CheckOutcome => {
    const basis = basisOf([perFloor])
    if (ctx.bool('eachFloor'))
      return { verdict: 'pass', explanation: '本层男、女卫生间各设有满足无障碍要求的厕位', basis }
    const lead = '本层男、女卫生间未各设满足无障碍要求的厕位'
    if (!ctx.has('separateRoom'))
      return { verdict: 'not-entered', explanation: lead, missing: ['separateRoom'] }
    if (!ctx.bool('separateRoom'))
      return { verdict: 'fail', explanation: `${lead}，也未另设无障碍厕所`, basis }
    return {
      verdict: 'needs-review',
      explanation: `${lead}，但另设有无障碍厕所`,
      reasons: [notConfirmed('另设无障碍厕所能否替代，取决于 GB 55019-2021 第3.2.4条的后半部分，该部分')],
      basis,
    }
  },
}

const hasStall = booleanInput('hasStall', '是否至少设有 1 个无障碍厕位')
const hasBasin = booleanInput('hasBasin', '是否至少设有 1 个无障碍洗手盆')
const hasUrinal = booleanInput('hasUrinal', '是否至少设有 1 个无障碍小便器', {
  optional: true,
  hint: '男卫生间填写',
})

const fittings: CheckDefinition = {
  id: 'public-toilet.fittings',
  category: 'public-toilet',
  title: '公共卫生间内的无障碍设施',
  requirement:
    '女卫生间应至少设 1 个无障碍厕位和 1 个无障碍洗手盆；男卫生间应至少设 1 个无障碍厕位、1 个无障碍小便器和 1 个无障碍洗手盆。',
  clauses: [contents, toiletGeneral],
  severity: 'major',
  inputs: [
    choiceInput(
      'gender',
      '卫生间',
      [
        { id: 'female', label: '女卫生间' },
        { id: 'male', label: '男卫生间' },
      ],
      { context: true },
    ),
    hasStall,
    hasBasin,
    hasUrinal,
  ],
  leniency: { gender: ['female', 'male'] },
  evaluate: (ctx) => {
    const by = [contents]
    const o = allOf([
      () => yesNoOutcome(ctx, { input: hasStall, expected: true, failText: '未设无障碍厕位' }, by),
      () => yesNoOutcome(ctx, { input: hasBasin, expected: true, failText: '未设无障碍洗手盆' }, by),
      () =>
        ctx.choice('gender') === 'male'
          ? yesNoOutcome(ctx, { input: hasUrinal, expected: true, failText: '男卫生间未设无障碍小便器' }, by)
          : { verdict: 'pass', explanation: '' },
    ])
    return o.verdict === 'pass'
      ? { ...o, explanation: '应设的无障碍厕位、洗手盆（男卫生间另含小便器）均已设置' }
      : o
  },
}

const turningSpace = measureCheck({
  id: 'public-toilet.turning-space',
  category: 'public-toilet',
  title: '公共卫生间入口和通道的轮椅回转空间',
  requirement: '公共卫生间的入口和通道处应留有直径不小于 1.50 m 的轮椅回转空间。',
  clauses: [contents],
  severity: 'major',
  input: lengthInput('turningDiameter', '回转空间直径', 300, 5000, {
    hint: '入口和通道处可画出的最大无障碍物圆的直径',
  }),
  rule: { min: 1500, display: 'm' },
})

export const publicToiletChecks: readonly CheckDefinition[] = [perFloorProvision, fittings, turningSpace]

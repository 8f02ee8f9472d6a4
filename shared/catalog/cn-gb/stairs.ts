import {
  allOf,
  booleanInput,
  choiceInput,
  lengthInput,
  limitOutcome,
  UNVERIFIED_TEXT,
  whenYes,
  yesNoCheck,
  yesNoOutcome,
} from '../check-helpers'
import type { CheckDefinition } from '../types'
import { gb50763, gb55019 } from './clauses'

/** GB 50763 3.6.1 (accessible stairs): item 2 tread ≥ 280 mm and riser ≤ 160 mm; item 3 no open risers or square nosings. */
const stairSize = gb50763('3.6.1', 'R', 'medium', {
  item: '2',
  note: '公共建筑楼梯踏步宽度不小于 280 mm，踏步高度不大于 160 mm',
})
const stairNosing = gb50763('3.6.1', 'R', 'medium', { item: '3', note: '不应采用无踢面和直角形突缘的踏步' })
/** GB 50763 3.6.2 (steps of public buildings): tread preferably ≥ 300 mm, riser preferably 100–150 mm. */
const stepSize = gb50763('3.6.2', 'A', 'medium', {
  note: '台阶踏步宽度宜不小于 300 mm，踏步高度宜为 100–150 mm',
})
/** GB 55019 2.7.1: stairs and steps used mainly by visually impaired people (items not confirmed). */
const visuallyImpairedStairs = gb55019('2.7.1', 'low', {
  note: '“视觉障碍者主要使用的楼梯和台阶应符合下列规定”；各款（首末级踏步的颜色或材质区分、防滑条不凸出踏面等）尚未与规范原文核对',
})

const kind = choiceInput(
  'kind',
  '类型',
  [
    { id: 'stair', label: '楼梯' },
    { id: 'steps', label: '台阶（室内外出入口等处）' },
  ],
  { context: true },
)

const dimensions: CheckDefinition = {
  id: 'stairs.dimensions',
  category: 'stairs',
  title: '踏步宽度和高度',
  requirement:
    '无障碍楼梯的踏步宽度不应小于 280 mm、高度不应大于 160 mm；公共建筑的台阶踏步宽度宜不小于 300 mm、高度宜为 100–150 mm（建议性要求）。',
  clauses: [stairSize, stepSize],
  severity: 'major',
  inputs: [
    kind,
    lengthInput('tread', '踏步宽度（最窄处）', 50, 1000),
    lengthInput('riser', '踏步高度（最高处）', 0, 500),
  ],
  leniency: { kind: ['steps', 'stair'] },
  evaluate: (ctx) => {
    if (ctx.choice('kind') === 'stair')
      return allOf([
        () => limitOutcome('踏步宽度', ctx.reading('tread'), 'mm', { min: 280, by: [stairSize] }),
        () => limitOutcome('踏步高度', ctx.reading('riser'), 'mm', { max: 160, by: [stairSize] }),
      ])
    return allOf([
      () =>
        limitOutcome('踏步宽度', ctx.reading('tread'), 'mm', { min: 300, advisory: true, by: [stepSize] }),
      () =>
        limitOutcome('踏步高度', ctx.reading('riser'), 'mm', {
          min: 100,
          max: 150,
          advisory: true,
          by: [stepSize],
        }),
    ])
  },
}

const nosings = yesNoCheck({
  id: 'stairs.nosings',
  category: 'stairs',
  title: '踢面和踏步突缘',
  requirement: '无障碍楼梯不应采用无踢面的踏步（镂空踏步），也不应采用直角形突缘的踏步。',
  clauses: [stairNosing, visuallyImpairedStairs],
  severity: 'major',
  conditions: [
    {
      input: booleanInput('closedRisers', '踏步是否均有踢面（无镂空）'),
      expected: true,
      failText: '踏步无踢面（镂空），易绊脚、拐杖易插入',
      by: [stairNosing],
    },
    {
      input: booleanInput('noSquareNosing', '踏步前缘是否无直角形突缘'),
      expected: true,
      failText: '踏步采用直角形突缘，易绊脚',
      by: [stairNosing],
    },
  ],
  passText: '踏步均有踢面，且无直角形突缘',
})

const firstLast = booleanInput('firstLastDistinct', '首级和末级踏步是否在颜色或材质上与平台明显区分')
const stripsFlush = booleanInput('stripsFlush', '防滑条是否不凸出踏面')

const marking: CheckDefinition = {
  id: 'stairs.marking',
  category: 'stairs',
  title: '视觉障碍者使用的楼梯、台阶的踏步识别',
  requirement:
    '主要供视觉障碍者使用的楼梯和台阶：首级和末级踏步在颜色或材质上与平台明显区分，防滑条不凸出踏面（GB 55019 第2.7.1条各款尚待核对）。',
  clauses: [visuallyImpairedStairs],
  severity: 'major',
  inputs: [
    booleanInput('mainlyVisuallyImpaired', '是否为主要供视觉障碍者使用的楼梯或台阶'),
    firstLast,
    stripsFlush,
  ],
  appliesWhen: whenYes(
    'mainlyVisuallyImpaired',
    '主要供视觉障碍者使用的楼梯或台阶',
    '不是主要供视觉障碍者使用的楼梯或台阶，不适用',
  ),
  evaluate: (ctx) => {
    const by = [visuallyImpairedStairs]
    const o = allOf([
      () =>
        yesNoOutcome(
          ctx,
          {
            input: firstLast,
            expected: true,
            failText: '首级和末级踏步与平台无明显区分',
            unverified: UNVERIFIED_TEXT,
          },
          by,
        ),
      () =>
        yesNoOutcome(
          ctx,
          { input: stripsFlush, expected: true, failText: '防滑条凸出踏面', unverified: UNVERIFIED_TEXT },
          by,
        ),
    ])
    return o.verdict === 'pass'
      ? { ...o, explanation: '首级和末级踏步与平台区分明显，防滑条不凸出踏面', reasons: [UNVERIFIED_TEXT] }
      : o
  },
}

export const stairChecks: readonly CheckDefinition[] = [dimensions, nosings, marking]

import {
  allOf,
  basisOf,
  booleanInput,
  judgeLimit,
  lengthInput,
  limitOutcome,
  measureCheck,
  notConfirmed,
  yesNoOutcome,
} from '../check-helpers'
import { formatNumber } from '../units'
import type { CheckDefinition, CheckOutcome, ClauseRef, EvalContext } from '../types'
import { gb50763, gb55019 } from './clauses'
import { wcGrabBarClause, wcGrabBarCurrent } from './toilet-stalls'

const urinalClause = gb50763('3.9.4', 'R', 'medium', {
  item: '1',
  note: '小便器下口距地面不大于 400 mm；两侧设高 1.20 m、距墙 250 mm 的垂直抓杆，上方设高 900 mm、距墙 550 mm 的水平抓杆并与垂直抓杆连接',
})
const urinalCurrent = gb55019('3.1.9', 'low', {
  note: '“无障碍小便器应符合下列规定”；各款数值尚未与规范原文核对',
})

const urinalRim = measureCheck({
  id: 'toilet-fixture.urinal-rim',
  category: 'toilet-fixture',
  title: '无障碍小便器下口高度',
  requirement: '无障碍小便器下口距地面不应大于 400 mm。',
  clauses: [urinalClause, urinalCurrent],
  severity: 'major',
  input: lengthInput('rimHeight', '小便器下口高度', 0, 1500),
  rule: { max: 400, by: [urinalClause] },
})

const basinClause = gb50763('3.9.4', 'R', 'high', { item: '2' })

const washbasinKneeSpace: CheckDefinition = {
  id: 'toilet-fixture.washbasin-knee-space',
  category: 'toilet-fixture',
  title: '无障碍洗手盆下方容膝空间',
  requirement: '无障碍洗手盆下方应留出宽不小于 750 mm、高不小于 650 mm、深不小于 450 mm 的容膝容脚空间。',
  clauses: [
    basinClause,
    gb55019('3.1.10', 'low', { note: '“无障碍洗手盆应符合下列规定”；各款尚未与规范原文核对' }),
  ],
  severity: 'major',
  inputs: [
    lengthInput('kneeWidth', '容膝空间宽度', 0, 3000),
    lengthInput('kneeHeight', '容膝空间高度', 0, 1500),
    lengthInput('kneeDepth', '容膝空间深度', 0, 1500),
  ],
  evaluate: (ctx) =>
    allOf([
      () => limitOutcome('宽度', ctx.reading('kneeWidth'), 'mm', { min: 750, by: [basinClause] }),
      () => limitOutcome('高度', ctx.reading('kneeHeight'), 'mm', { min: 650, by: [basinClause] }),
      () => limitOutcome('深度', ctx.reading('kneeDepth'), 'mm', { min: 450, by: [basinClause] }),
    ]),
}

const washbasinTap = measureCheck({
  id: 'toilet-fixture.washbasin-tap',
  category: 'toilet-fixture',
  title: '洗手盆水龙头距侧墙距离',
  requirement: '无障碍洗手盆水龙头中心距侧墙应大于 550 mm。',
  clauses: [basinClause],
  severity: 'minor',
  input: lengthInput('tapOffset', '水龙头中心距侧墙', 0, 3000),
  rule: { min: 550, minExclusive: true },
})

const washbasinRim = measureCheck({
  id: 'toilet-fixture.washbasin-rim',
  category: 'toilet-fixture',
  title: '无障碍洗手盆台面高度',
  requirement: '记录洗手盆台面高度供复核：GB 55019 第3.1.10条的数值尚待核对（常见引用：不大于 800 mm）。',
  clauses: [gb55019('3.1.10', 'low', { note: '常见引用（尚未核对）：台面不大于 800 mm' })],
  severity: 'minor',
  input: lengthInput('rimHeight', '洗手盆台面高度', 300, 1500),
  rule: {
    max: 800,
    lowConfidence: notConfirmed('GB 55019-2021 第3.1.10条对洗手盆另有规定，800 mm 这一数值'),
  },
})

const barClause = gb50763('3.9.4', 'R', 'high', { item: '3' })

const grabBarSection: CheckDefinition = {
  id: 'toilet-fixture.grab-bar-section',
  category: 'toilet-fixture',
  title: '安全抓杆直径与离墙净距',
  requirement: '安全抓杆直径应为 30–40 mm，内侧距墙面不应小于 40 mm，并应安装牢固。',
  clauses: [barClause],
  severity: 'minor',
  inputs: [
    lengthInput('diameter', '抓杆直径', 5, 200),
    lengthInput('wallClearance', '抓杆内侧距墙面', 0, 500),
  ],
  evaluate: (ctx) =>
    allOf([
      () => limitOutcome('抓杆直径', ctx.reading('diameter'), 'mm', { min: 30, max: 40, by: [barClause] }),
      () => limitOutcome('离墙净距', ctx.reading('wallClearance'), 'mm', { min: 40, by: [barClause] }),
    ]),
}

const paperHolder = measureCheck({
  id: 'toilet-fixture.paper-holder',
  category: 'toilet-fixture',
  title: '取纸器高度',
  requirement: '取纸器应设在坐便器的侧前方，高度为 400–500 mm。',
  clauses: [gb50763('3.9.4', 'R', 'medium', { item: '4' })],
  severity: 'minor',
  input: lengthInput('height', '取纸器高度', 0, 2000),
  rule: { min: 400, max: 500 },
})

/**
 * A position the code gives as a single figure (a grab bar "at 1.20 m"), not a limit: within the measuring
 * tolerance it passes; otherwise an expert judges, since the code states no allowed deviation.
 */
function positionOutcome(
  quantity: string,
  ctx: EvalContext,
  id: string,
  nominal: number,
  by: readonly ClauseRef[],
): CheckOutcome {
  const r = ctx.reading(id)
  const { within, nearMiss } = judgeLimit(quantity, r, 'mm', { min: nominal, max: nominal })
  const basis = basisOf(by, `${formatNumber(nominal, 0)} mm`)
  const head = `${quantity} ${formatNumber(r.value, 1)} mm，规定值为 ${formatNumber(nominal, 0)} mm`
  if (within || nearMiss) return { verdict: 'pass', explanation: `${head}，在测量误差以内`, basis }
  return {
    verdict: 'needs-review',
    explanation: `${head}，偏差 ${formatNumber(Math.abs(r.value - nominal), 1)} mm`,
    reasons: ['规范给出的是定值，未规定允许偏差；请现场判断该偏差是否影响使用'],
    basis,
  }
}

const urinalBothSides = booleanInput('bothSides', '小便器两侧是否均设垂直抓杆')
const urinalTopBar = booleanInput('topBar', '小便器上方是否设水平抓杆并与垂直抓杆连接')

const urinalGrabBars: CheckDefinition = {
  id: 'toilet-fixture.urinal-grab-bars',
  category: 'toilet-fixture',
  title: '无障碍小便器安全抓杆',
  requirement:
    '无障碍小便器两侧应设高 1.20 m、距墙 250 mm 的垂直安全抓杆，上方设高 900 mm、距墙 550 mm 的水平安全抓杆，并与垂直抓杆连接。',
  clauses: [urinalClause, urinalCurrent],
  severity: 'major',
  inputs: [
    urinalBothSides,
    urinalTopBar,
    lengthInput('verticalHeight', '垂直抓杆高度', 300, 2500, { optional: true, hint: '量到抓杆顶端' }),
    lengthInput('horizontalHeight', '水平抓杆高度', 300, 2000, { optional: true }),
  ],
  evaluate: (ctx) => {
    const by = [urinalClause]
    const vertical = ctx.has('verticalHeight')
    const horizontal = ctx.has('horizontalHeight')
    return allOf([
      () =>
        yesNoOutcome(
          ctx,
          {
            input: urinalBothSides,
            expected: true,
            failText: '小便器未在两侧设垂直抓杆',
            passText: '两侧均设垂直抓杆',
          },
          by,
        ),
      () =>
        yesNoOutcome(
          ctx,
          {
            input: urinalTopBar,
            expected: true,
            failText: '小便器上方未设水平抓杆或未与垂直抓杆连接',
            passText: '上方设有水平抓杆并与垂直抓杆连接',
          },
          by,
        ),
      ...(vertical ? [() => positionOutcome('垂直抓杆高度', ctx, 'verticalHeight', 1200, by)] : []),
      ...(horizontal ? [() => positionOutcome('水平抓杆高度', ctx, 'horizontalHeight', 900, by)] : []),
    ])
  },
}

const wcArrangementClause = gb55019('3.1.8', 'medium', {
  note: '坐便器两侧设抓杆：转移一侧为可旋转收起的水平抓杆，墙面一侧为 L 形抓杆（做法与多份资料一致，数值尚未与规范原文核对）',
})
const wallSideVertical = booleanInput('wallSideVertical', '墙面一侧是否设有垂直抓杆或 L 形抓杆')
const transferSideFolding = booleanInput(
  'transferSideFolding',
  '转移一侧的水平抓杆能否旋转收起（不妨碍轮椅侧向转移）',
  {
    optional: true,
    hint: '坐便器两侧都靠墙时不填',
  },
)

const wcGrabBars: CheckDefinition = {
  id: 'toilet-fixture.wc-grab-bars',
  category: 'toilet-fixture',
  title: '无障碍坐便器抓杆的形式',
  requirement:
    '无障碍坐便器墙面一侧应设垂直抓杆（L 形抓杆）；转移一侧的水平抓杆应可旋转收起，不妨碍乘轮椅者侧向转移。垂直抓杆高度 GB 50763 规定为 1.40 m。',
  clauses: [wcArrangementClause, wcGrabBarClause, wcGrabBarCurrent],
  severity: 'major',
  inputs: [
    wallSideVertical,
    transferSideFolding,
    lengthInput('verticalTop', '垂直抓杆顶端高度', 300, 2500, { optional: true }),
  ],
  defersTo: [{ checkId: 'toilet-stall.grab-bars', what: '坐便器两侧是否设抓杆及水平抓杆长度' }],
  evaluate: (ctx) => {
    const parts: Array<() => CheckOutcome> = [
      () =>
        yesNoOutcome(
          ctx,
          {
            input: wallSideVertical,
            expected: true,
            failText: '墙面一侧未设垂直抓杆或 L 形抓杆',
            passText: '墙面一侧设有垂直抓杆或 L 形抓杆',
          },
          [wcArrangementClause, wcGrabBarClause],
        ),
    ]
    if (ctx.has('transferSideFolding'))
      parts.push(() =>
        yesNoOutcome(
          ctx,
          {
            input: transferSideFolding,
            expected: true,
            failText: '转移一侧的水平抓杆不能旋转收起，妨碍轮椅侧向转移',
            passText: '转移一侧的水平抓杆可旋转收起',
          },
          [wcArrangementClause],
        ),
      )
    if (ctx.has('verticalTop'))
      parts.push(() => positionOutcome('垂直抓杆顶端高度', ctx, 'verticalTop', 1400, [wcGrabBarClause]))
    return allOf(parts)
  },
}

export const toiletFixtureChecks: readonly CheckDefinition[] = [
  wcGrabBars,
  urinalGrabBars,
  urinalRim,
  washbasinKneeSpace,
  washbasinTap,
  washbasinRim,
  grabBarSection,
  paperHolder,
]

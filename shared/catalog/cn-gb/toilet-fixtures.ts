import { combine, lengthInput, limitOutcome, measureCheck } from '../check-helpers'
import type { CheckDefinition } from '../types'
import { gb50763, gb55019 } from './clauses'

const urinalRim = measureCheck({
  id: 'toilet-fixture.urinal-rim',
  category: 'toilet-fixture',
  title: '无障碍小便器下口高度',
  requirement: '无障碍小便器下口距地面不应大于 400 mm。',
  clauses: [
    gb50763('3.9.4', 'R', 'medium', { item: '1' }),
    gb55019('3.1.9', 'low', { note: '内容与本项相同，数值未取得' }),
  ],
  severity: 'major',
  input: lengthInput('rimHeight', '小便器下口高度', 0, 1500),
  rule: { max: 400 },
})

const washbasinKneeSpace: CheckDefinition = {
  id: 'toilet-fixture.washbasin-knee-space',
  category: 'toilet-fixture',
  title: '无障碍洗手盆下方容膝空间',
  requirement: '无障碍洗手盆下方应留出宽不小于 750 mm、高不小于 650 mm、深不小于 450 mm 的容膝容脚空间。',
  clauses: [
    gb50763('3.9.4', 'R', 'high', { item: '2' }),
    gb55019('3.1.10', 'low', { note: '条文内容未取得' }),
  ],
  severity: 'major',
  inputs: [
    lengthInput('kneeWidth', '容膝空间宽度', 0, 3000),
    lengthInput('kneeHeight', '容膝空间高度', 0, 1500),
    lengthInput('kneeDepth', '容膝空间深度', 0, 1500),
  ],
  evaluate: (ctx) =>
    combine([
      limitOutcome('宽度', ctx.num('kneeWidth'), 'mm', { min: 750 }),
      limitOutcome('高度', ctx.num('kneeHeight'), 'mm', { min: 650 }),
      limitOutcome('深度', ctx.num('kneeDepth'), 'mm', { min: 450 }),
    ]),
}

const washbasinTap = measureCheck({
  id: 'toilet-fixture.washbasin-tap',
  category: 'toilet-fixture',
  title: '洗手盆水龙头距侧墙距离',
  requirement: '无障碍洗手盆水龙头中心距侧墙应大于 550 mm。',
  clauses: [gb50763('3.9.4', 'R', 'high', { item: '2' })],
  severity: 'minor',
  input: lengthInput('tapOffset', '水龙头中心距侧墙', 0, 3000),
  rule: { min: 550, minExclusive: true },
})

const washbasinRim = measureCheck({
  id: 'toilet-fixture.washbasin-rim',
  category: 'toilet-fixture',
  title: '无障碍洗手盆台面高度',
  requirement: '记录洗手盆台面高度供复核：GB 55019 第3.1.10条的数值未核实（记忆值：不大于 800 mm）。',
  clauses: [gb55019('3.1.10', 'low', { note: '记忆值（未核实）：台面不大于 800 mm' })],
  severity: 'minor',
  input: lengthInput('rimHeight', '洗手盆台面高度', 300, 1500),
  rule: {
    max: 800,
    lowConfidence: 'GB 55019-2021 第3.1.10条的数值未取得（800 mm 为低可信度记忆值），需人工复核',
  },
})

const grabBarSection: CheckDefinition = {
  id: 'toilet-fixture.grab-bar-section',
  category: 'toilet-fixture',
  title: '安全抓杆直径与离墙净距',
  requirement: '安全抓杆直径应为 30–40 mm，内侧距墙面不应小于 40 mm，并应安装牢固。',
  clauses: [gb50763('3.9.4', 'R', 'high', { item: '3' })],
  severity: 'minor',
  inputs: [
    lengthInput('diameter', '抓杆直径', 5, 200),
    lengthInput('wallClearance', '抓杆内侧距墙面', 0, 500),
  ],
  evaluate: (ctx) =>
    combine([
      limitOutcome('抓杆直径', ctx.num('diameter'), 'mm', { min: 30, max: 40 }),
      limitOutcome('离墙净距', ctx.num('wallClearance'), 'mm', { min: 40 }),
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

export const toiletFixtureChecks: readonly CheckDefinition[] = [
  urinalRim,
  washbasinKneeSpace,
  washbasinTap,
  washbasinRim,
  grabBarSection,
  paperHolder,
]

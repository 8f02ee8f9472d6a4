import { allOf, booleanInput, choiceInput, lengthInput, limitOutcome, yesNoCheck } from '../check-helpers'
import type { CheckDefinition } from '../types'
import { gb50763, gb55019 } from './clauses'

/** GB 50763 3.7.3: platform sizes (items 3 and 5 of this clause, on pit protection and drive, are the mandatory ones). */
const platformSize = gb50763('3.7.3', 'R', 'medium', {
  note: '垂直升降平台深度不小于 1.20 m、宽度不小于 900 mm；斜向升降平台宽度不小于 900 mm、深度不小于 1.00 m',
})
const platformCurrent = gb55019('2.6.5', 'low', { note: '“升降平台应符合下列规定”；各款尚未与规范原文核对' })
/** GB 55019 5.0.5: facilities whose function is impaired shall be maintained so that they can be used. */
const maintained = gb55019('5.0.5', 'high', {
  note: '对安全性、功能性或系统性缺损的无障碍设施，维护责任人应及时进行维护，保证其正常使用',
})

const size: CheckDefinition = {
  id: 'platform-lift.size',
  category: 'platform-lift',
  title: '升降平台尺寸',
  requirement:
    '垂直升降平台的深度不应小于 1.20 m、宽度不应小于 900 mm；斜向升降平台的宽度不应小于 900 mm、深度不应小于 1.00 m。',
  clauses: [platformSize, platformCurrent],
  severity: 'critical',
  inputs: [
    choiceInput(
      'platformType',
      '升降平台类型',
      [
        { id: 'vertical', label: '垂直升降平台' },
        { id: 'inclined', label: '斜向升降平台（沿楼梯）' },
      ],
      { context: true },
    ),
    lengthInput('depth', '平台深度（沿进出方向）', 300, 5000),
    lengthInput('width', '平台宽度', 300, 5000),
  ],
  leniency: { platformType: ['inclined', 'vertical'] },
  evaluate: (ctx) => {
    const by = [platformSize]
    const vertical = ctx.choice('platformType') === 'vertical'
    return allOf([
      () =>
        limitOutcome('平台深度', ctx.reading('depth'), 'mm', {
          min: vertical ? 1200 : 1000,
          display: 'm',
          by,
        }),
      () => limitOutcome('平台宽度', ctx.reading('width'), 'mm', { min: 900, by }),
    ])
  },
}

// judged by GB 55019 5.0.5 only: the items of 2.6.5 are not confirmed (a low-confidence clause never decides)
const working = yesNoCheck({
  id: 'platform-lift.working',
  category: 'platform-lift',
  title: '升降平台能正常使用',
  requirement: '升降平台应能正常运行，乘轮椅者能够呼叫或操作，平台及其通道不被杂物占用。',
  clauses: [maintained, platformCurrent],
  severity: 'critical',
  conditions: [
    {
      input: booleanInput('operates', '升降平台能否正常运行'),
      expected: true,
      failText: '升降平台不能正常运行',
    },
    {
      input: booleanInput('callable', '乘轮椅者能否自行呼叫工作人员或操作平台'),
      expected: true,
      failText: '乘轮椅者无法自行呼叫工作人员或操作平台',
    },
    {
      input: booleanInput('unobstructed', '平台及其通道是否未被杂物占用'),
      expected: true,
      failText: '平台或其通道被杂物占用',
    },
  ],
  passText: '升降平台运行正常，可自行呼叫或操作，未被占用',
})

export const platformLiftChecks: readonly CheckDefinition[] = [size, working]

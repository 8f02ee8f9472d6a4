import {
  allOf,
  booleanInput,
  lengthInput,
  limitOutcome,
  measureCheck,
  presentWith,
  numberInput,
  whenYes,
  yesNoOutcome,
} from '../check-helpers'
import type { CheckDefinition } from '../types'
import { gb55019 } from './clauses'

const automaticWidth = measureCheck({
  id: 'door.automatic-width',
  category: 'door',
  title: '自动门通行净宽',
  requirement: '自动门开启后的通行净宽不应小于 1.00 m。',
  clauses: [gb55019('2.5.5', 'high')],
  severity: 'critical',
  input: lengthInput('width', '自动门通行净宽', 300, 5000),
  rule: { min: 1000, display: 'm' },
})

const automaticButton = measureCheck({
  id: 'door.automatic-button',
  category: 'door',
  title: '自动门手动开门按钮高度',
  requirement: '自动门设手动开门按钮时，按钮中心距地面应为 0.85–1.00 m。',
  clauses: [gb55019('2.5.5', 'high')],
  severity: 'major',
  input: lengthInput('buttonHeight', '开门按钮中心高度', 0, 2500),
  rule: { min: 850, max: 1000, display: 'm' },
})

const glassClauses = [gb55019('2.5.6', 'high')]
const safetyGlass = booleanInput('safetyGlass', '是否为安全玻璃或已采取防护措施')
const markings = booleanInput('markings', '是否设有醒目的防撞提示标识')

const glass: CheckDefinition = {
  id: 'door.glass',
  category: 'door',
  title: '全玻璃门安全与防撞标识',
  requirement:
    '全玻璃门应采用安全玻璃或采取防护措施，并在距地面 0.85–1.50 m 范围内设置横跨门扇的醒目防撞提示标识；门应能与相邻玻璃隔断区分。',
  clauses: glassClauses,
  severity: 'critical',
  inputs: [
    safetyGlass,
    markings,
    lengthInput('markingHeight', '防撞标识距地面高度', 0, 3000, {
      optional: true,
      hint: '量标识中心；未设标识时可不填',
    }),
  ],
  evaluate: (ctx) =>
    allOf([
      () =>
        yesNoOutcome(
          ctx,
          { input: safetyGlass, expected: true, failText: '全玻璃门未采用安全玻璃，也未采取防护措施' },
          glassClauses,
        ),
      () =>
        presentWith(ctx, {
          present: 'markings',
          absentText: '全玻璃门未设防撞提示标识',
          presentText: '已设防撞提示标识',
          by: glassClauses,
          measure: 'markingHeight',
          judge: (h) =>
            limitOutcome('防撞标识高度', h, 'mm', { min: 850, max: 1500, display: 'm', by: glassClauses }),
        }),
    ]),
}

const closerTime = measureCheck({
  id: 'door.closer-time',
  category: 'door',
  title: '闭门器关闭时间',
  requirement: '设闭门器的门，从最大受控开启角度关闭到距全闭 10° 的时间不应小于 3 s。',
  clauses: [gb55019('2.5.8', 'high')],
  severity: 'major',
  input: numberInput('closingTime', '关闭时间', 's', 0, 60, {
    step: 0.1,
    hint: '从最大受控角度到距全闭 10° 处，用秒表测',
  }),
  rule: { min: 3 },
})

const panelClauses = [gb55019('2.5.9', 'medium', { note: '条文前半句已核对；850 mm 尚未与规范原文逐字核对' })]

const visionPanel: CheckDefinition = {
  id: 'door.vision-panel',
  category: 'door',
  title: '双向开启门观察窗',
  requirement: '双向开启的门应设观察窗，观察窗透明部分的下沿距地面不应大于 850 mm。',
  clauses: panelClauses,
  severity: 'major',
  inputs: [
    booleanInput('doubleSwing', '是否为双向开启的门'),
    booleanInput('hasPanel', '是否设有观察窗'),
    lengthInput('panelBottom', '观察窗透明部分下沿高度', 0, 2500, { optional: true }),
  ],
  appliesWhen: whenYes('doubleSwing', '双向开启的门', '不是双向开启的门，不适用'),
  evaluate: (ctx) =>
    presentWith(ctx, {
      present: 'hasPanel',
      absentText: '双向开启的门未设观察窗',
      presentText: '已设观察窗',
      by: panelClauses,
      measure: 'panelBottom',
      judge: (h) => limitOutcome('观察窗下沿高度', h, 'mm', { max: 850, by: panelClauses }),
    }),
}

export const specialDoorChecks: readonly CheckDefinition[] = [
  automaticWidth,
  automaticButton,
  glass,
  closerTime,
  visionPanel,
]

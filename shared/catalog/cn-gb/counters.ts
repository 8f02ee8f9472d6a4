import {
  allOf,
  booleanInput,
  contradicts,
  judgeLimit,
  lengthInput,
  limitOutcome,
  measureCheck,
  notConfirmed,
  whenYes,
  yesNoCheck,
} from '../check-helpers'
import { formatNumber } from '../units'
import type { CheckDefinition, CheckOutcome } from '../types'
import { gb50763, gb55019 } from './clauses'

const provision = yesNoCheck({
  id: 'counter.provision',
  category: 'counter',
  title: '低位服务台设置',
  requirement: '问询、接待、业务办理、收银、借阅等公共服务台均应设置低位服务设施。',
  clauses: [gb55019('3.6.1', 'high')],
  severity: 'critical',
  conditions: [
    {
      input: booleanInput('hasLowSection', '服务台是否设有低位服务部分'),
      expected: true,
      failText: '服务台未设低位服务部分',
    },
  ],
  passText: '服务台设有低位服务部分',
})

const selfService = yesNoCheck({
  id: 'counter.self-service',
  category: 'counter',
  title: '低位自助设备',
  requirement: '设置饮水机、自动取款机、售票机、自动售货机等自助设备的区域，每类设备至少应有一台为低位设备。',
  clauses: [gb55019('3.6.2', 'high')],
  severity: 'major',
  before: [booleanInput('hasMachines', '区域内是否设有自助设备')],
  appliesWhen: whenYes(
    'hasMachines',
    '区域内设有自助设备',
    '区域内无自助设备，不适用',
    true,
    'lowUnitEachType',
  ),
  validate: (ctx) => contradicts(ctx, 'hasMachines', 'lowUnitEachType'),
  conditions: [
    {
      input: booleanInput('lowUnitEachType', '每类自助设备是否至少有一台低位设备'),
      expected: true,
      failText: '有的自助设备类别没有低位设备',
    },
  ],
  passText: '每类自助设备均至少有一台低位设备',
})

const counterTop = gb55019('3.6.4', 'high', {
  note: '台面高 700–850 mm，下部容膝空间宽不小于 750 mm、高不小于 650 mm；深度数值尚未与规范原文核对',
})

const height = measureCheck({
  id: 'counter.height',
  category: 'counter',
  title: '低位服务台台面高度',
  requirement: '低位服务设施的台面距地面高度应为 700–850 mm。',
  clauses: [counterTop, gb50763('3.15.2', 'A', 'high')],
  severity: 'major',
  input: lengthInput('topHeight', '台面高度', 300, 1500),
  rule: { min: 700, max: 850, by: [counterTop] },
})

const kneeSpace: CheckDefinition = {
  id: 'counter.knee-space',
  category: 'counter',
  title: '低位服务台容膝容脚空间',
  requirement:
    '台面下方应留有宽不小于 750 mm、高不小于 650 mm 的容膝容脚空间；深度参考值为不小于 450 mm（待核实）。',
  clauses: [counterTop, gb50763('3.15.2', 'A', 'high', { note: '宜为宽 750 mm × 高 650 mm × 深 450 mm' })],
  severity: 'major',
  inputs: [
    lengthInput('kneeWidth', '容膝空间宽度', 0, 3000),
    lengthInput('kneeHeight', '容膝空间高度', 0, 1500),
    lengthInput('kneeDepth', '容膝空间深度（距地 250 mm 以内）', 0, 1500, { optional: true }),
  ],
  evaluate: (ctx) => {
    const by = [counterTop]
    const d = ctx.optReading('kneeDepth')
    const depth = (): CheckOutcome => {
      const depthOk = d !== undefined && judgeLimit('深度', d, 'mm', { min: 450 })
      if (!depthOk) return { verdict: 'pass', explanation: '' }
      return depthOk.within || depthOk.nearMiss
        ? { verdict: 'pass', explanation: `深度 ${formatNumber(d!.value, 1)} mm，不小于 450 mm` }
        : {
            verdict: 'needs-review',
            explanation: `深度 ${formatNumber(d!.value, 1)} mm，小于常见引用的 450 mm`,
            reasons: [notConfirmed('GB 55019-2021 第3.6.4条对容膝空间深度另有规定，其数值')],
            advisories: ['GB 50763 建议容膝空间深度不小于 450 mm'],
            basis: [{ ...counterTop, figure: '深度（数值尚待核对）' }],
          }
    }
    return allOf([
      () => limitOutcome('宽度', ctx.reading('kneeWidth'), 'mm', { min: 750, by }),
      () => limitOutcome('高度', ctx.reading('kneeHeight'), 'mm', { min: 650, by }),
      depth,
    ])
  },
}

const counterTurning = gb50763('3.15.3', 'R', 'high', {
  note: '低位服务设施前应有直径不小于 1.50 m 的轮椅回转空间',
})

const turningSpace = measureCheck({
  id: 'counter.turning-space',
  category: 'counter',
  title: '低位服务台前轮椅回转空间',
  requirement: '低位服务设施前应留有直径不小于 1.50 m 的轮椅回转空间（可计入台面下的容膝空间）。',
  clauses: [
    gb55019('3.6.3', 'high', { note: '应留有轮椅回转空间（未给出直径）；条文说明允许利用台面下的容膝空间' }),
    counterTurning,
  ],
  severity: 'major',
  input: lengthInput('turningDiameter', '台前回转空间直径', 300, 5000),
  // the 1.50 m diameter is GB 50763's figure: GB 55019 3.6.3 asks for the space without a figure
  rule: { min: 1500, display: 'm', by: [counterTurning] },
})

const wallPhone = measureCheck({
  id: 'counter.wall-phone',
  category: 'counter',
  title: '低位挂式电话高度',
  requirement: '低位挂式电话距地面高度不应大于 900 mm。',
  clauses: [gb50763('3.15.4', 'R', 'high')],
  severity: 'minor',
  before: [booleanInput('hasWallPhone', '是否设有挂式电话')],
  appliesWhen: whenYes('hasWallPhone', '设有挂式电话', '未设挂式电话，不适用', true, 'phoneHeight'),
  validate: (ctx) => contradicts(ctx, 'hasWallPhone', 'phoneHeight'),
  input: lengthInput('phoneHeight', '挂式电话高度', 0, 2500),
  rule: { max: 900 },
})

export const counterChecks: readonly CheckDefinition[] = [
  provision,
  selfService,
  height,
  kneeSpace,
  turningSpace,
  wallPhone,
]

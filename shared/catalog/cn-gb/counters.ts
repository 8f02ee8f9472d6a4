import {
  booleanInput,
  combine,
  lengthInput,
  limitOutcome,
  measureCheck,
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
  appliesWhen: whenYes('hasMachines', '区域内设有自助设备', '区域内无自助设备，不适用'),
  conditions: [
    {
      input: booleanInput('lowUnitEachType', '每类自助设备是否至少有一台低位设备'),
      expected: true,
      failText: '有的自助设备类别没有低位设备',
    },
  ],
  passText: '每类自助设备均至少有一台低位设备',
})

const height = measureCheck({
  id: 'counter.height',
  category: 'counter',
  title: '低位服务台台面高度',
  requirement: '低位服务设施的台面距地面高度应为 700–850 mm。',
  clauses: [gb55019('3.6.4', 'high'), gb50763('3.15.2', 'A', 'high')],
  severity: 'major',
  input: lengthInput('topHeight', '台面高度', 300, 1500),
  rule: { min: 700, max: 850 },
})

const kneeSpace: CheckDefinition = {
  id: 'counter.knee-space',
  category: 'counter',
  title: '低位服务台容膝容脚空间',
  requirement:
    '台面下方应留有宽不小于 750 mm、高不小于 650 mm 的容膝容脚空间；深度参考值为不小于 450 mm（待核实）。',
  clauses: [
    gb55019('3.6.4', 'high', {
      note: '宽 750 mm、高 650 mm 见于条文；深度数值未取得（记忆值：距地 250 mm 以内不小于 450 mm，其上不小于 250 mm）',
    }),
    gb50763('3.15.2', 'A', 'high', { note: '宜为宽 750 mm × 高 650 mm × 深 450 mm' }),
  ],
  severity: 'major',
  inputs: [
    lengthInput('kneeWidth', '容膝空间宽度', 0, 3000),
    lengthInput('kneeHeight', '容膝空间高度', 0, 1500),
    lengthInput('kneeDepth', '容膝空间深度（距地 250 mm 以内）', 0, 1500, { optional: true }),
  ],
  evaluate: (ctx) => {
    const parts: CheckOutcome[] = [
      limitOutcome('宽度', ctx.num('kneeWidth'), 'mm', { min: 750 }),
      limitOutcome('高度', ctx.num('kneeHeight'), 'mm', { min: 650 }),
    ]
    const d = ctx.optNum('kneeDepth')
    if (d !== undefined && d < 450)
      parts.push({
        verdict: 'needs-review',
        explanation: `深度 ${formatNumber(d, 1)} mm，小于参考值 450 mm`,
        reasons: ['GB 55019-2021 第3.6.4条的深度数值未取得（低可信度），需人工复核'],
        advisories: ['GB 50763 建议容膝空间深度不小于 450 mm'],
      })
    else if (d !== undefined)
      parts.push({ verdict: 'pass', explanation: `深度 ${formatNumber(d, 1)} mm，不小于 450 mm` })
    return combine(parts)
  },
}

const turningSpace = measureCheck({
  id: 'counter.turning-space',
  category: 'counter',
  title: '低位服务台前轮椅回转空间',
  requirement: '低位服务设施前应留有直径不小于 1.50 m 的轮椅回转空间（可计入台面下的容膝空间）。',
  clauses: [
    gb55019('3.6.3', 'high', { note: '条文说明允许利用台面下的容膝空间' }),
    gb50763('3.15.3', 'R', 'high'),
  ],
  severity: 'major',
  input: lengthInput('turningDiameter', '台前回转空间直径', 300, 5000),
  rule: { min: 1500, display: 'm' },
})

const wallPhone = measureCheck({
  id: 'counter.wall-phone',
  category: 'counter',
  title: '低位挂式电话高度',
  requirement: '低位挂式电话距地面高度不应大于 900 mm。',
  clauses: [gb50763('3.15.4', 'R', 'high')],
  severity: 'minor',
  before: [booleanInput('hasWallPhone', '是否设有挂式电话')],
  appliesWhen: whenYes('hasWallPhone', '设有挂式电话', '未设挂式电话，不适用'),
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

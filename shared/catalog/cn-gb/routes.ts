import {
  atMost,
  booleanInput,
  choiceInput,
  combine,
  lengthInput,
  limitOutcome,
  measureCheck,
} from '../check-helpers'
import { formatMetres, formatNumber } from '../units'
import type { CheckDefinition, CheckOutcome } from '../types'
import { gb50763, gb50763Superseded, gb55019 } from './clauses'

const clearWidth: CheckDefinition = {
  id: 'route.clear-width',
  category: 'route',
  title: '无障碍通道通行净宽',
  requirement: '无障碍通道的通行净宽不应小于 1.20 m；人员密集的公共场所不应小于 1.80 m。',
  clauses: [
    gb55019('2.2.2', 'high'),
    gb50763('3.5.1', 'R', 'high', {
      note: '旧规定：室内走道不小于 1.20 m，人流较多或较集中的大型公共建筑宜不小于 1.80 m；室外通道宜不小于 1.50 m',
    }),
  ],
  severity: 'critical',
  inputs: [
    lengthInput('width', '通行净宽', 300, 20000, { hint: '最窄处' }),
    booleanInput('crowded', '是否为人员密集的公共场所'),
    booleanInput('outdoor', '是否为室外通道', { optional: true }),
  ],
  evaluate: (ctx) => {
    const w = ctx.num('width')
    const crowded = ctx.bool('crowded')
    const o = limitOutcome('通行净宽', w, 'mm', { min: crowded ? 1800 : 1200, display: 'm' })
    const out: CheckOutcome = {
      ...o,
      explanation: `${o.explanation}（${crowded ? '人员密集的公共场所' : '一般场所'}）`,
    }
    if (o.verdict === 'pass' && ctx.optBool('outdoor') && w < 1500)
      out.advisories = [`室外通道净宽 ${formatMetres(w)}，小于 GB 50763 建议的 1.50 m`]
    return out
  },
}

const gateWidth = measureCheck({
  id: 'route.gate-width',
  category: 'route',
  title: '检票口、结算口轮椅通道宽度',
  requirement: '检票口、结算口应设轮椅通道，通道净宽不应小于 900 mm。',
  clauses: [gb55019('2.2.3', 'high'), gb50763('3.5.1', 'R', 'high')],
  severity: 'critical',
  input: lengthInput('laneWidth', '轮椅通道净宽', 300, 5000),
  rule: { min: 900 },
})

const grating: CheckDefinition = {
  id: 'route.grating',
  category: 'route',
  title: '通道上井盖、箅子的孔洞',
  requirement: '无障碍通道上的井盖、箅子孔洞宽度或直径不应大于 13 mm，条状孔洞应垂直于通行方向。',
  clauses: [
    gb55019('2.2.4', 'high'),
    gb50763Superseded('3.5.2', '2.2.4', '旧值：孔洞不大于 15 mm'),
    gb50763Superseded('3.3.2', '2.2.4', '旧值：出入口处箅子孔洞不大于 15 mm'),
  ],
  severity: 'major',
  inputs: [
    lengthInput('opening', '孔洞宽度或直径', 0, 200, { step: 0.5 }),
    choiceInput('orientation', '孔洞形状与方向', [
      { id: 'perpendicular', label: '条缝，垂直于通行方向' },
      { id: 'parallel', label: '条缝，平行于通行方向' },
      { id: 'hole', label: '圆孔或方孔' },
    ]),
  ],
  evaluate: (ctx) => {
    const v = ctx.num('opening')
    const size = limitOutcome('孔洞宽度', v, 'mm', { max: 13 })
    if (size.verdict === 'fail' && v <= 15)
      size.reasons = ['GB 50763-2012 的 15 mm 旧值已被 GB 55019-2021 第2.2.4条的 13 mm 取代']
    const dir: CheckOutcome =
      ctx.choice('orientation') === 'parallel'
        ? { verdict: 'fail', explanation: '条缝平行于通行方向，易卡住轮椅小轮和手杖' }
        : { verdict: 'pass', explanation: '孔洞方向符合要求' }
    return combine([size, dir])
  },
}

const lowHeadroom: CheckDefinition = {
  id: 'route.low-headroom',
  category: 'route',
  title: '低矮空间的防护',
  requirement: '楼梯、自动扶梯下方等净高不大于 2.00 m 的空间，应设置防止碰撞的安全阻挡。',
  clauses: [gb55019('2.2.5', 'medium')],
  severity: 'critical',
  inputs: [
    lengthInput('headroom', '最低处净高', 0, 5000),
    booleanInput('barrier', '是否设有安全阻挡', { hint: '净高大于 2.00 m 时可不填' }),
  ],
  appliesWhen: {
    description: '净高不大于 2.00 m',
    test: (ctx) => {
      const h = ctx.optNum('headroom')
      if (h === undefined) return null
      return atMost(h, 2000)
        ? { applies: true, reason: '' }
        : { applies: false, reason: `净高 ${formatMetres(h)}，大于 2.00 m，无需设置防护` }
    },
  },
  evaluate: (ctx) => {
    const head = `净高 ${formatMetres(ctx.num('headroom'))}，不大于 2.00 m`
    return ctx.bool('barrier')
      ? { verdict: 'pass', explanation: `${head}，已设安全阻挡` }
      : { verdict: 'fail', explanation: `${head}，未设安全阻挡` }
  },
}

const protrusion: CheckDefinition = {
  id: 'route.protrusion',
  category: 'route',
  title: '通道两侧突出物',
  requirement:
    '距地面 2.00 m 以下的墙面或柱上突出物，突出不应大于 100 mm；突出大于 100 mm 时，其底面距地面应小于 600 mm。',
  clauses: [gb50763('3.5.2', 'R', 'high', { item: '4' })],
  severity: 'major',
  inputs: [
    lengthInput('protrusion', '突出墙面或柱面的深度', 0, 1000),
    lengthInput('undersideHeight', '突出物底面距地面高度', 0, 3000),
  ],
  appliesWhen: {
    description: '突出物底面距地面低于 2.00 m',
    test: (ctx) => {
      const h = ctx.optNum('undersideHeight')
      if (h === undefined) return null
      return h < 2000
        ? { applies: true, reason: '' }
        : { applies: false, reason: `突出物底面距地面 ${formatMetres(h)}，不低于 2.00 m，不影响通行` }
    },
  },
  evaluate: (ctx) => {
    const p = ctx.num('protrusion')
    const h = ctx.num('undersideHeight')
    const head = `突出 ${formatNumber(p, 1)} mm，底面距地面 ${formatNumber(h, 1)} mm`
    if (atMost(p, 100)) return { verdict: 'pass', explanation: `${head}，突出不大于 100 mm` }
    if (h < 600)
      return { verdict: 'pass', explanation: `${head}，突出大于 100 mm 但底面低于 600 mm，可被手杖探及` }
    return { verdict: 'fail', explanation: `${head}，突出大于 100 mm 且底面不低于 600 mm，视障者易碰撞` }
  },
}

export const routeChecks: readonly CheckDefinition[] = [
  clearWidth,
  gateWidth,
  grating,
  lowHeadroom,
  protrusion,
]

import {
  allOf,
  atMost,
  basisOf,
  booleanInput,
  choiceInput,
  judgeLimit,
  lengthInput,
  limitOutcome,
  measureCheck,
  toleranceReason,
  whenYes,
  yesNoOutcome,
} from '../check-helpers'
import { formatMetres, formatNumber } from '../units'
import type { CheckDefinition, CheckOutcome } from '../types'
import { gb50763, gb50763Superseded, gb55019 } from './clauses'

const widthClause = gb55019('2.2.2', 'high')

const clearWidth: CheckDefinition = {
  id: 'route.clear-width',
  category: 'route',
  title: '无障碍通道通行净宽',
  requirement: '无障碍通道的通行净宽不应小于 1.20 m；人员密集的公共场所不应小于 1.80 m。',
  clauses: [
    widthClause,
    gb50763('3.5.1', 'R', 'high', {
      note: '旧规定：室内走道不小于 1.20 m，人流较多或较集中的大型公共建筑宜不小于 1.80 m；室外通道宜不小于 1.50 m',
    }),
  ],
  severity: 'critical',
  inputs: [
    lengthInput('width', '通行净宽', 300, 20000, { hint: '最窄处' }),
    booleanInput('crowded', '是否为人员密集的公共场所', { context: true }),
    booleanInput('outdoor', '是否为室外通道', { optional: true }),
  ],
  leniency: { crowded: [false, true] },
  evaluate: (ctx) => {
    const r = ctx.reading('width')
    const w = r.value
    const crowded = ctx.bool('crowded')
    const o = limitOutcome('通行净宽', r, 'mm', {
      min: crowded ? 1800 : 1200,
      display: 'm',
      by: [widthClause],
    })
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

const gratingClause = gb55019('2.2.4', 'high')

const grating: CheckDefinition = {
  id: 'route.grating',
  category: 'route',
  title: '通道上井盖、箅子的孔洞',
  requirement: '无障碍通道上的井盖、箅子孔洞宽度或直径不应大于 13 mm，条状孔洞应垂直于通行方向。',
  clauses: [
    gratingClause,
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
  evaluate: (ctx) =>
    allOf([
      () => {
        const r = ctx.reading('opening')
        const size = limitOutcome('孔洞宽度', r, 'mm', { max: 13, by: [gratingClause] })
        if (size.verdict === 'fail' && r.value <= 15)
          size.reasons = ['GB 50763-2012 的 15 mm 旧值已被 GB 55019-2021 第2.2.4条的 13 mm 取代，不再适用']
        return size
      },
      (): CheckOutcome =>
        ctx.choice('orientation') === 'parallel'
          ? {
              verdict: 'fail',
              explanation: '条缝平行于通行方向，易卡住轮椅小轮和手杖',
              basis: basisOf([gratingClause], '条缝垂直于通行方向'),
            }
          : { verdict: 'pass', explanation: '孔洞方向符合要求', basis: basisOf([gratingClause]) },
    ]),
}

const headroomClauses = [gb55019('2.2.5', 'medium')]

const lowHeadroom: CheckDefinition = {
  id: 'route.low-headroom',
  category: 'route',
  title: '低矮空间的防护',
  requirement: '楼梯、自动扶梯下方等净高不大于 2.00 m 的空间，应设置防止碰撞的安全阻挡。',
  clauses: headroomClauses,
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
    const basis = basisOf(headroomClauses, '净高 ≤ 2.00 m 处设安全阻挡')
    return ctx.bool('barrier')
      ? { verdict: 'pass', explanation: `${head}，已设安全阻挡`, basis }
      : { verdict: 'fail', explanation: `${head}，未设安全阻挡`, basis }
  },
}

const protrusionClause = gb50763('3.5.2', 'R', 'high', { item: '4' })

const protrusion: CheckDefinition = {
  id: 'route.protrusion',
  category: 'route',
  title: '通道两侧突出物',
  requirement:
    '距地面 2.00 m 以下的墙面或柱上突出物，突出不应大于 100 mm；突出大于 100 mm 时，其底面距地面应小于 600 mm。',
  clauses: [protrusionClause],
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
    const p = ctx.reading('protrusion')
    const h = ctx.reading('undersideHeight')
    const head = `突出 ${formatNumber(p.value, 1)} mm，底面距地面 ${formatNumber(h.value, 1)} mm`
    const basis = basisOf([protrusionClause], '突出 ≤ 100 mm，或底面距地面 < 600 mm')
    if (atMost(p.value, 100)) return { verdict: 'pass', explanation: `${head}，突出不大于 100 mm`, basis }
    if (h.value < 600)
      return {
        verdict: 'pass',
        explanation: `${head}，突出大于 100 mm 但底面低于 600 mm，可被手杖探及`,
        basis,
      }
    const explanation = `${head}，突出大于 100 mm 且底面不低于 600 mm，视障者易碰撞`
    const depth = judgeLimit('突出', p, 'mm', { max: 100 })
    const under = judgeLimit('底面高度', h, 'mm', { max: 600, maxExclusive: true })
    if (depth.nearMiss || under.nearMiss)
      return {
        verdict: 'needs-review',
        explanation,
        reasons: [toleranceReason('突出 ≤ 100 mm 或底面 < 600 mm', depth.nearMiss ? p.source : h.source)],
        basis,
      }
    return { verdict: 'fail', explanation, basis }
  },
}

const levelChangeClauses = [
  gb55019('2.2.1', 'medium', {
    note: '条文要求以轮椅坡道、缘石坡道或升降平台解决通道上的高差（据条文说明）',
  }),
]
const bridged = booleanInput('bridged', '高差处是否设有轮椅坡道、缘石坡道或升降平台')

const levelChange: CheckDefinition = {
  id: 'route.level-change',
  category: 'route',
  title: '通道上的高差',
  requirement:
    '无障碍通道上有高差（台阶、坎）时，应设轮椅坡道、缘石坡道或升降平台。门口不大于 15 mm 的高差见“门槛与门口高差”。',
  clauses: levelChangeClauses,
  severity: 'critical',
  inputs: [booleanInput('levelChange', '通道上是否有台阶、坎等高差（门口 15 mm 以内的除外）'), bridged],
  appliesWhen: whenYes('levelChange', '通道上有高差', '通道上没有高差，不适用'),
  evaluate: (ctx) =>
    allOf([
      () =>
        yesNoOutcome(
          ctx,
          {
            input: bridged,
            expected: true,
            failText: '通道上有高差，但未设轮椅坡道、缘石坡道或升降平台',
            passText: '通道上的高差处已设轮椅坡道、缘石坡道或升降平台',
          },
          levelChangeClauses,
        ),
    ]),
}

export const routeChecks: readonly CheckDefinition[] = [
  levelChange,
  clearWidth,
  gateWidth,
  grating,
  lowHeadroom,
  protrusion,
]

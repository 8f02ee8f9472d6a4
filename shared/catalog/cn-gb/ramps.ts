import {
  allOf,
  atMost,
  basisOf,
  booleanInput,
  gradientInput,
  judgedClauses,
  judgeLimit,
  lengthInput,
  limitOutcome,
  measureCheck,
  missingOutcome,
  toleranceReason,
  whenYes,
  widen,
  yesNoOutcome,
} from '../check-helpers'
import {
  gradientDerived,
  readGradient,
  requireGradient,
  riseInput,
  runInput,
  gradientReadingInput,
  slopeAlternatives,
  slopeInputs,
  validateSlope,
} from '../slope'
import { formatGradient, formatNumber, formatQuantity, gradientFromReading } from '../units'
import type { CheckDefinition } from '../types'
import { gb50763, gb50763Superseded, gb55019 } from './clauses'
import {
  RAMP_CONSTRAINED_MAX_GRADIENT,
  RAMP_CONSTRAINED_MAX_RISE_MM,
  RAMP_MAX_GRADIENT,
  RAMP_MAX_RISE_PER_RUN_MM,
  riseDerived,
} from './ramp-table'

const slopeClause = gb55019('2.3.1', 'medium')
const slopeClauses = [slopeClause]
const SLOPE_FIGURE = '≤ 1:12（8.33%）；场地条件受限且高差 ≤ 150 mm 时 ≤ 1:10（10%）'

const slope: CheckDefinition = {
  id: 'ramp.slope',
  category: 'ramp',
  title: '轮椅坡道纵向坡度',
  requirement:
    '坡道纵向坡度不应陡于 1:12；仅在场地条件受限、且本段高差不大于 150 mm 时，可放宽到不陡于 1:10。',
  clauses: slopeClauses,
  severity: 'critical',
  inputs: [
    ...slopeInputs(),
    booleanInput('constrained', '场地条件是否受限', {
      optional: true,
      context: true,
      hint: '仅坡度在 1:12 与 1:10 之间时需要',
    }),
  ],
  requires: slopeAlternatives,
  leniency: { constrained: [true, false] },
  validate: validateSlope,
  evaluate: (ctx) => {
    const r = requireGradient(ctx)
    const g = gradientFromReading(r.value, '%')
    const derived = [gradientDerived(g)]
    const main = limitOutcome('坡度', r, '%', { max: RAMP_MAX_GRADIENT * 100, by: slopeClauses })
    if (main.verdict !== 'fail') return { ...main, derived }
    const fg = formatQuantity(r.value, '%', undefined, RAMP_MAX_GRADIENT * 100)
    const basis = basisOf(slopeClauses, SLOPE_FIGURE)
    const steep = judgeLimit('坡度', r, '%', { max: RAMP_CONSTRAINED_MAX_GRADIENT * 100 })
    if (!steep.within && !steep.nearMiss)
      return {
        verdict: 'fail',
        explanation: `坡度 ${formatQuantity(r.value, '%', undefined, 10)}，超过 1:12 的最大允许坡度，也陡于受限条件下的 1:10`,
        basis,
        derived,
      }
    const lead = `坡度 ${fg}，超过 1:12 的最大允许坡度；只有场地条件受限且高差不大于 150 mm 时才允许不陡于 1:10`
    const rise = ctx.optReading('rise')
    if (rise !== undefined) {
      const cap = judgeLimit('本段高差', rise, 'mm', { max: RAMP_CONSTRAINED_MAX_RISE_MM })
      if (!cap.within && !cap.nearMiss)
        return { verdict: 'fail', explanation: `${lead}，${cap.text}`, basis, derived }
    }
    if (!ctx.bool('constrained'))
      return { verdict: 'fail', explanation: `${lead}，现场记录为场地条件不受限`, basis, derived }
    if (rise === undefined) return { ...missingOutcome(ctx, ['rise'], lead), derived }
    return {
      verdict: 'needs-review',
      explanation: `${lead}；本段高差 ${formatNumber(rise.value, 1)} mm，记录为场地条件受限`,
      reasons: [
        '“场地条件受限”属人工判断，需复核现场是否确属受限条件后方可按 1:10 放宽',
        ...(steep.nearMiss ? [toleranceReason('≤ 1:10（10%）', r.source)] : []),
      ],
      basis,
      derived,
    }
  },
}

const risePerRun: CheckDefinition = {
  id: 'ramp.rise-per-run',
  category: 'ramp',
  title: '轮椅坡道每段提升高度',
  requirement:
    '每段坡道（两个平台之间）的高差不应大于 750 mm，与坡度无关。坡度是否允许、受限条件下 150 mm 的高差限制由“轮椅坡道纵向坡度”判定。GB 50763 表3.4.4 中更大的高度已不再适用。',
  clauses: [
    slopeClause,
    gb50763Superseded(
      '3.4.4',
      '2.3.1',
      '表3.4.4：1:20 为 1.20 m、1:16 为 0.90 m、1:12 为 0.75 m、1:10 为 0.60 m、1:8 为 0.30 m（仅 1:12 一行已与条文核对）',
    ),
  ],
  severity: 'major',
  inputs: [riseInput(false), runInput(), gradientReadingInput()],
  defersTo: [
    { checkId: 'ramp.slope', what: '坡度是否允许，以及受限条件下按 1:10 放宽时高差不大于 150 mm 的限制' },
  ],
  validate: validateSlope,
  evaluate: (ctx) => {
    const o = limitOutcome('本段高差', ctx.reading('rise'), 'mm', {
      max: RAMP_MAX_RISE_PER_RUN_MM,
      by: slopeClauses,
    })
    const g = readGradient(ctx)
    if (g === undefined) return o
    const steep = !atMost(g, RAMP_MAX_GRADIENT)
      ? `；坡度 ${formatGradient(g)} 陡于 1:12，是否允许由“轮椅坡道纵向坡度”判定`
      : ''
    return { ...o, explanation: o.explanation + steep, derived: riseDerived(g) }
  },
}

const crossSlope = measureCheck({
  id: 'ramp.cross-slope',
  category: 'ramp',
  title: '轮椅坡道横向坡度',
  requirement: '坡面横向坡度不应陡于 1:50（2%）。',
  clauses: [gb55019('2.3.1', 'medium')],
  severity: 'major',
  input: gradientInput('crossSlope', '横向坡度', { hint: '垂直于通行方向测量' }),
  rule: { max: 2 },
})

const clearWidth = measureCheck({
  id: 'ramp.clear-width',
  category: 'ramp',
  title: '轮椅坡道通行净宽',
  requirement: '坡道通行净宽（扶手或侧挡之间最窄处）不应小于 1.20 m。',
  clauses: [
    gb55019('2.3.2', 'medium'),
    gb50763Superseded('3.4.2', '2.3.2', '旧值：一般不小于 1.00 m，无障碍出入口处不小于 1.20 m'),
  ],
  severity: 'critical',
  input: lengthInput('width', '通行净宽', 300, 10000, { hint: '扶手之间或侧挡之间最窄处' }),
  rule: { min: 1200, display: 'm' },
})

const landingLength = measureCheck({
  id: 'ramp.landing-length',
  category: 'ramp',
  title: '坡道起点、终点和休息平台长度',
  requirement:
    '坡道起点、终点和中间休息平台沿通行方向的水平长度不应小于 1.50 m，门扇开启和物品不得占用该空间。',
  clauses: [gb55019('2.3.3', 'medium'), gb50763('3.4.6', 'R', 'high')],
  severity: 'major',
  input: lengthInput('landingLength', '平台水平长度', 300, 20000, {
    hint: '填各平台中最短的一处，扣除门扇开启占用的范围',
  }),
  rule: { min: 1500, display: 'm' },
})

const landingClauses = [gb55019('2.3.3', 'medium')]

const landingWidth: CheckDefinition = {
  id: 'ramp.landing-width',
  category: 'ramp',
  title: '坡道平台宽度',
  requirement: '坡道起点、终点和休息平台的净宽不应小于坡道的通行净宽。',
  clauses: landingClauses,
  severity: 'major',
  inputs: [
    lengthInput('landingWidth', '平台净宽', 300, 20000),
    lengthInput('rampWidth', '坡道通行净宽', 300, 10000),
  ],
  evaluate: (ctx) => {
    const ramp = ctx.reading('rampWidth')
    return limitOutcome('平台净宽', widen(ctx.reading('landingWidth'), ramp), 'mm', {
      min: ramp.value,
      display: 'm',
      by: landingClauses,
    })
  },
}

const handrailClauses = [gb55019('2.3.4', 'high'), gb50763('3.4.3', 'R', 'high')]
const bothSides = booleanInput('bothSides', '两侧是否均设扶手')
const continuous = booleanInput('continuous', '扶手在休息平台处是否连贯')

const handrails: CheckDefinition = {
  id: 'ramp.handrails',
  category: 'ramp',
  title: '轮椅坡道两侧扶手',
  requirement: '坡道高差大于 300 mm 且坡度陡于 1:20 时，应在两侧设置扶手，扶手在平台处保持连贯。',
  clauses: handrailClauses,
  severity: 'major',
  inputs: [riseInput(false), runInput(), gradientReadingInput(), bothSides, continuous],
  requires: [['run'], ['gradient']],
  validate: validateSlope,
  appliesWhen: {
    description: '高差大于 300 mm 且坡度陡于 1:20',
    test: (ctx) => {
      const rise = ctx.optNum('rise')
      if (rise === undefined) return null
      if (atMost(rise, 300))
        return { applies: false, reason: `高差 ${formatNumber(rise, 1)} mm，不大于 300 mm，无需设置两侧扶手` }
      const g = readGradient(ctx)
      if (g === undefined) return null
      if (atMost(g, 1 / 20))
        return {
          applies: false,
          reason: `坡度 ${formatGradient(g)}，不陡于 1:20，无需设置两侧扶手`,
          derived: [gradientDerived(g)],
        }
      return { applies: true, reason: '' }
    },
  },
  evaluate: (ctx) => {
    const derived = [gradientDerived(gradientFromReading(requireGradient(ctx).value, '%'))]
    const lead = `高差 ${formatNumber(ctx.num('rise'), 1)} mm、坡度 ${derived[0]!.display}，须两侧设扶手`
    const by = judgedClauses(handrailClauses)
    const o = allOf([
      () => yesNoOutcome(ctx, { input: bothSides, expected: true, failText: '未在两侧设置扶手' }, by),
      () => yesNoOutcome(ctx, { input: continuous, expected: true, failText: '扶手在休息平台处不连贯' }, by),
    ])
    const tail = o.verdict === 'pass' ? '两侧均设扶手且连贯' : o.explanation
    return { ...o, explanation: [lead, tail].filter(Boolean).join('；'), derived }
  },
}

const edgeClauses = [
  gb55019('2.3.5', 'medium', { note: '条文未规定挡台高度；常见的 50 mm 不是规范数值' }),
  gb50763('3.4.7', 'R', 'medium'),
]

const edgeProtection: CheckDefinition = {
  id: 'ramp.edge-protection',
  category: 'ramp',
  title: '坡道临空侧安全阻挡',
  requirement: '坡道临空一侧应设置安全阻挡措施（如挡台、栏杆或侧墙），防止轮椅冲出坡面。',
  clauses: edgeClauses,
  severity: 'critical',
  inputs: [
    booleanInput('openSide', '坡道是否有临空侧'),
    booleanInput('barrier', '临空侧是否设有安全阻挡'),
    lengthInput('upstandHeight', '挡台高度', 0, 500, { optional: true, hint: '无挡台可不填' }),
  ],
  appliesWhen: whenYes('openSide', '坡道有临空侧', '坡道无临空侧，无需设置安全阻挡'),
  evaluate: (ctx) => {
    const basis = basisOf(edgeClauses)
    if (!ctx.bool('barrier')) return { verdict: 'fail', explanation: '临空侧未设置安全阻挡措施', basis }
    const h = ctx.optNum('upstandHeight')
    if (h !== undefined && h < 50)
      return {
        verdict: 'needs-review',
        explanation: `临空侧已设安全阻挡；挡台高度 ${formatNumber(h, 1)} mm，低于常见做法的 50 mm`,
        reasons: ['规范未规定挡台高度，50 mm 不能作为判定依据；请现场判断该阻挡能否防止轮椅冲出坡面'],
        basis,
      }
    return { verdict: 'pass', explanation: '临空侧已设置安全阻挡措施', basis }
  },
}

export const rampChecks: readonly CheckDefinition[] = [
  slope,
  risePerRun,
  crossSlope,
  clearWidth,
  landingLength,
  landingWidth,
  handrails,
  edgeProtection,
]

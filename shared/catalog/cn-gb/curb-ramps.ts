import {
  allOf,
  basisOf,
  booleanInput,
  contradicts,
  choiceInput,
  gradientInput,
  lengthInput,
  limitOutcome,
  measureCheck,
  missingOutcome,
  presentWith,
  toleranceReason,
  whenYes,
  widen,
  yesNoCheck,
} from '../check-helpers'
import { gradientDerived, requireGradient, slopeAlternatives, slopeInputs, validateSlope } from '../slope'
import { formatQuantity, gradientFromReading } from '../units'
import type { CheckDefinition, CheckOutcome } from '../types'
import { gb50763, gb50763Superseded, gb55019 } from './clauses'

const typeOptions = [
  { id: 'full-width', label: '全宽式单面坡' },
  { id: 'three-sided', label: '三面坡' },
  { id: 'other', label: '其他形式' },
]
const typeInput = choiceInput('type', '缘石坡道类型', typeOptions)

const provision = yesNoCheck({
  id: 'curb-ramp.provision',
  category: 'curb-ramp',
  title: '缘石坡道设置',
  requirement: '人行道在路口、出入口和人行横道等处与车行道之间有高差时，应设置缘石坡道。',
  clauses: [gb55019('2.10.1', 'high')],
  severity: 'critical',
  before: [booleanInput('levelChange', '人行道与车行道之间是否有高差')],
  appliesWhen: whenYes(
    'levelChange',
    '人行道与车行道之间有高差',
    '人行道与车行道之间无高差，无需设置缘石坡道',
  ),
  conditions: [
    {
      input: booleanInput('provided', '是否设有缘石坡道'),
      expected: true,
      failText: '有高差处未设置缘石坡道',
    },
  ],
  passText: '有高差处已设置缘石坡道',
})

const lipClause = gb55019('2.10.2', 'high')

const lip: CheckDefinition = {
  id: 'curb-ramp.lip',
  category: 'curb-ramp',
  title: '缘石坡道坡口与车行道高差',
  requirement: '缘石坡道的坡口与车行道之间应没有高差。',
  clauses: [lipClause, gb50763Superseded('3.1.1', '2.10.2', '旧规定：宜无高差，有高差时不大于 10 mm')],
  severity: 'critical',
  inputs: [lengthInput('lip', '坡口与车行道高差', 0, 300, { step: 1 })],
  evaluate: (ctx) => {
    const r = ctx.reading('lip')
    const basis = basisOf([lipClause], '无高差（0 mm）')
    if (r.value === 0) return { verdict: 'pass', explanation: '坡口与车行道之间无高差，符合要求', basis }
    const explanation = `坡口与车行道高差 ${formatQuantity(r.value, 'mm', undefined, 0)}，要求无高差（0 mm）`
    // the true value lies in (lo, hi): a 1 mm reading surely is not 0 mm, a 0.5 mm one may be
    if (r.lo < 0)
      return { verdict: 'needs-review', explanation, reasons: [toleranceReason('0 mm', r.source)], basis }
    const outcome: CheckOutcome = { verdict: 'fail', explanation, basis }
    if (r.value <= 10)
      outcome.reasons = [
        'GB 50763-2012 第3.1.1条“有高差时不大于 10 mm”的旧规定已被 GB 55019-2021 第2.10.2条取代，不再适用',
      ]
    return outcome
  },
}

const slopeClauses = [
  gb55019('2.10.4', 'medium', { note: '各款内容按与 GB 50763 第3.1.2条相同处理，尚未与规范原文核对' }),
]
/** GB 50763 3.1.2: 1 full-width single slope ≤ 1:20; 2 three-sided front and sides ≤ 1:12; 3 other types ≤ 1:12. */
const gb50763Slope = (item: '1' | '2' | '3') => gb50763('3.1.2', 'R', 'high', { item })
const slopeItem = { 'full-width': '1', 'three-sided': '2', other: '3' } as const

const slope: CheckDefinition = {
  id: 'curb-ramp.slope',
  category: 'curb-ramp',
  title: '缘石坡道坡度',
  requirement:
    '全宽式单面坡缘石坡道的坡度不应陡于 1:20；三面坡缘石坡道正面和侧面的坡度、其他形式缘石坡道的坡度均不应陡于 1:12。',
  clauses: [...slopeClauses, gb50763Slope('1'), gb50763Slope('2'), gb50763Slope('3')],
  severity: 'critical',
  inputs: [
    { ...typeInput, context: true },
    ...slopeInputs(),
    gradientInput('sideGradient', '侧面坡度', { optional: true, hint: '仅三面坡填写' }),
  ],
  requires: slopeAlternatives,
  leniency: { type: ['other', 'three-sided', 'full-width'] },
  validate: validateSlope,
  evaluate: (ctx) => {
    const type = ctx.choice('type') as keyof typeof slopeItem
    const r = requireGradient(ctx)
    const limit = type === 'full-width' ? 5 : 100 / 12
    const by = [...slopeClauses, gb50763Slope(slopeItem[type])]
    const derived = [gradientDerived(gradientFromReading(r.value, '%'))]
    const o = allOf([
      () => limitOutcome('坡度', r, '%', { max: limit, by }),
      () =>
        type === 'three-sided'
          ? limitOutcome('侧面坡度', ctx.reading('sideGradient'), '%', { max: limit, by })
          : { verdict: 'pass', explanation: '' },
    ])
    return { ...o, derived }
  },
}

const widthClauses = [
  gb55019('2.10.5', 'medium', { note: '各款内容按与 GB 50763 第3.1.3条相同处理，尚未与规范原文核对' }),
]
/** GB 50763 3.1.3: 1 full-width = sidewalk width; 2 three-sided front ≥ 1.20 m; 3 other types ≥ 1.50 m. */
const gb50763Width = (item: '1' | '2' | '3') => gb50763('3.1.3', 'R', 'high', { item })

const width: CheckDefinition = {
  id: 'curb-ramp.width',
  category: 'curb-ramp',
  title: '缘石坡道宽度',
  requirement:
    '全宽式单面坡缘石坡道应与人行道同宽；三面坡缘石坡道正面宽度不应小于 1.20 m；其他形式缘石坡道的坡口宽度不应小于 1.50 m。',
  clauses: [...widthClauses, gb50763Width('1'), gb50763Width('2'), gb50763Width('3')],
  severity: 'major',
  inputs: [
    typeInput,
    lengthInput('width', '坡道宽度', 300, 20000, {
      hint: '全宽式量坡道宽度，三面坡量正面宽度，其他形式量坡口宽度',
    }),
    lengthInput('sidewalkWidth', '人行道宽度', 300, 20000, { optional: true, hint: '仅全宽式填写' }),
  ],
  evaluate: (ctx) => {
    const type = ctx.choice('type')
    const w = ctx.reading('width')
    if (type === 'three-sided')
      return limitOutcome('正面宽度', w, 'mm', {
        min: 1200,
        display: 'm',
        by: [...widthClauses, gb50763Width('2')],
      })
    if (type === 'other')
      return limitOutcome('坡口宽度', w, 'mm', {
        min: 1500,
        display: 'm',
        by: [...widthClauses, gb50763Width('3')],
      })
    const sidewalk = ctx.optReading('sidewalkWidth')
    if (sidewalk === undefined) return missingOutcome(ctx, ['sidewalkWidth'], '全宽式缘石坡道须与人行道同宽')
    const o = limitOutcome('坡道宽度', widen(w, sidewalk), 'mm', {
      min: sidewalk.value,
      display: 'm',
      by: [...widthClauses, gb50763Width('1')],
    })
    return { ...o, explanation: `${o.explanation}（全宽式应与人行道同宽）` }
  },
}

const topLanding = measureCheck({
  id: 'curb-ramp.top-landing',
  category: 'curb-ramp',
  title: '缘石坡道顶端过渡空间',
  requirement: '缘石坡道顶端处应留有深度不小于 900 mm 的水平过渡空间。',
  clauses: [gb55019('2.10.6', 'high')],
  severity: 'major',
  input: lengthInput('landingDepth', '顶端过渡空间深度', 0, 5000),
  rule: { min: 900 },
})

const warningClauses = [
  gb55019('2.10.3', 'high', { note: '250–300 mm 与条文核对一致；长度与坡道宽度相对应的要求尚未逐字核对' }),
]

const warningStrip: CheckDefinition = {
  id: 'curb-ramp.warning-strip',
  category: 'curb-ramp',
  title: '缘石坡道下口提示盲道',
  requirement: '缘石坡道下口应设提示盲道，距坡道下口路缘石 250–300 mm，长度与坡道宽度一致。',
  clauses: warningClauses,
  severity: 'major',
  inputs: [
    booleanInput('present', '坡道下口是否设有提示盲道'),
    lengthInput('offset', '提示盲道距下口路缘石距离', 0, 2000, { optional: true }),
  ],
  evaluate: (ctx) =>
    presentWith(ctx, {
      present: 'present',
      absentText: '缘石坡道下口未设提示盲道',
      presentText: '已设提示盲道',
      by: warningClauses,
      measure: 'offset',
      judge: (v) => limitOutcome('提示盲道距下口路缘石', v, 'mm', { min: 250, max: 300, by: warningClauses }),
    }),
}

const grating = yesNoCheck({
  id: 'curb-ramp.grating',
  category: 'curb-ramp',
  title: '缘石坡道上下口雨水箅子',
  requirement: '缘石坡道的顶端和底端不应设置雨水箅子。',
  clauses: [gb55019('2.10.7', 'high')],
  severity: 'major',
  conditions: [
    {
      input: booleanInput('hasGrating', '坡道顶端或底端是否有雨水箅子'),
      expected: false,
      failText: '坡道顶端或底端设有雨水箅子',
    },
  ],
  passText: '坡道顶端和底端均无雨水箅子',
})

const bollardSpacing = measureCheck({
  id: 'curb-ramp.bollard-spacing',
  category: 'curb-ramp',
  title: '缘石坡道阻车桩间距',
  requirement: '缘石坡道处设阻车桩时，阻车桩之间的净距不应小于 900 mm。',
  clauses: [gb55019('2.10.7', 'high')],
  severity: 'critical',
  before: [booleanInput('hasBollards', '是否设有阻车桩')],
  appliesWhen: whenYes('hasBollards', '设有阻车桩', '未设阻车桩，不适用', true, 'spacing'),
  validate: (ctx) => contradicts(ctx, 'hasBollards', 'spacing'),
  input: lengthInput('spacing', '阻车桩最小净距', 0, 5000),
  rule: { min: 900 },
})

export const curbRampChecks: readonly CheckDefinition[] = [
  provision,
  lip,
  slope,
  width,
  topLanding,
  warningStrip,
  grating,
  bollardSpacing,
]

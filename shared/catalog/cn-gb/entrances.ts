import {
  basisOf,
  booleanInput,
  contradicts,
  choiceInput,
  lengthInput,
  limitOutcome,
  measureCheck,
  whenYes,
  yesNoCheck,
} from '../check-helpers'
import { gradientDerived, requireGradient, slopeAlternatives, slopeInputs, validateSlope } from '../slope'
import { gradientFromReading } from '../units'
import type { CheckDefinition } from '../types'
import { gb50763, gb55019 } from './clauses'

const typeClauses = [gb55019('2.4.1', 'high'), gb50763('3.3.1', 'R', 'high')]

const type: CheckDefinition = {
  id: 'entrance.type',
  category: 'entrance',
  title: '无障碍出入口形式',
  requirement:
    '无障碍出入口应为平坡出入口、同时设台阶和轮椅坡道的出入口，或同时设台阶和升降平台的出入口之一。',
  clauses: typeClauses,
  severity: 'critical',
  inputs: [
    choiceInput('entranceType', '出入口形式', [
      { id: 'level', label: '平坡出入口' },
      { id: 'steps-ramp', label: '台阶＋轮椅坡道' },
      { id: 'steps-lift', label: '台阶＋升降平台' },
      { id: 'steps-only', label: '仅有台阶' },
    ]),
  ],
  evaluate: (ctx) =>
    ctx.choice('entranceType') === 'steps-only'
      ? {
          verdict: 'fail',
          explanation: '出入口仅有台阶，未设平坡、轮椅坡道或升降平台',
          basis: basisOf(typeClauses),
        }
      : { verdict: 'pass', explanation: '出入口形式符合无障碍出入口的要求', basis: basisOf(typeClauses) },
}

const levelSlopeRule = gb50763('3.3.3', 'R', 'high', {
  note: '平坡出入口的地面坡度不应大于 1:20；条件允许时宜不大于 1:30',
})
const levelSlopeAdvisory = gb50763('8.1.3', 'A', 'medium', {
  note: '公共建筑主要出入口宜采用坡度小于 1:30 的平坡出入口',
})

const levelSlope: CheckDefinition = {
  id: 'entrance.level-slope',
  category: 'entrance',
  title: '平坡出入口坡度',
  requirement: '平坡出入口的地面坡度不应陡于 1:20；场地条件允许时宜不陡于 1:30。',
  clauses: [
    gb50763('2.0.6', 'R', 'high', { note: '术语：地面坡度不大于 1:20 且不设扶手的出入口' }),
    levelSlopeRule,
    levelSlopeAdvisory,
  ],
  severity: 'major',
  inputs: slopeInputs(),
  requires: slopeAlternatives,
  validate: validateSlope,
  evaluate: (ctx) => {
    const r = requireGradient(ctx)
    const derived = [gradientDerived(gradientFromReading(r.value, '%'))]
    const o = limitOutcome('坡度', r, '%', { max: 5, by: [levelSlopeRule] })
    if (o.verdict === 'fail')
      return { ...o, explanation: `${o.explanation}，不属于平坡出入口（应按轮椅坡道设置）`, derived }
    if (o.verdict !== 'pass') return { ...o, derived }
    const advised = limitOutcome('坡度', r, '%', { max: 100 / 30, advisory: true })
    return advised.advisories
      ? {
          ...o,
          explanation: `${o.explanation}；场地条件允许时宜不陡于 1:30`,
          advisories: advised.advisories,
          derived,
        }
      : { ...o, derived }
  },
}

const landingDepth = measureCheck({
  id: 'entrance.landing-depth',
  category: 'entrance',
  title: '出入口门前平台净深',
  requirement: '除平坡出入口外，门完全开启时，无障碍出入口门前平台的净深度不应小于 1.50 m。',
  clauses: [gb55019('2.4.2', 'medium'), gb50763('3.3.2', 'R', 'medium')],
  severity: 'major',
  before: [booleanInput('levelEntrance', '是否为平坡出入口')],
  appliesWhen: whenYes('levelEntrance', '非平坡出入口', '平坡出入口不要求门前平台净深', false),
  input: lengthInput('depth', '门前平台净深', 300, 20000, { hint: '门完全开启状态下测量' }),
  rule: { min: 1500, display: 'm' },
})

const canopy = yesNoCheck({
  id: 'entrance.canopy',
  category: 'entrance',
  title: '出入口雨篷',
  requirement: '无障碍出入口的上方应设置雨篷。',
  clauses: [gb55019('2.4.2', 'medium'), gb50763('3.3.2', 'R', 'medium')],
  severity: 'minor',
  conditions: [
    {
      input: booleanInput('hasCanopy', '出入口上方是否设有雨篷'),
      expected: true,
      failText: '出入口上方未设雨篷',
    },
  ],
  passText: '出入口上方已设雨篷',
})

const lobbyDepth = measureCheck({
  id: 'entrance.lobby-depth',
  category: 'entrance',
  title: '出入口两道门之间的距离',
  requirement: '建筑物无障碍出入口设两道门时，门扇开启后两道门之间的净距不应小于 1.50 m。',
  clauses: [gb55019('2.5.7', 'high'), gb50763('3.3.2', 'R', 'high')],
  severity: 'major',
  before: [booleanInput('twoDoors', '出入口是否设有两道门')],
  appliesWhen: whenYes('twoDoors', '出入口设有两道门', '出入口只有一道门，不适用', true, 'lobbyDepth'),
  validate: (ctx) => contradicts(ctx, 'twoDoors', 'lobbyDepth'),
  input: lengthInput('lobbyDepth', '两道门之间净距', 300, 20000, { hint: '扣除门扇摆动范围后的净距' }),
  rule: { min: 1500, display: 'm' },
})

const gateBollards = measureCheck({
  id: 'entrance.bollard-spacing',
  category: 'entrance',
  title: '出入口车挡间距',
  requirement: '出入口设闸机或车挡时应保证轮椅可通行；车挡净距的参考值为不小于 900 mm（数值待核实）。',
  clauses: [gb55019('2.4.3', 'low', { note: '条文要求轮椅能够通行；900 mm 尚未与规范原文核对' })],
  severity: 'major',
  before: [booleanInput('hasBollards', '出入口是否设有车挡')],
  appliesWhen: whenYes('hasBollards', '出入口设有车挡', '出入口未设车挡，不适用', true, 'spacing'),
  validate: (ctx) => contradicts(ctx, 'hasBollards', 'spacing'),
  input: lengthInput('spacing', '车挡最小净距', 0, 5000),
  rule: {
    min: 900,
    lowConfidence:
      'GB 55019-2021 第2.4.3条要求轮椅能够通行；900 mm 的车挡净距尚未与规范原文核对，请现场确认轮椅能否顺利通过',
  },
})

export const entranceChecks: readonly CheckDefinition[] = [
  type,
  levelSlope,
  landingDepth,
  canopy,
  lobbyDepth,
  gateBollards,
]

import {
  booleanInput,
  choiceInput,
  lengthInput,
  limitOutcome,
  measureCheck,
  yesNoCheck,
} from '../check-helpers'
import type { CheckDefinition } from '../types'
import { gb50763, gb55019 } from './clauses'
import { contrastCheck, nominalOutcome, tileInput } from './tactile-shared'

/** 2.11.1: laid so that visually impaired people walk safely and keep their bearing; 2.11.2: avoids obstacles, never occupied. */
const safeWalking = gb55019('2.11.1', 'high')
const keptFree = gb55019('2.11.2', 'high')

const continuity = yesNoCheck({
  id: 'tactile-directional.continuity',
  category: 'tactile-directional',
  title: '行进盲道连续、无占用',
  requirement: '行进盲道应连续铺设，遇障碍物时绕行，不得被车辆、设施或杂物占用。',
  clauses: [safeWalking, keptFree],
  severity: 'critical',
  conditions: [
    {
      input: booleanInput('continuous', '盲道是否连续（无中断，遇障碍物绕行）'),
      expected: true,
      failText: '盲道中断或未绕开障碍物',
      by: [safeWalking, keptFree],
    },
    {
      input: booleanInput('unoccupied', '盲道上是否无占用物'),
      expected: true,
      failText: '盲道被设施、车辆或杂物占用',
      by: [keptFree],
    },
  ],
  passText: '盲道连续且未被占用',
})

const width = measureCheck({
  id: 'tactile-directional.width',
  category: 'tactile-directional',
  title: '行进盲道宽度',
  requirement: '行进盲道宽度宜为 250–500 mm（建议性要求）。',
  clauses: [gb50763('3.2.2', 'A', 'medium', { note: '网上常见的 0.30–0.60 m 为已废止的 JGJ 50-2001 数值' })],
  severity: 'minor',
  input: lengthInput('width', '行进盲道宽度', 50, 2000),
  rule: { min: 250, max: 500, advisory: true },
})

const barHeightClauses = [
  gb50763('3.2.1', 'R', 'medium', { note: '网上常见的 5 mm 为已废止的 JGJ 50-2001 数值' }),
  gb50763('3.2.2', 'R', 'medium', {
    note: '表3.2.2 触感条：面宽 25 mm、底宽 35 mm、高 4 mm、中心距 62–75 mm',
  }),
]

const barHeight: CheckDefinition = {
  id: 'tactile-directional.bar-height',
  category: 'tactile-directional',
  title: '行进盲道触感条高度',
  requirement: '行进盲道触感条凸出铺面 4 mm。',
  clauses: barHeightClauses,
  severity: 'minor',
  inputs: [tileInput('barHeight', '触感条凸起高度', 20)],
  evaluate: (ctx) => nominalOutcome('触感条高度', ctx.reading('barHeight'), 4, barHeightClauses),
}

const barSpacing = measureCheck({
  id: 'tactile-directional.bar-spacing',
  category: 'tactile-directional',
  title: '行进盲道触感条中心距',
  requirement: '行进盲道触感条的中心距应为 62–75 mm。',
  clauses: [gb50763('3.2.2', 'R', 'medium', { note: '表3.2.2' })],
  severity: 'minor',
  input: lengthInput('barSpacing', '触感条中心距', 10, 300),
  rule: { min: 62, max: 75 },
})

const kerbClauses = [gb50763('3.2.2', 'R', 'medium')]

const kerbOffset: CheckDefinition = {
  id: 'tactile-directional.kerb-offset',
  category: 'tactile-directional',
  title: '行进盲道距路缘石距离',
  requirement:
    '无树池时，行进盲道与路缘石上沿齐平的，距路缘石不应小于 500 mm；低于路缘石上沿的，不应小于 250 mm。',
  clauses: kerbClauses,
  severity: 'major',
  inputs: [
    choiceInput(
      'kerbRelation',
      '盲道与路缘石上沿的关系',
      [
        { id: 'flush', label: '齐平' },
        { id: 'lower', label: '低于路缘石上沿' },
      ],
      { context: true },
    ),
    lengthInput('kerbOffset', '距路缘石距离', 0, 5000),
  ],
  leniency: { kerbRelation: ['lower', 'flush'] },
  evaluate: (ctx) => {
    const flush = ctx.choice('kerbRelation') === 'flush'
    const o = limitOutcome('距路缘石', ctx.reading('kerbOffset'), 'mm', {
      min: flush ? 500 : 250,
      by: kerbClauses,
    })
    return { ...o, explanation: `${o.explanation}（盲道${flush ? '与路缘石上沿齐平' : '低于路缘石上沿'}）` }
  },
}

const sideOffset = measureCheck({
  id: 'tactile-directional.side-offset',
  category: 'tactile-directional',
  title: '行进盲道距围墙、花台、绿化带或树池的距离',
  requirement: '行进盲道距围墙、花台、绿化带或树池宜为 250–500 mm（建议性要求）。',
  clauses: [gb50763('3.2.2', 'A', 'medium')],
  severity: 'minor',
  input: lengthInput('sideOffset', '距围墙、花台、绿化带或树池的距离', 0, 5000),
  rule: { min: 250, max: 500, advisory: true },
})

export const tactileDirectionalChecks: readonly CheckDefinition[] = [
  continuity,
  contrastCheck('tactile-directional', '行进盲道'),
  width,
  barHeight,
  barSpacing,
  kerbOffset,
  sideOffset,
]

import {
  allOf,
  basisOf,
  booleanInput,
  choiceInput,
  countInput,
  gradientInput,
  lengthInput,
  limitOutcome,
  measureCheck,
  whenYes,
  yesNoCheck,
  yesNoOutcome,
} from '../check-helpers'
import { formatMetres } from '../units'
import type { CheckDefinition, CheckOutcome, ClauseRef, DerivedValue, EvalContext } from '../types'
import { gb50763, gb55019 } from './clauses'

export type ParkingSetting = 'general' | 'residential' | 'square-park' | 'public-car-park'
export type CarParkClass = 'I' | 'II' | 'III' | 'IV'

export interface RequiredParking {
  /** GB 55019-2021 2.9.5: 1 when total ≤ 100, else ⌈1 % of total⌉. */
  gb55019: number
  /** The GB 50763-2012 rule for the setting; null when it needs the car-park class and none was given. */
  gb50763: number | null
  /** The larger of the two (the stricter rule applies). */
  required: number
}

/** ⌈total × percent / 100⌉ in integer arithmetic (avoids 0.01 × 700 = 7.000000000000001). */
function ceilPercent(total: number, percent: number): number {
  return Math.ceil((total * percent * 10) / 1000)
}

export function gb55019RequiredSpaces(total: number): number {
  if (total <= 0) return 0
  return total <= 100 ? 1 : ceilPercent(total, 1)
}

export function gb50763RequiredSpaces(
  total: number,
  setting: ParkingSetting,
  carParkClass?: CarParkClass,
): number | null {
  if (total <= 0) return 0
  switch (setting) {
    case 'general': // 8.1.2
      return total <= 100 ? 1 : ceilPercent(total, 1)
    case 'residential': // 7.3.3: ≥ 0.5 %, each car park preferably ≥ 1
      return Math.max(1, ceilPercent(total, 0.5))
    case 'square-park': // 5.2.1 / 6.2.1
      return total < 50 ? 1 : total <= 100 ? 2 : ceilPercent(total, 2)
    case 'public-car-park': // 8.10.2
      if (carParkClass === undefined) return null
      if (carParkClass === 'I') return ceilPercent(total, 2)
      if (carParkClass === 'IV') return 1
      return Math.max(2, ceilPercent(total, 2))
  }
}

/** Required accessible spaces for a car park of `total` spaces: the stricter of GB 55019 and GB 50763. */
export function requiredAccessibleParkingSpaces(
  total: number,
  setting: ParkingSetting = 'general',
  carParkClass?: CarParkClass,
): RequiredParking {
  const a = gb55019RequiredSpaces(total)
  const b = gb50763RequiredSpaces(total, setting, carParkClass)
  return { gb55019: a, gb50763: b, required: Math.max(a, b ?? 0) }
}

const GB50763_CLAUSE: Readonly<Record<ParkingSetting, string>> = {
  general: '第8.1.2条',
  residential: '第7.3.3条',
  'square-park': '第5.2.1/6.2.1条',
  'public-car-park': '第8.10.2条',
}

const countCurrent = gb55019('2.9.5', 'medium', {
  note: '“1%”之后的条文文字尚未与规范原文核对，未见例外情形',
})
const countBySetting: Readonly<Record<ParkingSetting, ClauseRef[]>> = {
  general: [
    gb50763('8.1.2', 'R', 'high', { note: '建筑基地：不大于 100 个时至少 1 个，大于 100 个时不少于 1%' }),
  ],
  residential: [
    gb50763('7.3.3', 'R', 'high', { note: '居住区：不少于总数的 0.5%，低于 GB 55019 的 1%，冲突时需复核' }),
  ],
  'square-park': [
    gb50763('5.2.1', 'R', 'medium', {
      note: '城市广场：少于 50 个时 1 个，50–100 个时 2 个，多于 100 个时不少于 2%',
    }),
    gb50763('6.2.1', 'R', 'medium', { note: '公园绿地：同城市广场' }),
  ],
  'public-car-park': [
    gb50763('8.10.2', 'R', 'medium', { note: 'Ⅰ类不少于 2%；Ⅱ、Ⅲ类不少于 2% 且不少于 2 个；Ⅳ类不少于 1 个' }),
  ],
}

const count: CheckDefinition = {
  id: 'parking.count',
  category: 'parking',
  title: '无障碍机动车停车位数量',
  requirement:
    '停车位总数不大于 100 个时，至少设 1 个无障碍停车位；大于 100 个时，不应少于总数的 1%（向上取整）。城市广场、公园绿地和独立公共停车场（库）按 GB 50763 更严格的比例执行。',
  clauses: [
    countCurrent,
    ...countBySetting.general,
    ...countBySetting.residential,
    ...countBySetting['square-park'],
    ...countBySetting['public-car-park'],
  ],
  severity: 'major',
  inputs: [
    countInput('total', '停车位总数', 1, 100000),
    countInput('accessible', '无障碍停车位数量', 0, 100000),
    choiceInput(
      'setting',
      '场所类型',
      [
        { id: 'general', label: '公共建筑等建筑基地' },
        { id: 'residential', label: '居住区' },
        { id: 'square-park', label: '城市广场、公园绿地' },
        { id: 'public-car-park', label: '独立的公共停车场（库）' },
      ],
      // not a context input: each kind of place has its own clause, so a blank one cannot be assumed
    ),
    choiceInput(
      'carParkClass',
      '停车场（库）类别',
      [
        { id: 'I', label: 'Ⅰ类' },
        { id: 'II', label: 'Ⅱ类' },
        { id: 'III', label: 'Ⅲ类' },
        { id: 'IV', label: 'Ⅳ类' },
      ],
      { optional: true, context: true, hint: '仅独立的公共停车场（库）填写' },
    ),
  ],
  leniency: { carParkClass: ['IV', 'I', 'II', 'III'] },
  validate: (ctx) => {
    const total = ctx.optNum('total')
    const acc = ctx.optNum('accessible')
    return total !== undefined && acc !== undefined && acc > total
      ? [{ inputId: 'accessible', message: '无障碍停车位数量 不能多于 停车位总数' }]
      : []
  },
  evaluate: (ctx): CheckOutcome => {
    const provided = ctx.num('accessible')
    if (!ctx.has('total')) {
      // the required number only grows with the total, so too few for the smallest car park (1 space) is too few
      // for any: judge at the plausible minimum and keep the verdict only if it is a fail
      const least = countOutcome(ctx, 1, provided)
      if (least.verdict !== 'fail') ctx.num('total')
      return {
        ...least,
        explanation: `无障碍停车位 ${provided} 个；无论停车位总数多少，至少应设 1 个`,
        derived: [],
      }
    }
    return countOutcome(ctx, ctx.num('total'), provided)
  },
}

function countOutcome(ctx: EvalContext, total: number, provided: number): CheckOutcome {
  const setting = ctx.choice('setting') as ParkingSetting
  const cls = ctx.optChoice('carParkClass') as CarParkClass | undefined
  const r = requiredAccessibleParkingSpaces(total, setting, cls)
  const b = r.gb50763 ?? 0
  const derived: DerivedValue[] = [
    {
      id: 'required-spaces',
      label: '应设无障碍停车位',
      value: r.required,
      unit: 'count',
      display: `至少 ${r.required} 个`,
    },
    {
      id: 'required-gb55019',
      label: 'GB 55019 第2.9.5条要求',
      value: r.gb55019,
      unit: 'count',
      display: `${r.gb55019} 个`,
    },
    {
      id: 'required-gb50763',
      label: `GB 50763 ${GB50763_CLAUSE[setting]}要求`,
      value: b,
      unit: 'count',
      display: `${b} 个`,
    },
  ]
  const head = `停车位总数 ${total} 个，无障碍停车位 ${provided} 个`
  const basis = `GB 55019 要求 ${r.gb55019} 个，GB 50763 ${GB50763_CLAUSE[setting]}要求 ${b} 个`
  const current = basisOf([countCurrent], `至少 ${r.gb55019} 个`)
  const legacy = basisOf(countBySetting[setting], `至少 ${b} 个`)
  if (setting === 'residential') {
    if (provided >= r.gb55019)
      return {
        verdict: 'pass',
        explanation: `${head}，不少于 ${r.gb55019} 个（${basis}）`,
        basis: [...current, ...legacy],
        derived,
      }
    if (provided < b)
      return { verdict: 'fail', explanation: `${head}，少于 ${b} 个（${basis}）`, basis: legacy, derived }
    return {
      verdict: 'needs-review',
      explanation: `${head}，满足 GB 50763 居住区 0.5% 的 ${b} 个，但少于 GB 55019 的 ${r.gb55019} 个`,
      reasons: [
        'GB 55019-2021 第2.9.5条是否适用于居住区尚未与规范原文核对（两规范比例不同），请依规范原文判断',
      ],
      basis: current,
      derived,
    }
  }
  // the deciding clauses are those whose count was not reached (for a pass: both, each met)
  const failedBy = [...(provided < r.gb55019 ? current : []), ...(provided < b ? legacy : [])]
  return provided >= r.required
    ? {
        verdict: 'pass',
        explanation: `${head}，不少于应设的 ${r.required} 个（${basis}）`,
        basis: [...current, ...legacy],
        derived,
      }
    : {
        verdict: 'fail',
        explanation: `${head}，少于应设的 ${r.required} 个（${basis}）`,
        basis: failedBy,
        derived,
      }
}

const aisleClauses = [
  gb55019('2.9.2', 'high', { note: '宽度不小于 1.20 m、与所服务的停车位无高差，均与条文核对一致' }),
  gb50763('3.14.3', 'R', 'high', {
    note: '相邻两个无障碍停车位可共用一条通道（见于条文说明的转述，尚未核对）',
  }),
]
const aisleLevel = booleanInput('aisleLevel', '通道是否与停车位地面齐平')

const aisle: CheckDefinition = {
  id: 'parking.aisle',
  category: 'parking',
  title: '无障碍停车位轮椅通道',
  requirement: '无障碍停车位一侧应设宽度不小于 1.20 m 的轮椅通道，通道与所服务的停车位地面齐平。',
  clauses: aisleClauses,
  severity: 'critical',
  inputs: [lengthInput('aisleWidth', '轮椅通道净宽', 0, 10000), aisleLevel],
  evaluate: (ctx) =>
    allOf([
      () =>
        limitOutcome('轮椅通道净宽', ctx.reading('aisleWidth'), 'mm', {
          min: 1200,
          display: 'm',
          by: aisleClauses,
        }),
      () =>
        yesNoOutcome(
          ctx,
          {
            input: aisleLevel,
            expected: true,
            failText: '通道与停车位之间有高差',
            passText: '通道与停车位齐平',
          },
          [aisleClauses[0]!],
        ),
    ]),
}

const slope = measureCheck({
  id: 'parking.slope',
  category: 'parking',
  title: '无障碍停车位地面坡度',
  requirement: '无障碍停车位的地面应平整、防滑、不积水，任何方向的坡度不应陡于 1:50（2%）。',
  clauses: [gb55019('2.9.3', 'high'), gb50763('3.14.2', 'R', 'high')],
  severity: 'major',
  input: gradientInput('slope', '地面最大坡度', { hint: '各方向测量，填最大值' }),
  rule: { max: 2 },
})

const markings = yesNoCheck({
  id: 'parking.markings',
  category: 'parking',
  title: '无障碍停车位标线和标识',
  requirement: '无障碍停车位的地面应涂有停车线、轮椅通道线和无障碍标志，并设引导标识。',
  clauses: [gb55019('2.9.4', 'high'), gb50763('3.14.4', 'R', 'high')],
  severity: 'major',
  conditions: [
    {
      input: booleanInput('groundMarkings', '地面是否涂有停车线、轮椅通道线和无障碍标志'),
      expected: true,
      failText: '地面标线或无障碍标志缺失',
    },
    { input: booleanInput('signs', '是否设有引导标识'), expected: true, failText: '未设引导标识' },
  ],
  passText: '地面标线、无障碍标志和引导标识齐全',
})

const dropOffClauses = [gb55019('2.9.6', 'medium', { note: '数值与条文一致，其后的文字尚未与规范原文核对' })]

const dropOff: CheckDefinition = {
  id: 'parking.drop-off',
  category: 'parking',
  title: '无障碍上/落客区尺寸',
  requirement: '无障碍上/落客区的尺寸不应小于 2.40 m × 7.00 m，与人行道有高差处应设缘石坡道。',
  clauses: dropOffClauses,
  severity: 'major',
  inputs: [
    booleanInput('hasDropOff', '是否设有无障碍上/落客区'),
    lengthInput('length', '上/落客区长度', 500, 50000),
    lengthInput('width', '上/落客区宽度', 500, 20000),
  ],
  appliesWhen: whenYes('hasDropOff', '设有无障碍上/落客区', '未设上/落客区，不适用'),
  evaluate: (ctx): CheckOutcome => {
    const figure = '≥ 2.40 m × 7.00 m'
    const basis = basisOf(dropOffClauses, figure)
    // Either side below 2.40 m fails whatever the other side is.
    for (const id of ['length', 'width']) {
      const side = ctx.optReading(id)
      if (side === undefined) continue
      const o = limitOutcome('上/落客区一边', side, 'mm', { min: 2400, display: 'm', by: dropOffClauses })
      if (o.verdict === 'fail')
        return { ...o, explanation: `${o.explanation}（不应小于 2.40 m × 7.00 m）`, basis }
    }
    const [a, b] = [ctx.reading('length'), ctx.reading('width')]
    const [long, short] = a.value >= b.value ? [a, b] : [b, a]
    const head = `上/落客区 ${formatMetres(long.value)} × ${formatMetres(short.value)}`
    const o = allOf([
      () => limitOutcome('长边', long, 'mm', { min: 7000, display: 'm', by: dropOffClauses }),
      () => limitOutcome('短边', short, 'mm', { min: 2400, display: 'm', by: dropOffClauses }),
    ])
    if (o.verdict === 'pass') return { ...o, explanation: `${head}，不小于 7.00 m × 2.40 m`, basis }
    if (o.verdict === 'fail') return { ...o, explanation: `${head}，小于 7.00 m × 2.40 m 的最小尺寸`, basis }
    return { ...o, explanation: `${head}，${o.explanation}`, basis }
  },
}

export const parkingChecks: readonly CheckDefinition[] = [count, aisle, slope, markings, dropOff]

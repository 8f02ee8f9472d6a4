import {
  booleanInput,
  choiceInput,
  combine,
  countInput,
  gradientInput,
  lengthInput,
  limitOutcome,
  measureCheck,
  missingOutcome,
  whenYes,
  yesNoCheck,
} from '../check-helpers'
import { formatMetres } from '../units'
import type { CheckDefinition, CheckOutcome, DerivedValue } from '../types'
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

const count: CheckDefinition = {
  id: 'parking.count',
  category: 'parking',
  title: '无障碍机动车停车位数量',
  requirement:
    '停车位总数不大于 100 个时，至少设 1 个无障碍停车位；大于 100 个时，不应少于总数的 1%（向上取整）。城市广场、公园绿地和独立公共停车场（库）按 GB 50763 更严格的比例执行。',
  clauses: [
    gb55019('2.9.5', 'medium', { note: '条文在“1%”之后截断，未见例外情形' }),
    gb50763('8.1.2', 'R', 'high', { note: '建筑基地：不大于 100 个时至少 1 个，大于 100 个时不少于 1%' }),
    gb50763('7.3.3', 'R', 'high', { note: '居住区：不少于总数的 0.5%，低于 GB 55019 的 1%，冲突时需复核' }),
    gb50763('5.2.1', 'R', 'medium', {
      note: '城市广场：少于 50 个时 1 个，50–100 个时 2 个，多于 100 个时不少于 2%',
    }),
    gb50763('6.2.1', 'R', 'medium', { note: '公园绿地：同城市广场' }),
    gb50763('8.10.2', 'R', 'medium', { note: 'Ⅰ类不少于 2%；Ⅱ、Ⅲ类不少于 2% 且不少于 2 个；Ⅳ类不少于 1 个' }),
  ],
  severity: 'major',
  inputs: [
    countInput('total', '停车位总数', 1, 100000),
    countInput('accessible', '无障碍停车位数量', 0, 100000),
    choiceInput('setting', '场所类型', [
      { id: 'general', label: '公共建筑等建筑基地' },
      { id: 'residential', label: '居住区' },
      { id: 'square-park', label: '城市广场、公园绿地' },
      { id: 'public-car-park', label: '独立的公共停车场（库）' },
    ]),
    choiceInput(
      'carParkClass',
      '停车场（库）类别',
      [
        { id: 'I', label: 'Ⅰ类' },
        { id: 'II', label: 'Ⅱ类' },
        { id: 'III', label: 'Ⅲ类' },
        { id: 'IV', label: 'Ⅳ类' },
      ],
      { optional: true, hint: '仅独立的公共停车场（库）填写' },
    ),
  ],
  validate: (ctx) => {
    const total = ctx.optNum('total')
    const acc = ctx.optNum('accessible')
    return total !== undefined && acc !== undefined && acc > total
      ? [{ inputId: 'accessible', message: '无障碍停车位数量 不能多于 停车位总数' }]
      : []
  },
  evaluate: (ctx): CheckOutcome => {
    const total = ctx.num('total')
    const provided = ctx.num('accessible')
    const setting = ctx.choice('setting') as ParkingSetting
    const cls = ctx.optChoice('carParkClass') as CarParkClass | undefined
    if (setting === 'public-car-park' && cls === undefined)
      return missingOutcome(ctx, ['carParkClass'], '独立的公共停车场（库）须按类别确定数量')
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
    if (setting === 'residential') {
      if (provided >= r.gb55019)
        return { verdict: 'pass', explanation: `${head}，不少于 ${r.gb55019} 个（${basis}）`, derived }
      if (provided < b) return { verdict: 'fail', explanation: `${head}，少于 ${b} 个（${basis}）`, derived }
      return {
        verdict: 'needs-review',
        explanation: `${head}，满足 GB 50763 居住区 0.5% 的 ${b} 个，但少于 GB 55019 的 ${r.gb55019} 个`,
        reasons: ['GB 55019-2021 第2.9.5条是否适用于居住区未核实（两规范比例冲突），需人工复核'],
        derived,
      }
    }
    return provided >= r.required
      ? { verdict: 'pass', explanation: `${head}，不少于应设的 ${r.required} 个（${basis}）`, derived }
      : { verdict: 'fail', explanation: `${head}，少于应设的 ${r.required} 个（${basis}）`, derived }
  },
}

const aisle: CheckDefinition = {
  id: 'parking.aisle',
  category: 'parking',
  title: '无障碍停车位轮椅通道',
  requirement: '无障碍停车位一侧应设宽度不小于 1.20 m 的轮椅通道，通道与所服务的停车位地面齐平。',
  clauses: [
    gb55019('2.9.2', 'high', { note: '1.20 m 为高可信度；其余文字截断' }),
    gb50763('3.14.3', 'R', 'high', { note: '条文说明：相邻两个无障碍停车位可共用一条通道（低可信度）' }),
  ],
  severity: 'critical',
  inputs: [
    lengthInput('aisleWidth', '轮椅通道净宽', 0, 10000),
    booleanInput('aisleLevel', '通道是否与停车位地面齐平'),
  ],
  evaluate: (ctx) =>
    combine([
      limitOutcome('轮椅通道净宽', ctx.num('aisleWidth'), 'mm', { min: 1200, display: 'm' }),
      ctx.bool('aisleLevel')
        ? { verdict: 'pass', explanation: '通道与停车位齐平' }
        : { verdict: 'fail', explanation: '通道与停车位之间有高差' },
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

const dropOff: CheckDefinition = {
  id: 'parking.drop-off',
  category: 'parking',
  title: '无障碍上/落客区尺寸',
  requirement: '无障碍上/落客区的尺寸不应小于 2.40 m × 7.00 m，与人行道有高差处应设缘石坡道。',
  clauses: [gb55019('2.9.6', 'medium', { note: '数值见于条文，其后文字截断' })],
  severity: 'major',
  inputs: [
    booleanInput('hasDropOff', '是否设有无障碍上/落客区'),
    lengthInput('length', '上/落客区长度', 500, 50000),
    lengthInput('width', '上/落客区宽度', 500, 20000),
  ],
  appliesWhen: whenYes('hasDropOff', '设有无障碍上/落客区', '未设上/落客区，不适用'),
  evaluate: (ctx) => {
    const long = Math.max(ctx.num('length'), ctx.num('width'))
    const short = Math.min(ctx.num('length'), ctx.num('width'))
    const head = `上/落客区 ${formatMetres(long)} × ${formatMetres(short)}`
    return long >= 7000 && short >= 2400
      ? { verdict: 'pass', explanation: `${head}，不小于 7.00 m × 2.40 m` }
      : { verdict: 'fail', explanation: `${head}，小于 7.00 m × 2.40 m 的最小尺寸` }
  },
}

export const parkingChecks: readonly CheckDefinition[] = [count, aisle, slope, markings, dropOff]

import { booleanInput, lengthInput, notConfirmed, yesNoCheck, measureCheck } from '../check-helpers'
import type { CheckDefinition } from '../types'
import { gb55019 } from './clauses'

/** GB 55019 3.5 轮椅席位: 3.5.1–3.5.3 are the clauses' own words (confirmed); the items of 3.5.4 are not. */
const sightlines = gb55019('3.5.1', 'high', { note: '轮椅席位的观看视线不应受到遮挡，并不应遮挡他人视线' })
const placement = gb55019('3.5.2', 'high', { note: '应设置在便于疏散的位置，并不应设置在公共通道范围内' })
const connected = gb55019('3.5.3', 'high', {
  note: '轮椅席位区应通过无障碍通行设施与疏散出口、公共服务、卫生间、讲台等必要的功能空间和设施连接',
})
const seatSpec = gb55019('3.5.4', 'low', {
  note: '“轮椅席位应符合下列规定”；各款尚未与规范原文核对，常见引用为每个席位不小于 1.10 m × 0.80 m',
})

const view = yesNoCheck({
  id: 'seating.sightlines',
  category: 'seating',
  title: '轮椅席位的视线',
  requirement: '轮椅席位的观看视线不应被遮挡，也不应遮挡他人视线。',
  clauses: [sightlines],
  severity: 'major',
  conditions: [
    {
      input: booleanInput('clearView', '坐在轮椅上观看是否无遮挡'),
      expected: true,
      failText: '轮椅席位的观看视线被遮挡',
    },
    {
      input: booleanInput('notBlocking', '轮椅席位是否不遮挡他人视线'),
      expected: true,
      failText: '轮椅席位遮挡他人视线',
    },
  ],
  passText: '观看视线无遮挡，也不遮挡他人',
})

const location = yesNoCheck({
  id: 'seating.location',
  category: 'seating',
  title: '轮椅席位的位置',
  requirement: '轮椅席位应设在便于疏散的位置，不应设在公共通道范围内。',
  clauses: [placement],
  severity: 'critical',
  conditions: [
    {
      input: booleanInput('nearExit', '是否位于便于疏散的位置'),
      expected: true,
      failText: '轮椅席位不便于疏散',
    },
    {
      input: booleanInput('outOfAisle', '是否位于公共通道范围之外'),
      expected: true,
      failText: '轮椅席位设在公共通道范围内',
    },
  ],
  passText: '位于便于疏散处，且不在公共通道范围内',
})

const route = yesNoCheck({
  id: 'seating.route',
  category: 'seating',
  title: '轮椅席位区的无障碍通行路线',
  requirement: '轮椅席位区应通过无障碍通行设施与疏散出口、公共服务、卫生间、讲台等必要的功能空间连接。',
  clauses: [connected],
  severity: 'critical',
  conditions: [
    {
      input: booleanInput('connected', '是否经无障碍通行路线连通疏散出口、服务设施、卫生间等'),
      expected: true,
      failText: '轮椅席位区未经无障碍通行路线连通必要的功能空间',
    },
  ],
  passText: '轮椅席位区经无障碍通行路线连通必要的功能空间',
})

const size = measureCheck({
  id: 'seating.size',
  category: 'seating',
  title: '轮椅席位尺寸',
  requirement:
    '记录每个轮椅席位的深度，供依 GB 55019 第3.5.4条复核（常见引用：不小于 1.10 m × 0.80 m，尚待核对）。',
  clauses: [seatSpec],
  severity: 'major',
  input: lengthInput('depth', '轮椅席位深度', 300, 5000, { hint: '沿轮椅进出方向量' }),
  rule: { min: 1100, display: 'm', lowConfidence: notConfirmed('轮椅席位 1.10 m × 0.80 m 这一数值') },
})

export const seatingChecks: readonly CheckDefinition[] = [view, location, route, size]

/** Element categories shared by every catalog (a second standard reuses the same ids). */
export const categoryIds = [
  'ramp',
  'curb-ramp',
  'tactile-directional',
  'tactile-warning',
  'audible-signal',
  'entrance',
  'route',
  'door',
  'handrail',
  'stairs',
  'lift',
  'platform-lift',
  'public-toilet',
  'toilet-stall',
  'toilet-room',
  'toilet-fixture',
  'bathing',
  'guest-room',
  'parking',
  'counter',
  'seating',
  'signage',
  'information',
] as const

export type CategoryId = (typeof categoryIds)[number]

export interface CategoryDefinition {
  id: CategoryId
  /** zh-CN */
  label: string
  /** Display order, ascending. */
  order: number
}

const labels: Readonly<Record<CategoryId, string>> = {
  ramp: '轮椅坡道',
  'curb-ramp': '缘石坡道',
  'tactile-directional': '行进盲道',
  'tactile-warning': '提示盲道',
  'audible-signal': '过街音响提示装置',
  entrance: '无障碍出入口',
  route: '无障碍通道',
  door: '门',
  handrail: '扶手',
  stairs: '楼梯和台阶',
  lift: '无障碍电梯',
  'platform-lift': '升降平台',
  'public-toilet': '公共卫生间（厕所）',
  'toilet-stall': '无障碍厕位',
  'toilet-room': '无障碍厕所',
  'toilet-fixture': '卫生洁具与安全抓杆',
  bathing: '无障碍浴室',
  'guest-room': '无障碍客房',
  parking: '无障碍机动车停车位',
  counter: '低位服务设施',
  seating: '轮椅席位',
  signage: '无障碍标识',
  information: '安全警示与信息无障碍',
}

export const categories: readonly CategoryDefinition[] = categoryIds.map((id, index) => ({
  id,
  label: labels[id],
  order: (index + 1) * 10,
}))

export function isCategoryId(id: string): id is CategoryId {
  return (categoryIds as readonly string[]).includes(id)
}

export function categoryLabel(id: string): string {
  return isCategoryId(id) ? labels[id] : id
}

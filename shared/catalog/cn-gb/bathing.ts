import {
  allOf,
  basisOf,
  booleanInput,
  lengthInput,
  limitOutcome,
  notConfirmed,
  UNVERIFIED_TEXT,
  yesNoOutcome,
} from '../check-helpers'
import type { CheckDefinition, CheckOutcome } from '../types'
import { gb55019 } from './clauses'

/**
 * GB 55019 3.3.1 item 1 (from the code's explanatory note): a public bathhouse with showers and with bathtubs has at
 * least one accessible shower room and one accessible bathtub room. 3.1.11 / 3.1.12 set out the rooms themselves;
 * their items are not confirmed, so the room checks only record and never fail.
 */
const bathhouse = gb55019('3.3.1', 'medium', {
  item: '1',
  note: '公共浴室的淋浴间和盆浴间应各至少有 1 个无障碍浴间（据条文说明）',
})
const showerClause = gb55019('3.1.11', 'low', {
  note: '“无障碍淋浴间应符合下列规定”；各款尚未与规范原文核对',
})
const bathtubClause = gb55019('3.1.12', 'low', {
  note: '“无障碍盆浴间应符合下列规定”；各款尚未与规范原文核对',
})

const accessibleShower = booleanInput('accessibleShower', '淋浴间中是否至少有 1 个无障碍淋浴间', {
  optional: true,
  hint: '浴室设有淋浴间时填写',
})
const accessibleBathtub = booleanInput('accessibleBathtub', '盆浴间中是否至少有 1 个无障碍盆浴间', {
  optional: true,
  hint: '浴室设有盆浴间时填写',
})

const provision: CheckDefinition = {
  id: 'bathing.provision',
  category: 'bathing',
  title: '公共浴室的无障碍浴间',
  requirement: '公共浴室设淋浴间的，应至少设 1 个无障碍淋浴间；设盆浴间的，应至少设 1 个无障碍盆浴间。',
  clauses: [bathhouse, showerClause, bathtubClause],
  severity: 'critical',
  inputs: [
    booleanInput('hasShowers', '浴室是否设有淋浴间'),
    accessibleShower,
    booleanInput('hasBathtubs', '浴室是否设有盆浴间'),
    accessibleBathtub,
  ],
  evaluate: (ctx) => {
    const by = [bathhouse]
    const kind = (has: string, input: typeof accessibleShower, failText: string) => (): CheckOutcome =>
      ctx.bool(has)
        ? yesNoOutcome(ctx, { input, expected: true, failText }, by)
        : { verdict: 'not-applicable', explanation: '' }
    const o = allOf([
      kind('hasShowers', accessibleShower, '设有淋浴间，但没有无障碍淋浴间'),
      kind('hasBathtubs', accessibleBathtub, '设有盆浴间，但没有无障碍盆浴间'),
    ])
    if (o.verdict === 'not-applicable')
      return { verdict: 'not-applicable', explanation: '浴室未设淋浴间和盆浴间，不适用' }
    return o.verdict === 'pass'
      ? { ...o, explanation: '所设的淋浴间、盆浴间中均有无障碍浴间', basis: basisOf(by) }
      : o
  },
}

const hasSeat = booleanInput('hasSeat', '是否设有浴间坐台')
const hasGrabBars = booleanInput('hasGrabBars', '是否设有安全抓杆')

const showerRoom: CheckDefinition = {
  id: 'bathing.shower-room',
  category: 'bathing',
  title: '无障碍淋浴间',
  requirement:
    '记录无障碍淋浴间的短边净宽、浴间坐台和安全抓杆，供依 GB 55019 第3.1.11条复核（常见引用：短边净宽不小于 1.50 m，设坐台和安全抓杆；各项尚待核对）。',
  clauses: [showerClause],
  severity: 'major',
  inputs: [lengthInput('shortSide', '淋浴间短边净宽', 300, 5000), hasSeat, hasGrabBars],
  evaluate: (ctx) => {
    const by = [showerClause]
    return allOf([
      () =>
        limitOutcome('短边净宽', ctx.reading('shortSide'), 'mm', {
          min: 1500,
          display: 'm',
          by,
          lowConfidence: notConfirmed('无障碍淋浴间短边净宽 1.50 m 这一数值'),
        }),
      () =>
        yesNoOutcome(
          ctx,
          { input: hasSeat, expected: true, failText: '未设浴间坐台', unverified: UNVERIFIED_TEXT },
          by,
        ),
      () =>
        yesNoOutcome(
          ctx,
          { input: hasGrabBars, expected: true, failText: '未设安全抓杆', unverified: UNVERIFIED_TEXT },
          by,
        ),
    ])
  },
}

export const bathingChecks: readonly CheckDefinition[] = [provision, showerRoom]

import {
  allOf,
  basisOf,
  booleanInput,
  countInput,
  lengthInput,
  limitOutcome,
  measureCheck,
  yesNoCheck,
  yesNoOutcome,
} from '../check-helpers'
import type { CheckDefinition } from '../types'
import { gb50763, gb55019 } from './clauses'

const heightClauses = [gb55019('2.8.1', 'high'), gb50763('3.8.1', 'R', 'high')]

const height: CheckDefinition = {
  id: 'handrail.height',
  category: 'handrail',
  title: '扶手高度',
  requirement:
    '单层扶手高度应为 850–900 mm；设两层扶手时，上层 850–900 mm，下层 650–700 mm（楼梯处从踏步前缘线量起）。',
  clauses: heightClauses,
  severity: 'major',
  inputs: [
    lengthInput('upperHeight', '（上层）扶手高度', 300, 1500, { hint: '量到扶手顶面' }),
    lengthInput('lowerHeight', '下层扶手高度', 300, 1500, { optional: true, hint: '只有一层扶手时不填' }),
  ],
  validate: (ctx) => {
    const upper = ctx.optNum('upperHeight')
    const lower = ctx.optNum('lowerHeight')
    return upper !== undefined && lower !== undefined && lower >= upper
      ? [{ inputId: 'lowerHeight', message: '下层扶手高度 须低于 （上层）扶手高度' }]
      : []
  },
  evaluate: (ctx) => {
    const lower = ctx.optReading('lowerHeight')
    return allOf([
      () =>
        limitOutcome(lower === undefined ? '扶手高度' : '上层扶手高度', ctx.reading('upperHeight'), 'mm', {
          min: 850,
          max: 900,
          by: heightClauses,
        }),
      ...(lower === undefined
        ? []
        : [() => limitOutcome('下层扶手高度', lower, 'mm', { min: 650, max: 700, by: heightClauses })]),
    ])
  },
}

const continuity = yesNoCheck({
  id: 'handrail.continuity',
  category: 'handrail',
  title: '扶手连贯',
  requirement: '楼梯、台阶和坡道的扶手应在全长范围内连贯，包括中间平台。',
  clauses: [gb55019('2.8.2', 'high')],
  severity: 'major',
  conditions: [
    {
      input: booleanInput('continuous', '扶手是否全长连贯（含平台）'),
      expected: true,
      failText: '扶手中断、不连贯',
    },
  ],
  passText: '扶手全长连贯',
})

/** 2.8.3 states the 300 mm extension (the rest of its text is not confirmed); GB 50763 3.8.2 the extension, 3.8.3 the ends. */
const extensionClause = gb55019('2.8.3', 'medium', {
  note: '延伸长度 300 mm 之后的条文文字尚未与规范原文核对',
})
const extensionLegacy = gb50763('3.8.2', 'R', 'high', { note: '起点和终点处水平延伸不小于 300 mm' })
const endsClause = gb50763('3.8.3', 'R', 'high', {
  note: '末端向内拐到墙面或向下延伸不小于 100 mm；栏杆式扶手向下成弧形或延伸到地面固定',
})
const endReturned = booleanInput('endReturned', '末端是否拐向墙面或向下延伸不小于 100 mm')

const extension: CheckDefinition = {
  id: 'handrail.extension',
  category: 'handrail',
  title: '扶手起终点水平延伸与末端处理',
  requirement:
    '扶手在起点和终点处应水平延伸不小于 300 mm；末端应向内拐到墙面或向下延伸不小于 100 mm，栏杆式扶手应向下成弧形或延伸到地面固定。',
  clauses: [extensionClause, extensionLegacy, endsClause],
  severity: 'minor',
  inputs: [
    lengthInput('startExtension', '起点水平延伸长度', 0, 2000),
    lengthInput('endExtension', '终点水平延伸长度', 0, 2000),
    endReturned,
  ],
  evaluate: (ctx) => {
    const by = [extensionClause, extensionLegacy]
    return allOf([
      () => limitOutcome('起点延伸', ctx.reading('startExtension'), 'mm', { min: 300, by }),
      () => limitOutcome('终点延伸', ctx.reading('endExtension'), 'mm', { min: 300, by }),
      () =>
        yesNoOutcome(
          ctx,
          {
            input: endReturned,
            expected: true,
            failText: '末端未拐向墙面，也未向下延伸',
            passText: '末端已拐向墙面或向下延伸',
          },
          [endsClause],
        ),
    ])
  },
}

const wallClearance = measureCheck({
  id: 'handrail.wall-clearance',
  category: 'handrail',
  title: '扶手与墙面净距',
  requirement: '扶手内侧与墙面的净距不应小于 40 mm。',
  clauses: [gb55019('2.8.4', 'high'), gb50763('3.8.4', 'R', 'high')],
  severity: 'major',
  input: lengthInput('wallClearance', '扶手与墙面净距', 0, 500),
  rule: { min: 40 },
})

const section = measureCheck({
  id: 'handrail.section',
  category: 'handrail',
  title: '扶手截面尺寸',
  requirement: '圆形扶手直径应为 35–50 mm；矩形扶手截面尺寸应为 35–50 mm。',
  clauses: [gb50763('3.8.5', 'R', 'high')],
  severity: 'minor',
  input: lengthInput('size', '扶手直径或截面尺寸', 5, 300),
  rule: { min: 35, max: 50 },
})

const contrast = yesNoCheck({
  id: 'handrail.contrast',
  category: 'handrail',
  title: '扶手颜色对比',
  requirement: '扶手应与背景有明显的颜色或亮度对比。',
  clauses: [gb55019('2.8.5', 'high')],
  severity: 'minor',
  conditions: [
    {
      input: booleanInput('contrasting', '扶手与背景是否有明显的颜色或亮度对比'),
      expected: true,
      failText: '扶手与背景缺乏明显对比',
    },
  ],
  passText: '扶手与背景对比明显',
})

const stairsClauses = [gb55019('2.7.2', 'high')]

const stairsProvision: CheckDefinition = {
  id: 'handrail.stairs-provision',
  category: 'handrail',
  title: '台阶和楼梯两侧扶手',
  requirement: '主要供行动障碍者和视觉障碍者使用的三级及三级以上台阶和楼梯，应在两侧设置扶手。',
  clauses: stairsClauses,
  severity: 'major',
  inputs: [
    countInput('risers', '踏步级数', 0, 300),
    booleanInput('mainlyUsed', '是否主要供行动障碍者或视觉障碍者使用'),
    booleanInput('bothSides', '两侧是否均设扶手'),
  ],
  appliesWhen: {
    description: '三级及以上、主要供行动障碍者和视觉障碍者使用的台阶和楼梯',
    test: (ctx) => {
      const risers = ctx.optNum('risers')
      if (risers !== undefined && risers < 3)
        return { applies: false, reason: `只有 ${risers} 级踏步，少于三级，不适用` }
      const mainly = ctx.optBool('mainlyUsed')
      if (mainly === false)
        return { applies: false, reason: '不是主要供行动障碍者或视觉障碍者使用的台阶、楼梯，不适用' }
      return risers === undefined || mainly === undefined ? null : { applies: true, reason: '' }
    },
  },
  evaluate: (ctx) =>
    ctx.bool('bothSides')
      ? {
          verdict: 'pass',
          explanation: `${ctx.num('risers')} 级踏步，两侧均设扶手`,
          basis: basisOf(stairsClauses),
        }
      : {
          verdict: 'fail',
          explanation: `${ctx.num('risers')} 级踏步，未在两侧设置扶手`,
          basis: basisOf(stairsClauses),
        },
}

export const handrailChecks: readonly CheckDefinition[] = [
  height,
  continuity,
  extension,
  wallClearance,
  section,
  contrast,
  stairsProvision,
]

import {
  allOf,
  basisOf,
  booleanInput,
  lengthInput,
  missingOutcome,
  numberInput,
  UNVERIFIED_TEXT,
  whenYes,
  yesNoOutcome,
} from '../check-helpers'
import { formatNumber, formatMetres } from '../units'
import type { CheckDefinition, CheckOutcome, DerivedValue } from '../types'
import { gb50763, gb55019, voluntary } from './clauses'

/** GB 55019 4.0.8 opens with "过街音响提示装置应符合下列规定："; its items are not confirmed against the code text. */
const deviceClause = gb55019('4.0.8', 'low', {
  note: '条文规定装置应符合下列规定，各款内容尚未与规范原文核对',
})
const placement = gb50763('4.3.1', 'R', 'medium', { item: '3' })
const itemsNote =
  'GB 55019-2021 第4.0.8条对过街音响提示装置另有各款规定，尚未与规范原文核对，请现场依规范原文判断'

const requiredLocation = whenYes(
  'requiredLocation',
  '城市中心区或视觉障碍者集中区域的人行横道',
  '不属于城市中心区或视觉障碍者集中区域的人行横道，本条不要求设置',
)

const provision: CheckDefinition = {
  id: 'audible-signal.provision',
  category: 'audible-signal',
  title: '过街音响提示装置设置',
  requirement: '城市中心区和视觉障碍者集中区域的人行横道应设置过街音响提示装置，装置应能正常发声。',
  clauses: [placement, deviceClause],
  severity: 'major',
  inputs: [
    booleanInput('requiredLocation', '是否为城市中心区或视觉障碍者集中区域的人行横道'),
    booleanInput('present', '是否设有过街音响提示装置'),
    booleanInput('working', '装置能否正常发声', { optional: true, hint: '未设装置时可不填' }),
  ],
  appliesWhen: requiredLocation,
  evaluate: (ctx) => {
    const basis = basisOf([placement])
    const o = allOf([
      () =>
        ctx.bool('present')
          ? { verdict: 'pass', explanation: '', basis }
          : { verdict: 'fail', explanation: '应设过街音响提示装置的人行横道未设置', basis },
      (): CheckOutcome => {
        const working = ctx.optBool('working')
        // a silent device is recorded as such even before the presence question is answered
        if (working === false) return { verdict: 'fail', explanation: '过街音响提示装置不能正常发声', basis }
        if (working === true) return { verdict: 'pass', explanation: '', basis }
        if (ctx.optBool('present') === false) return { verdict: 'not-applicable', explanation: '' }
        return missingOutcome(ctx, ['working'], ctx.optBool('present') ? '已设过街音响提示装置' : '')
      },
    ])
    return o.verdict === 'pass'
      ? {
          ...o,
          explanation: '已设过街音响提示装置且能正常发声',
          reasons: [`${itemsNote}；声音的各项表现见“过街音响提示装置工作方式”和“过街音响提示装置声学性能”`],
        }
      : o
  },
}

const locatorTone = booleanInput('locatorTone', '禁行时段是否发出定位提示音（便于找到装置）')
const distinctTones = booleanInput('distinctTones', '通行提示音与定位提示音是否易于区分')
const synced = booleanInput('synced', '通行提示音是否只在行人绿灯时段发出')

const operation: CheckDefinition = {
  id: 'audible-signal.operation',
  category: 'audible-signal',
  title: '过街音响提示装置工作方式',
  requirement:
    '记录装置在信号各时段的工作方式，供依 GB 55019 第4.0.8条复核：禁行时段有定位提示音，通行提示音与定位提示音易于区分，通行提示音只在行人绿灯时段发出。',
  clauses: [deviceClause],
  severity: 'major',
  inputs: [locatorTone, distinctTones, synced],
  evaluate: (ctx) => {
    const by = [deviceClause]
    const o = allOf(
      [
        { input: locatorTone, failText: '禁行时段无定位提示音' },
        { input: distinctTones, failText: '通行提示音与定位提示音不易区分' },
        { input: synced, failText: '通行提示音与行人绿灯时段不同步' },
      ].map((c) => () => yesNoOutcome(ctx, { ...c, expected: true, unverified: UNVERIFIED_TEXT }, by)),
    )
    return o.verdict === 'pass'
      ? { ...o, explanation: '定位提示音、通行提示音均正常，且与行人绿灯时段同步', reasons: [itemsNote] }
      : o
  },
}

const acoustics: CheckDefinition = {
  id: 'audible-signal.acoustics',
  category: 'audible-signal',
  title: '过街音响提示装置声学性能',
  requirement:
    '记录提示音声级、环境噪声和安装高度，供人工复核可听性。现行国家规范未规定声级数值；国际标准 ISO 23600 建议通行提示音不高于环境噪声 10 dB，设于信号灯杆时声源距地面 2.0–3.5 m（均为推荐性）。',
  clauses: [
    deviceClause,
    voluntary('ISO 23600:2007', '4.3.2', 'medium', '通行提示音不高于环境噪声 10 dB（推荐性）'),
    voluntary('ISO 23600:2007', '4.3.2.4', 'medium', '设于信号灯杆上或附近时，声源距地面 2.0–3.5 m'),
  ],
  severity: 'minor',
  inputs: [
    numberInput('ambientDb', '环境噪声（A 计权）', 'dB', 20, 120, { step: 0.1 }),
    numberInput('signalDb', '提示音声级（距装置约 1 m）', 'dB', 20, 130, { step: 0.1 }),
    lengthInput('mountingHeight', '声源安装高度', 0, 6000, { optional: true }),
  ],
  evaluate: (ctx) => {
    const ambient = ctx.num('ambientDb')
    const signal = ctx.num('signalDb')
    const delta = Number((signal - ambient).toFixed(2))
    const relation =
      delta > 0
        ? `高出环境噪声 ${formatNumber(delta, 1)} dB`
        : delta < 0
          ? `低于环境噪声 ${formatNumber(-delta, 1)} dB`
          : '与环境噪声相同'
    const derived: DerivedValue[] = [
      {
        id: 'signal-above-ambient',
        label: '提示音与环境噪声之差',
        value: delta,
        unit: 'dB',
        display: delta >= 0 ? `高出 ${formatNumber(delta, 1)} dB` : `低于 ${formatNumber(-delta, 1)} dB`,
      },
    ]
    const advisories: string[] = []
    if (delta <= 0) advisories.push(`提示音${relation}，可能听不清`)
    if (delta > 10) advisories.push(`提示音${relation}，超过 ISO 23600 建议的 10 dB，可能过响`)
    const h = ctx.optNum('mountingHeight')
    if (h !== undefined && (h < 2000 || h > 3500))
      advisories.push(`声源安装高度 ${formatMetres(h)}，不在 ISO 23600 建议的 2.0–3.5 m 范围内`)
    return {
      verdict: 'needs-review',
      explanation: `提示音 ${formatNumber(signal, 1)} dB，环境噪声 ${formatNumber(ambient, 1)} dB，提示音${relation}`,
      reasons: ['现行国家规范未规定提示音声级的数值，本项只作记录；请现场判断提示音在环境噪声中是否清晰可辨'],
      ...(advisories.length ? { advisories } : {}),
      basis: basisOf([deviceClause]),
      derived,
    }
  },
}

export const audibleSignalChecks: readonly CheckDefinition[] = [provision, operation, acoustics]

import { booleanInput, lengthInput, missingOutcome, numberInput, whenYes } from '../check-helpers'
import { formatNumber, formatMetres } from '../units'
import type { CheckDefinition, DerivedValue } from '../types'
import { gb50763, gb55019, voluntary } from './clauses'

const CONTENT_UNKNOWN = 'GB 55019-2021 第4.0.8条存在（装置应符合下列规定），但各款内容未取得'

const provision: CheckDefinition = {
  id: 'audible-signal.provision',
  category: 'audible-signal',
  title: '过街音响提示装置设置',
  requirement: '城市中心区和视觉障碍者集中区域的人行横道应设置过街音响提示装置，装置应能正常发声。',
  clauses: [
    gb50763('4.3.1', 'R', 'medium', { item: '3' }),
    gb55019('4.0.8', 'low', { note: CONTENT_UNKNOWN }),
  ],
  severity: 'major',
  inputs: [
    booleanInput('requiredLocation', '是否为城市中心区或视觉障碍者集中区域的人行横道'),
    booleanInput('present', '是否设有过街音响提示装置'),
    booleanInput('working', '装置能否正常发声', { optional: true, hint: '未设装置时可不填' }),
  ],
  appliesWhen: whenYes(
    'requiredLocation',
    '城市中心区或视觉障碍者集中区域的人行横道',
    '不属于城市中心区或视觉障碍者集中区域的人行横道，本条不要求设置',
  ),
  evaluate: (ctx) => {
    if (!ctx.bool('present')) return { verdict: 'fail', explanation: '应设过街音响提示装置的人行横道未设置' }
    const working = ctx.optBool('working')
    if (working === undefined) return missingOutcome(ctx, ['working'], '已设过街音响提示装置')
    if (!working) return { verdict: 'fail', explanation: '已设过街音响提示装置，但不能正常发声' }
    return {
      verdict: 'pass',
      explanation: '已设过街音响提示装置且能正常发声',
      reasons: [`${CONTENT_UNKNOWN}；本项只判定设置与工作状态，声学性能见“过街音响提示装置声学性能”`],
    }
  },
}

const acoustics: CheckDefinition = {
  id: 'audible-signal.acoustics',
  category: 'audible-signal',
  title: '过街音响提示装置声学性能',
  requirement:
    '记录提示音声级、环境噪声和安装高度，供人工复核可听性。现行国家规范未查到声级数值；ISO 23600 建议通行提示音不高于环境噪声 10 dB，杆上安装高度 2.0–3.5 m（均为推荐性）。',
  clauses: [
    gb55019('4.0.8', 'low', { note: CONTENT_UNKNOWN }),
    voluntary(
      'ISO 23600:2007',
      '4.3.2',
      'medium',
      '通行提示音不高于环境噪声 10 dB；参考资料未给出精确条号（记为 4.3.2.x）',
    ),
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
    const derived: DerivedValue[] = [
      {
        id: 'signal-above-ambient',
        label: '提示音高出环境噪声',
        value: delta,
        unit: 'dB',
        display: `${formatNumber(delta, 1)} dB`,
      },
    ]
    const advisories: string[] = []
    if (delta <= 0) advisories.push(`提示音不高于环境噪声（差值 ${formatNumber(delta, 1)} dB），可能听不清`)
    if (delta > 10)
      advisories.push(`提示音高出环境噪声 ${formatNumber(delta, 1)} dB，超过 ISO 23600 建议的 10 dB`)
    const h = ctx.optNum('mountingHeight')
    if (h !== undefined && (h < 2000 || h > 3500))
      advisories.push(`声源安装高度 ${formatMetres(h)}，不在 ISO 23600 建议的 2.0–3.5 m 范围内`)
    return {
      verdict: 'needs-review',
      explanation: `提示音 ${formatNumber(signal, 1)} dB，环境噪声 ${formatNumber(ambient, 1)} dB，高出 ${formatNumber(delta, 1)} dB；规范未规定声级，需人工复核`,
      reasons: [`${CONTENT_UNKNOWN}，无可据以判定的声级数值`],
      ...(advisories.length ? { advisories } : {}),
      derived,
    }
  },
}

export const audibleSignalChecks: readonly CheckDefinition[] = [provision, acoustics]

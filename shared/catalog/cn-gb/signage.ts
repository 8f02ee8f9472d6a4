import { booleanInput, yesNoCheck } from '../check-helpers'
import type { CheckDefinition } from '../types'
import { gb50763, gb55019 } from './clauses'

const presence = yesNoCheck({
  id: 'signage.presence',
  category: 'signage',
  title: '无障碍设施标志',
  requirement: '每处无障碍设施都应设置无障碍标志。',
  clauses: [gb55019('4.0.3', 'high')],
  severity: 'major',
  conditions: [
    {
      input: booleanInput('hasSymbol', '无障碍设施是否设有无障碍标志'),
      expected: true,
      failText: '无障碍设施未设无障碍标志',
    },
  ],
  passText: '无障碍设施设有无障碍标志',
})

const wayfinding = yesNoCheck({
  id: 'signage.wayfinding',
  category: 'signage',
  title: '无障碍标识系统的连续性',
  requirement: '无障碍标识应纳入场所的导向标识系统，连续指示无障碍设施的位置和方向。',
  clauses: [gb55019('4.0.1', 'high')],
  severity: 'major',
  conditions: [
    {
      input: booleanInput('continuous', '标识是否纳入导向系统并连续指示位置和方向'),
      expected: true,
      failText: '标识不连续，无法引导到无障碍设施',
    },
  ],
  passText: '标识连续指示无障碍设施的位置和方向',
})

const visibility = yesNoCheck({
  id: 'signage.visibility',
  category: 'signage',
  title: '无障碍标识的可见性',
  requirement: '无障碍标识应在站姿和坐姿视线高度均易于看到，且不被遮挡。',
  clauses: [gb55019('4.0.2', 'high')],
  severity: 'major',
  conditions: [
    {
      input: booleanInput('visibleSeated', '站姿和坐姿视线高度是否都能看到'),
      expected: true,
      failText: '站姿或坐姿视线高度看不到标识',
    },
    { input: booleanInput('unobstructed', '标识是否未被遮挡'), expected: true, failText: '标识被遮挡' },
  ],
  passText: '站姿和坐姿均可看到标识，且未被遮挡',
})

const braille = yesNoCheck({
  id: 'signage.braille',
  category: 'signage',
  title: '电梯按钮盲文',
  requirement: '无障碍电梯的呼叫按钮和轿厢内楼层按钮应设盲文，盲文采用国家通用盲文。',
  clauses: [gb55019('2.6.1', 'medium'), gb50763('3.16.2', 'R', 'medium')],
  severity: 'major',
  conditions: [
    {
      input: booleanInput('callButtons', '候梯厅呼叫按钮是否有盲文'),
      expected: true,
      failText: '呼叫按钮无盲文',
    },
    {
      input: booleanInput('carButtons', '轿厢内楼层按钮是否有盲文'),
      expected: true,
      failText: '轿厢楼层按钮无盲文',
    },
  ],
  passText: '呼叫按钮和轿厢楼层按钮均有盲文',
})

export const signageChecks: readonly CheckDefinition[] = [presence, wayfinding, visibility, braille]

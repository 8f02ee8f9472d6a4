import { booleanInput, whenYes, yesNoCheck } from '../check-helpers'
import type { CheckDefinition } from '../types'
import { gb55019 } from './clauses'

const warningsClause = gb55019('4.0.4', 'high', {
  note: '对需要安全警示处，应同时提供包括视觉标识和听觉标识的警示标识',
})
const textBackup = gb55019('4.0.5', 'high', {
  note: '语音信息密集的公共场所和以声音为主要传播手段的公共服务应提供文字信息的辅助服务',
})
const audioBackup = gb55019('4.0.6', 'high', {
  note: '在以视觉信息为主的公共服务中，应提供听觉信息的辅助服务',
})

const warnings = yesNoCheck({
  id: 'information.warnings',
  category: 'information',
  title: '安全警示同时有视觉和听觉提示',
  requirement: '需要安全警示的地方（如自动扶梯、闸机、施工区），应同时提供视觉警示和听觉警示。',
  clauses: [warningsClause],
  severity: 'critical',
  before: [booleanInput('warningNeeded', '此处是否需要安全警示')],
  appliesWhen: whenYes('warningNeeded', '需要安全警示处', '此处不需要安全警示，不适用'),
  conditions: [
    {
      input: booleanInput('visual', '是否有视觉警示（标识、灯光）'),
      expected: true,
      failText: '缺少视觉警示',
    },
    {
      input: booleanInput('audible', '是否有听觉警示（语音、提示音）'),
      expected: true,
      failText: '缺少听觉警示',
    },
  ],
  passText: '视觉警示和听觉警示均已提供',
})

const text = yesNoCheck({
  id: 'information.text-backup',
  category: 'information',
  title: '以声音为主的服务有文字辅助',
  requirement:
    '语音信息密集的公共场所和以声音为主要传播手段的公共服务（如广播叫号），应提供文字信息的辅助服务。',
  clauses: [textBackup],
  severity: 'major',
  before: [booleanInput('audioService', '是否为语音信息密集的场所或以声音为主的服务')],
  appliesWhen: whenYes(
    'audioService',
    '语音信息密集的场所或以声音为主的服务',
    '不是以声音为主的服务，不适用',
  ),
  conditions: [
    {
      input: booleanInput('textProvided', '是否提供文字信息（显示屏、字幕等）'),
      expected: true,
      failText: '以声音为主的服务未提供文字信息',
    },
  ],
  passText: '提供了文字信息的辅助服务',
})

const audio = yesNoCheck({
  id: 'information.audio-backup',
  category: 'information',
  title: '以视觉为主的服务有听觉辅助',
  requirement: '以视觉信息为主的公共服务（如电子显示屏叫号、自助终端），应提供听觉信息的辅助服务。',
  clauses: [audioBackup],
  severity: 'major',
  before: [booleanInput('visualService', '是否为以视觉信息为主的公共服务')],
  appliesWhen: whenYes('visualService', '以视觉信息为主的公共服务', '不是以视觉信息为主的服务，不适用'),
  conditions: [
    {
      input: booleanInput('audioProvided', '是否提供语音播报等听觉信息'),
      expected: true,
      failText: '以视觉为主的服务未提供听觉信息',
    },
  ],
  passText: '提供了听觉信息的辅助服务',
})

export const informationChecks: readonly CheckDefinition[] = [warnings, text, audio]

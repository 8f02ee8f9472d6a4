import { refsForCriteria } from '../clause-refs'
import type { OwnRuleMeta } from './own-rule'

export const aaAccesskey: OwnRuleMeta = {
  id: 'aa-accesskey',
  description: '快捷键（accesskey）应设在可用的元素上并取单个字符',
  help: 'accesskey 只设在可见、可用的链接、按钮或表单控件上，取值为单个字母或数字，并在页面（如无障碍说明页）公布快捷键列表；重复的快捷键另见 axe 的 accesskeys 规则。',
  impact: 'minor',
  refs: refsForCriteria([]),
  bestPractice: true,
  method:
    '列出 accesskey 取值不是单个字符，或设在隐藏、禁用、不可聚焦元素上的情形（按下快捷键不会有任何效果）。属于最佳实践。',
}

import { refsForCriteria } from '../clause-refs'
import type { OwnRuleMeta } from './own-rule'

export const aaAccesskey: OwnRuleMeta = {
  id: 'aa-accesskey',
  description: '快捷键（accesskey）应取单个字符',
  help: 'accesskey 只设在可见、可用的链接、按钮或表单控件上，取值为单个字母或数字，并在页面（如无障碍说明页）公布快捷键列表，同一页面上不同元素的快捷键不要重复。',
  impact: 'minor',
  refs: refsForCriteria([]),
  bestPractice: true,
  method:
    '列出 accesskey 取值为空或不是单个字符（多个快捷键须以空格分隔）的元素，浏览器不会响应这样的快捷键。属于最佳实践；快捷键是否与读屏软件冲突需要人工判断。',
}

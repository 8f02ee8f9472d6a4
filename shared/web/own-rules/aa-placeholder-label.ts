import { refsForCriteria } from '../clause-refs'
import type { OwnRuleMeta } from './own-rule'

export const aaPlaceholderLabel: OwnRuleMeta = {
  id: 'aa-placeholder-label',
  description: '输入框不应只用占位文字（placeholder）代替标签',
  help: '为输入框加上始终可见的文字标签（<label for="…">），占位文字只用来举例说明格式。占位文字在开始输入后就消失，颜色也通常过浅，老年人和认知障碍用户容易忘记该填什么。',
  impact: 'moderate',
  refs: refsForCriteria(['3.3.2']),
  method:
    '列出有非空 placeholder、却没有可见标签的可见文本输入框和多行文本框：没有 <label> 关联、包裹它的 <label> 或 aria-labelledby 指向的可见文字，也没有紧邻的可见说明文字。紧跟着写有文字的提交或检索按钮的单个检索框不计入（WCAG 技术 G167：用相邻按钮说明输入框用途）。',
}

import { refsForCriteria } from '../clause-refs'
import type { OwnRuleMeta } from './own-rule'

export const aaTextStyle: OwnRuleMeta = {
  id: 'aa-text-style',
  description: '大段文字不宜使用两端对齐（西文）、全部大写或斜体',
  help: '长段落改为左对齐；西文不要整段大写；中文不要整段设为斜体（中文字体没有真正的斜体，只会被机械倾斜）。这些样式会降低阅读障碍、低视力和老年用户的阅读速度。',
  impact: 'minor',
  refs: refsForCriteria([]),
  bestPractice: true,
  method:
    '列出长段文字（中文 100 字以上，西文 200 个字符以上）：以西文为主而两端对齐，以西文为主而整段大写（text-transform: uppercase 或原文大写），或整段为斜体。中文两端对齐是常规排版，不计入。属于最佳实践（参考 WCAG 1.4.8，AAA 级）。',
}

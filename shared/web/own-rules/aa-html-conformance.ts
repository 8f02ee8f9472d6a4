import { refsForCriteria } from '../clause-refs'
import type { OwnRuleMeta } from './own-rule'

export const aaHtmlConformance: OwnRuleMeta = {
  id: 'aa-html-conformance',
  description: '网页源码应符合 HTML 语法：标签正确嵌套和闭合、属性不重复、不使用已废弃的元素',
  help: '按每条问题所在的行列修改网页源码：补全或调整结束标签，删除重复的属性和重复的 id，用样式表代替 font、center 等已废弃的表现类元素，不使用滚动字幕（走马灯）和闪烁文字元素。',
  impact: 'minor',
  refs: refsForCriteria(['4.1.1']),
  method:
    '对服务器返回的原始 HTML（浏览器修复之前）做语法检查。WCAG 2.2 已删除 4.1.1，但 GB/T 37668-2019 以 WCAG 2.0/2.1 为基础，仍按此检查；对应的 GB/T 37668 条款号未核实。',
}

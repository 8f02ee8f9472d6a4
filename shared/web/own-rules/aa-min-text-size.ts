import { refsForCriteria } from '../clause-refs'
import { ageingFigures, type OwnRuleMeta } from './own-rule'

export const aaMinTextSize: OwnRuleMeta = {
  id: 'aa-min-text-size',
  description: `适老化字号：正文文字不小于 ${ageingFigures.minTextPx} px（按 1 dp/pt ≈ 1 CSS px 换算）`,
  help: `适老化规范要求适老模式（及移动网页大字档）的正文字号不小于 ${ageingFigures.minTextPx} dp/pt。请在适老模式或大字模式下确认这些文字已放大到该字号以上。`,
  impact: 'minor',
  refs: refsForCriteria([], { ageing: ['web-1.2.3', 'app-1.1'] }),
  method: `读取每段可见文字的计算字号，列出小于 ${ageingFigures.minTextPx} px 的元素。该数值针对适老模式，且 dp/pt 与 CSS px 的换算为假设，因此结果为需复核而非不符合。`,
}

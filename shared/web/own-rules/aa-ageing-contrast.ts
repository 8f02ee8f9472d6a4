import { refsForCriteria } from '../clause-refs'
import { ageingFigures, type OwnRuleMeta } from './own-rule'

export const aaAgeingContrast: OwnRuleMeta = {
  id: 'aa-ageing-contrast',
  description: `适老化对比度：文字与背景的对比度不低于 ${ageingFigures.minContrast}:1（大于 ${ageingFigures.largeTextPx} px 的文字不低于 ${ageingFigures.minContrastLarge}:1）`,
  help: `加深文字颜色或调整背景颜色，使文字与背景的对比度不低于 ${ageingFigures.minContrast}:1，大于 ${ageingFigures.largeTextPx} 像素的文字不低于 ${ageingFigures.minContrastLarge}:1。`,
  impact: 'serious',
  refs: refsForCriteria([], { ageing: ['app-1.3'] }),
  method:
    '按 WCAG 相对亮度公式计算可见文字颜色与其纯色背景（逐层合成半透明背景色）的对比度；背景含图片或渐变时无法计算，交由 axe 的 color-contrast 需复核结果处理。',
}
